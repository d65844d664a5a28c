using System.Security.Cryptography;
using System.Text.Json;

namespace OneStop.Web.Exchange.Log;

/// <summary>How an entry is hashed into the chain and how a batch is summed up in a Merkle root.</summary>
public static class LogHashing
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 of the previous hash and the entry's values in a fixed order (the hash itself excluded).</summary>
    public static string Hash(ExchangeLogEntry entry)
    {
        using var stream = new MemoryStream(512);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(entry.PreviousHash);
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(entry.RequestId.ToString("N"));
            writer.WriteNumberValue(entry.OccurredAt.ToUnixTimeMilliseconds());
            writer.WriteStringValue(entry.ClientSystem);
            writer.WriteStringValue(entry.EndUser);
            writer.WriteStringValue(entry.EndUserUnit);
            writer.WriteStringValue(entry.Registry);
            writer.WriteStringValue(entry.Service);
            writer.WriteStringValue(entry.SubjectId);
            writer.WriteStringValue(entry.Purpose);
            writer.WriteStringValue(entry.LegalBasis);
            writer.WriteStringValue(entry.ApplicationCode);
            writer.WriteStringValue(entry.Fields);
            writer.WriteStringValue(entry.Outcome);
            writer.WriteStringValue(entry.Reason);
            writer.WriteStringValue(entry.DataSubjects);
            writer.WriteStringValue(entry.RequestDigest);
            writer.WriteStringValue(entry.ResponseDigest);
            writer.WriteStringValue(entry.ResponseSignature);
            writer.WriteStringValue(entry.RequestBody);
            writer.WriteStringValue(entry.ResponseBody);
            writer.WriteEndArray();
        }

        return Sha256Hex(stream.GetBuffer().AsSpan(0, (int)stream.Length));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>
    /// The Merkle root of entry hashes (RFC 6962 style: leaves and nodes hashed with different prefixes,
    /// an odd node carried up unchanged), so one entry can later be proven part of a sealed batch.
    /// </summary>
    public static string MerkleRoot(IReadOnlyList<string> hashes)
    {
        if (hashes.Count == 0)
        {
            return Genesis;
        }

        var level = hashes.Select(h => Node(0x00, Convert.FromHexString(h), [])).ToList();
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Node(0x01, level[i], level[i + 1]) : level[i]);
            }

            level = next;
        }

        return Convert.ToHexStringLower(level[0]);
    }

    private static byte[] Node(byte prefix, byte[] left, byte[] right)
    {
        var buffer = new byte[1 + left.Length + right.Length];
        buffer[0] = prefix;
        left.CopyTo(buffer, 1);
        right.CopyTo(buffer, 1 + left.Length);
        return SHA256.HashData(buffer);
    }
}

/// <summary>What a seal signs.</summary>
public sealed record SealPayload(long Id, long From, long To, string ChainHead, string MerkleRoot, long SealedAtUnixMilliseconds)
{
    public const string MediaType = "onestop-exchange-log-seal+jwt";
}
