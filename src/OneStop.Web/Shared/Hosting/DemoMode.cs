using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Shared.Hosting;

/// <summary>
/// Whether this installation is the embedded demo: then capabilities create demo accounts and demo
/// data on first run and print them at start-up. <c>Demo:Enabled</c> decides; when it is not set, the
/// embedded SQLite default is a demo and a PostgreSQL (production) installation never is.
/// </summary>
public sealed record DemoMode(bool Enabled)
{
    public static DemoMode From(IConfiguration configuration)
    {
        var configured = configuration["Demo:Enabled"];
        if (bool.TryParse(configured, out var enabled))
        {
            return new DemoMode(enabled);
        }

        return new DemoMode(DatabaseOptions.From(configuration).Provider == DatabaseProvider.Sqlite);
    }
}
