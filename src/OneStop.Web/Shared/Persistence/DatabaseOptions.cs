namespace OneStop.Web.Shared.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section of the configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded SQLite database lives, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the application starts (the embedded default does).</summary>
    public bool ApplyMigrationsAtStartup { get; set; } = true;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }

    /// <summary>
    /// The connection string to use: <c>ConnectionStrings:OneStop</c> when set, otherwise (SQLite only)
    /// a file in the data directory, which is created on first run.
    /// </summary>
    public string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("OneStop");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:OneStop is not set. " +
                "Set it, e.g. ConnectionStrings__OneStop=\"Host=db;Database=onestop;Username=onestop;Password=…\".");
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, DataDirectory));
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "onestop.db")};Default Timeout=30";
    }
}
