using System.Text;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Tests.Exchange;

public sealed class SignatureAndLogTests
{
    private static readonly SigningKey Key = SigningKey.Generate("test");

    [Fact]
    public void A_signed_message_verifies_only_unchanged_and_with_its_key()
    {
        var token = CompactJws.Sign("{\"a\":1}"u8, Key, "t");

        Assert.True(CompactJws.Verify(token, "t", id => id == "test" ? Key.Key : null).IsValid);
        Assert.False(CompactJws.Verify(token, "other-type", _ => Key.Key).IsValid);
        Assert.False(CompactJws.Verify(token, "t", _ => SigningKey.Generate("x").Key).IsValid);
        Assert.False(CompactJws.Verify(token, "t", _ => null).IsValid);
        var parts = token.Split('.');
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString("{\"a\":2}"u8) + "." + parts[2];
        Assert.Equal("the signature does not match the message", CompactJws.Verify(forged, "t", _ => Key.Key).Error);
    }

    [Fact]
    public void An_unsigned_or_other_algorithm_token_is_refused()
    {
        var header = System.Buffers.Text.Base64Url.EncodeToString("{\"alg\":\"none\",\"kid\":\"test\",\"typ\":\"t\"}"u8);
        var body = System.Buffers.Text.Base64Url.EncodeToString("{}"u8);

        Assert.Contains("ES256", CompactJws.Verify($"{header}.{body}.", "t", _ => Key.Key).Error);
        Assert.False(CompactJws.Verify("not a token", "t", _ => Key.Key).IsValid);
    }

    [Fact]
    public void A_detached_signature_covers_the_exact_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"found\":true}");
        var signature = CompactJws.SignDetached(body, Key, "r");

        Assert.True(CompactJws.VerifyDetached(signature, body, "r", _ => Key.Key).IsValid);
        Assert.False(CompactJws.VerifyDetached(signature, Encoding.UTF8.GetBytes("{\"found\":false}"), "r", _ => Key.Key).IsValid);
    }

    [Fact]
    public void A_replayed_or_stale_nonce_is_refused()
    {
        var time = new FixedTime(DateTimeOffset.Parse("2026-01-15T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var guard = new ReplayGuard(time, TimeSpan.FromMinutes(2));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.Equal(ReplayCheck.Accepted, guard.Check("gw", "n1", now));
        Assert.Equal(ReplayCheck.Replayed, guard.Check("gw", "n1", now));
        Assert.Equal(ReplayCheck.Accepted, guard.Check("other", "n1", now));
        Assert.Equal(ReplayCheck.Expired, guard.Check("gw", "n2", now - 180_000));
        Assert.Equal(ReplayCheck.CreatedInTheFuture, guard.Check("gw", "n3", now + 180_000));
    }

    [Fact]
    public void Any_change_to_an_entry_changes_its_hash_and_the_Merkle_root()
    {
        var entry = new ExchangeLogEntry
        {
            Sequence = 1,
            RequestId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001"),
            OccurredAt = DateTimeOffset.UnixEpoch,
            ClientSystem = "c",
            EndUser = "citizen:033085001234",
            Registry = "population",
            Service = "population.person",
            SubjectId = "033085001234",
            Purpose = "application-prefill",
            LegalBasis = "118/2025/NĐ-CP",
            ApplicationCode = "a",
            Fields = "fullName",
            Outcome = "delivered",
            DataSubjects = "033085001234",
            RequestDigest = "r",
            ResponseDigest = "s",
            PreviousHash = LogHashing.Genesis,
            Hash = "",
        };
        var hash = LogHashing.Hash(entry);
        var other = LogHashing.Hash(new ExchangeLogEntry
        {
            Sequence = entry.Sequence,
            RequestId = entry.RequestId,
            OccurredAt = entry.OccurredAt,
            ClientSystem = entry.ClientSystem,
            EndUser = entry.EndUser,
            Registry = entry.Registry,
            Service = entry.Service,
            SubjectId = entry.SubjectId,
            Purpose = "criminal-record-certificate",
            LegalBasis = entry.LegalBasis,
            ApplicationCode = entry.ApplicationCode,
            Fields = entry.Fields,
            Outcome = entry.Outcome,
            DataSubjects = entry.DataSubjects,
            RequestDigest = entry.RequestDigest,
            ResponseDigest = entry.ResponseDigest,
            PreviousHash = entry.PreviousHash,
            Hash = "",
        });

        Assert.Equal(hash, LogHashing.Hash(entry));
        Assert.NotEqual(hash, other);
        Assert.NotEqual(LogHashing.MerkleRoot([hash, other]), LogHashing.MerkleRoot([other, hash]));
        Assert.NotEqual(LogHashing.MerkleRoot([hash, other, hash]), LogHashing.MerkleRoot([hash, other]));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
