using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Registries.Synthetic;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Exchange;

/// <summary>
/// Many exchanges at once: the callers themselves write the log in groups (whoever holds the pen commits
/// everything queued), so numbering, chaining and seals must come out as if one writer wrote them in turn.
/// </summary>
public sealed class ExchangeLogWriterTests(ExchangeAppFactory app) : IClassFixture<ExchangeAppFactory>
{
    [Fact]
    public async Task Concurrent_exchanges_are_each_committed_once_numbered_without_gaps_and_chained()
    {
        var gateway = app.Services.GetRequiredService<IExchangeGateway>();
        var subjects = new[] { DemoPeople.An, DemoPeople.Dung, DemoPeople.Hoa, DemoPeople.Khanh };
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            gateway.QueryAsync(Demo.Officer("population.person", subjects[i % subjects.Length])))));

        Assert.All(results, r => Assert.Equal(ExchangeOutcome.Delivered, r.Outcome));
        var sequences = results.Select(r => r.LogSequence!.Value).Order().ToArray();
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        var (first, last) = (sequences[0], sequences[^1]);
        Assert.Equal(sequences.Length - 1, last - first);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var logged = await db.Set<ExchangeLogEntry>().AsNoTracking()
            .Where(e => e.Sequence >= first && e.Sequence <= last)
            .Select(e => new { e.Sequence, e.RequestId }).ToListAsync();
        Assert.Equal(results.Select(r => (r.LogSequence!.Value, r.RequestId)).Order(), logged.Select(e => (e.Sequence, e.RequestId)).Order());

        await app.Services.GetRequiredService<ExchangeLogWriter>().SealNowAsync(CancellationToken.None);
        var verification = await scope.ServiceProvider.GetRequiredService<ExchangeLogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems.Select(p => p.Detail)));
        Assert.Equal(0, verification.UnsealedEntries);
    }

    [Fact]
    public async Task An_entry_whose_caller_stopped_waiting_is_still_written_by_the_next_writer()
    {
        var log = app.Services.GetRequiredService<ExchangeLogWriter>();
        var requestId = Guid.CreateVersion7();
        var entry = new ExchangeLogEntry
        {
            RequestId = requestId,
            OccurredAt = ExchangeLogWriter.Truncate(DateTimeOffset.UtcNow),
            ClientSystem = "onestop-officer",
            EndUser = "officer:officer-01@" + DemoPeople.Commune,
            EndUserUnit = DemoPeople.Commune,
            Registry = "population",
            Service = "population.person",
            SubjectId = DemoPeople.An,
            Purpose = "application-verification",
            LegalBasis = "118/2025/NĐ-CP",
            ApplicationCode = Demo.Application,
            Fields = "fullName",
            Outcome = "delivered",
            DataSubjects = DemoPeople.An,
            RequestDigest = new string('0', 64),
            ResponseDigest = new string('0', 64),
            PreviousHash = "",
            Hash = "",
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => log.AppendAsync(entry, [DemoPeople.An], new CancellationToken(canceled: true)));
        await log.SealNowAsync(CancellationToken.None);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var written = await db.Set<ExchangeLogEntry>().AsNoTracking().SingleAsync(e => e.RequestId == requestId);
        Assert.True(await db.Set<ExchangeLogDataSubject>().AnyAsync(s => s.Sequence == written.Sequence && s.PersonalIdNumber == DemoPeople.An));
        var verification = await scope.ServiceProvider.GetRequiredService<ExchangeLogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems.Select(p => p.Detail)));
        Assert.Equal(0, verification.UnsealedEntries);
    }
}
