using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Shared;

/// <summary>ADR 0080: the host's pool is small, and a request that finds it full waits for a connection instead of failing.</summary>
public sealed class ConnectionPoolTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [PostgresFact("The pool is Npgsql's; SQLite has none to size.")]
    public async Task A_request_that_finds_every_connection_busy_waits_for_one_and_is_answered()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // The test's connection string names no pool size, as a province's usually does not.
        var scopes = Enumerable.Range(0, DatabaseSetup.DefaultMaxPoolSize).Select(_ => app.Services.CreateScope()).ToList();
        try
        {
            var contexts = scopes.Select(scope => scope.ServiceProvider.GetRequiredService<OneStopDbContext>()).ToList();
            Assert.Equal(DatabaseSetup.DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(contexts[0].Database.GetConnectionString()).MaxPoolSize);

            foreach (var db in contexts)
            {
                await db.Database.OpenConnectionAsync();
            }

            var waiting = client.GetAsync("/health/ready");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(waiting.IsCompleted, "the readiness check got a connection beyond the pool's size");

            await contexts[0].Database.CloseConnectionAsync();
            Assert.Equal(HttpStatusCode.OK, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
        }
        finally
        {
            scopes.ForEach(scope => scope.Dispose());
        }
    }
}
