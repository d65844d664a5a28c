using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Registries.Synthetic;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Exchange;

/// <summary>Edits and deletes log rows with plain SQL, as an intruder with database access would.</summary>
public sealed class ExchangeLogTamperTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    private async Task<long[]> ExchangeAsync(int count)
    {
        var gateway = app.Services.GetRequiredService<IExchangeGateway>();
        var sequences = new List<long>();
        for (var i = 0; i < count; i++)
        {
            sequences.Add((await gateway.QueryAsync(Demo.Officer("population.person", DemoPeople.An))).LogSequence!.Value);
        }

        await app.Services.GetRequiredService<ExchangeLogWriter>().SealNowAsync(CancellationToken.None);
        return [.. sequences];
    }

    private async Task<LogVerification> VerifyAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeLogVerifier>().VerifyAsync(CancellationToken.None);
    }

    private async Task SqlAsync(string sql)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Tampering_is_found_and_the_log_otherwise_verifies()
    {
        // One test, in order: the class shares one database and each step leaves its mark.
        var sequences = await ExchangeAsync(6);
        var intact = await VerifyAsync();
        Assert.True(intact.Intact, string.Join("; ", intact.Problems.Select(p => p.Detail)));
        Assert.True(intact.Seals >= 1);
        Assert.Equal(0, intact.UnsealedEntries);

        // An edited purpose: the entry's hash no longer matches, nor does its seal.
        await SqlAsync($"UPDATE exchange_log_entries SET \"Purpose\" = 'criminal-record-certificate' WHERE \"Sequence\" = {sequences[1]}");
        var edited = await VerifyAsync();
        Assert.False(edited.Intact);
        Assert.Contains(edited.Problems, p => p.Kind == "altered" && p.Sequence == sequences[1]);
        Assert.Contains(edited.Problems, p => p.Kind == "seal");

        // A deleted entry: the numbering has a hole.
        await SqlAsync($"DELETE FROM exchange_log_entries WHERE \"Sequence\" = {sequences[3]}");
        var deleted = await VerifyAsync();
        Assert.Contains(deleted.Problems, p => p.Kind == "missing" && p.Sequence == sequences[3]);

        // A hidden access: the row that shows it to the citizen is removed.
        await SqlAsync($"DELETE FROM exchange_log_data_subjects WHERE \"Sequence\" = {sequences[4]}");
        var hidden = await VerifyAsync();
        Assert.Contains(hidden.Problems, p => p.Kind == "index" && p.Sequence == sequences[4]);

        // The command line says the same, with a failing exit code.
        var command = app.Services.GetServices<ICommand>().Single(c => c.Name == "exchange-verify");
        using (var commandScope = app.Services.CreateScope())
        {
            Assert.Equal(1, await command.RunAsync(commandScope.ServiceProvider, [], CancellationToken.None));
        }

        // A rewritten entry whose hash and every later link are recomputed: only the signed seal tells.
        sequences = await ExchangeAsync(4);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();

        // The intruder rewrites an entry and recomputes its hash and every later link of the chain.
        var entries = await db.Set<ExchangeLogEntry>().Where(e => e.Sequence >= sequences[0]).OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries[0].PreviousHash;
        foreach (var entry in entries)
        {
            if (entry.Sequence == sequences[0])
            {
                db.Entry(entry).Property(e => e.ClientSystem).CurrentValue = "onestop-portal";
            }

            entry.PreviousHash = previous;
            entry.Hash = LogHashing.Hash(entry);
            previous = entry.Hash;
        }

        await db.SaveChangesAsync();

        var result = await scope.ServiceProvider.GetRequiredService<ExchangeLogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.DoesNotContain(result.Problems, p => p.Sequence >= sequences[0] && p.Kind != "seal");
        Assert.Contains(result.Problems, p => p.Kind == "seal" && p.Sequence == sequences[0]);
    }
}
