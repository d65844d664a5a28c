using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;
using Serilog.Core;
using Serilog.Events;

namespace OneStop.IntegrationTests.Shared;

public sealed class FirstStartTests(FirstStartTests.LoggedFactory app) : IClassFixture<FirstStartTests.LoggedFactory>
{
    [Fact]
    public async Task Starting_on_a_new_database_migrates_seeds_and_logs_no_error()
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // As in production, where the province's DBA creates the (empty) database and OneStop fills it.
            var target = new NpgsqlConnectionStringBuilder(app.ConnectionString);
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        // An operator reads an error at first start as a failed installation: there must be none.
        var errors = app.Events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => $"{(e.Properties.TryGetValue("SourceContext", out var source) ? source : "")}: {e.RenderMessage()} {e.Exception}").ToList();
        Assert.Empty(errors);
        Assert.Contains(app.Events, e => e.Level == LogEventLevel.Information);
    }

    public sealed class LoggedFactory : OneStopAppFactory, ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(this);
    }
}

/// <summary>A province that lets OneStop create its database (the role may CREATE DATABASE).</summary>
public sealed class FirstStartOnAMissingDatabaseTests(FirstStartTests.LoggedFactory app) : IClassFixture<FirstStartTests.LoggedFactory>
{
    [PostgresFact("SQLite creates its file at first start in FirstStartTests already.")]
    public async Task Starting_without_a_database_creates_it_and_logs_no_error()
    {
        var target = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = target } } };
            Assert.Equal(0L, await exists.ExecuteScalarAsync());
        }

        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        var errors = app.Events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => $"{(e.Properties.TryGetValue("SourceContext", out var source) ? source : "")}: {e.RenderMessage()} {e.Exception}").ToList();
        Assert.Empty(errors);
    }
}
