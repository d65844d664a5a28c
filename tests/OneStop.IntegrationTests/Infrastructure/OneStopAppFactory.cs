using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>
/// The real OneStop host on a database of its own (SQLite or PostgreSQL, as the run says), or on another
/// host's (<see cref="SharedConnectionString"/>). One per test class through <c>IClassFixture</c>; a database
/// of its own is dropped when the class is done.
/// </summary>
public class OneStopAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>Set to run on the database of another host: a restart, a second instance of a cluster.</summary>
    public string? SharedConnectionString { get; init; }

    public DatabaseProvider Provider => TestDatabase.RunProvider;

    public string ConnectionString => SharedConnectionString ?? (_database ??= TestDatabase.Create()).ConnectionString;

    /// <summary>Extra configuration a test class needs, as "Section:Key" = value.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:OneStop", ConnectionString);
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

    /// <summary>
    /// Stops the host and drops a database of its own, whether the factory ends as a class fixture or in an
    /// <c>await using</c> of a test that starts a host of its own.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Interlocked.Exchange(ref _database, null) is { } database)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the host and keeps its database, for a test that starts another host on it (a restart).</summary>
    public ValueTask StopHostAsync() => base.DisposeAsync();
}
