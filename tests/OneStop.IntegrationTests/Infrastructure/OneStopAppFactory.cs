using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>
/// The real OneStop host on a database of its own (SQLite or PostgreSQL, as the run says). One per
/// test class through <c>IClassFixture</c>; the database is dropped when the class is done.
/// </summary>
public class OneStopAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public DatabaseProvider Provider => _database.Provider;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>Extra configuration a test class needs, as "Section:Key" = value.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:OneStop", _database.ConnectionString);
        builder.UseSetting("Database:ApplyMigrationsAtStartup", "true");
        // Scheduled jobs would act on a test's data at moments of their own; a test that wants them turns them on.
        builder.UseSetting("Scheduling:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(ConfigureTestServices);
    }

    /// <summary>Replace a service for a test class (a clock, an unreachable registry…).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }
}
