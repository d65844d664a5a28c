using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Exchange.Gateway;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Exchange.Log;

/// <summary>What the verifier found: whether the log is intact, and every problem with the entry it concerns.</summary>
public sealed record LogVerification(bool Intact, long Entries, long Seals, long UnsealedEntries, IReadOnlyList<LogProblem> Problems);

/// <summary>A problem in the log: <c>Kind</c> is altered, missing, chain, seal or index.</summary>
public sealed record LogProblem(string Kind, long? Sequence, string Detail);

/// <summary>
/// Reads the whole exchange log and checks it: numbering without gaps, each entry's hash recomputed from
/// its values, the chain of previous hashes, every seal's gateway signature, chain head and Merkle root
/// (over the recomputed hashes, so rewriting an entry and its hash is caught by the seal), seals covering
/// the log without gaps, and the "who used my data" index agreeing with the entries.
/// </summary>
public sealed class ExchangeLogVerifier(OneStopDbContext db, GatewayKeyRing keys)
{
    public async Task<LogVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await keys.EnsureLoadedAsync(db, cancellationToken);
        var problems = new List<LogProblem>();
        var recomputed = new Dictionary<long, string>();
        var indexed = await db.Set<ExchangeLogDataSubject>().AsNoTracking()
            .Select(s => new { s.Sequence, s.PersonalIdNumber })
            .ToListAsync(cancellationToken);
        var index = indexed.GroupBy(s => s.Sequence).ToDictionary(g => g.Key, g => string.Join(",", g.Select(s => s.PersonalIdNumber).Order(StringComparer.Ordinal)));

        long expected = 1;
        long entries = 0;
        var previous = LogHashing.Genesis;
        await foreach (var entry in db.Set<ExchangeLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            entries++;
            if (entry.Sequence != expected)
            {
                problems.Add(new LogProblem("missing", expected,
                    entry.Sequence - expected == 1
                        ? $"Entry {expected} is missing."
                        : $"Entries {expected} to {entry.Sequence - 1} are missing."));
            }

            if (entry.PreviousHash != previous)
            {
                problems.Add(new LogProblem("chain", entry.Sequence, $"Entry {entry.Sequence} does not follow the entry before it (previous hash differs)."));
            }

            var hash = LogHashing.Hash(entry);
            if (hash != entry.Hash)
            {
                problems.Add(new LogProblem("altered", entry.Sequence, $"Entry {entry.Sequence} was altered: its values no longer give its hash."));
            }

            var subjects = string.Join(",", entry.DataSubjects.Split(',', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal));
            if (subjects != index.GetValueOrDefault(entry.Sequence, ""))
            {
                problems.Add(new LogProblem("index", entry.Sequence, $"The data-subject index of entry {entry.Sequence} does not match the entry."));
            }

            index.Remove(entry.Sequence);
            recomputed[entry.Sequence] = hash;
            previous = entry.Hash;
            expected = entry.Sequence + 1;
        }

        foreach (var orphan in index.Keys.Order())
        {
            problems.Add(new LogProblem("index", orphan, $"The data-subject index names entry {orphan}, which is not in the log."));
        }

        var seals = await db.Set<ExchangeLogSeal>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        long sealedTo = 0;
        foreach (var seal in seals)
        {
            CheckSeal(seal, sealedTo, recomputed, problems);
            sealedTo = Math.Max(sealedTo, seal.ToSequence);
        }

        var last = expected - 1;
        return new LogVerification(problems.Count == 0, entries, seals.Count, Math.Max(0, last - sealedTo), problems);
    }

    private void CheckSeal(ExchangeLogSeal seal, long sealedTo, Dictionary<long, string> recomputed, List<LogProblem> problems)
    {
        var verification = CompactJws.Verify(seal.Signature, SealPayload.MediaType, keys.Find);
        var payload = verification.IsValid ? JsonSerializer.Deserialize<SealPayload>(verification.Payload!, RegistryJson.Options) : null;
        if (payload is null
            || payload.Id != seal.Id || payload.From != seal.FromSequence || payload.To != seal.ToSequence
            || payload.ChainHead != seal.ChainHead || payload.MerkleRoot != seal.MerkleRoot)
        {
            problems.Add(new LogProblem("seal", seal.FromSequence, $"Seal {seal.Id} (entries {seal.FromSequence}–{seal.ToSequence}) is not signed by the gateway or was altered."));
            return;
        }

        if (seal.FromSequence != sealedTo + 1)
        {
            problems.Add(new LogProblem("seal", sealedTo + 1, $"Seal {seal.Id} starts at entry {seal.FromSequence}, but the seal before it ended at {sealedTo}: a seal is missing."));
        }

        var hashes = new List<string>();
        for (var sequence = seal.FromSequence; sequence <= seal.ToSequence; sequence++)
        {
            if (recomputed.TryGetValue(sequence, out var hash))
            {
                hashes.Add(hash);
            }
        }

        if (hashes.Count != seal.ToSequence - seal.FromSequence + 1
            || LogHashing.MerkleRoot(hashes) != seal.MerkleRoot
            || recomputed.GetValueOrDefault(seal.ToSequence) != seal.ChainHead)
        {
            problems.Add(new LogProblem("seal", seal.FromSequence,
                $"Entries {seal.FromSequence}–{seal.ToSequence} no longer match seal {seal.Id}: an entry was changed or removed after it was sealed."));
        }
    }
}

/// <summary><c>exchange-verify</c>: checks the exchange log and exits 1 when anything was altered or removed.</summary>
internal sealed class ExchangeVerifyCommand : ICommand
{
    public string Name => "exchange-verify";

    public string Description => "Verify the exchange log (hash chain and signed seals); exit 1 if tampered.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<ExchangeLogVerifier>().VerifyAsync(cancellationToken);
        Console.WriteLine($"Exchange log: {result.Entries} entries, {result.Seals} seals, {result.UnsealedEntries} entries not sealed yet.");
        foreach (var problem in result.Problems)
        {
            Console.WriteLine($"  [{problem.Kind}] {problem.Detail}");
        }

        Console.WriteLine(result.Intact ? "The exchange log is intact." : $"The exchange log was tampered with: {result.Problems.Count} problem(s).");
        return result.Intact ? 0 : 1;
    }
}
