using System.Security.Cryptography;
using System.Text;
using OneStop.Web.Audit;

namespace OneStop.Tests.Audit;

public sealed class AuditHashTests
{
    private static AuditEntry Entry() => new()
    {
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2026, 4, 30, 8, 15, 0, 123, TimeSpan.Zero),
        ActorId = "officer:abc",
        ActorName = "Nguyễn Thị Lan",
        Action = "applications.received",
        Subject = "application:01-260430-0001",
        ProvinceCode = "01",
        UnitCode = "00004",
        Details = AuditHash.CanonicalDetails(new Dictionary<string, string?> { ["b"] = "2", ["a"] = "1" }),
        PreviousHash = new string('a', 64),
    };

    [Fact]
    public void The_hash_is_SHA_256_of_the_canonical_form()
    {
        var entry = Entry();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditHash.CanonicalForm(entry))));
        Assert.Equal(expected, AuditHash.Compute(entry));
        Assert.Contains("\"at\":\"2026-04-30T08:15:00.123Z\"", AuditHash.CanonicalForm(entry), StringComparison.Ordinal);
    }

    public static TheoryData<string> Fields => new()
    {
        "Sequence", "OccurredAt", "ActorId", "ActorName", "Action", "Subject", "ProvinceCode", "UnitCode", "Details", "PreviousHash",
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_field_is_covered_by_the_hash(string field)
    {
        var original = AuditHash.Compute(Entry());
        var changed = Entry();
        switch (field)
        {
            case "Sequence": changed.Sequence++; break;
            case "OccurredAt": changed.OccurredAt = changed.OccurredAt.AddMilliseconds(1); break;
            case "ActorId": changed.ActorId += "x"; break;
            case "ActorName": changed.ActorName = null; break;
            case "Action": changed.Action += "x"; break;
            case "Subject": changed.Subject += "x"; break;
            case "ProvinceCode": changed.ProvinceCode = "33"; break;
            case "UnitCode": changed.UnitCode = "11953"; break;
            case "Details": changed.Details = null; break;
            default: changed.PreviousHash = new string('b', 64); break;
        }

        Assert.NotEqual(original, AuditHash.Compute(changed));
    }

    [Fact]
    public void Details_read_the_same_whatever_order_they_were_given_in()
    {
        Assert.Equal(
            AuditHash.CanonicalDetails(new Dictionary<string, string?> { ["b"] = "2", ["a"] = "1" }),
            AuditHash.CanonicalDetails(new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2" }));
        Assert.Null(AuditHash.CanonicalDetails(new Dictionary<string, string?>()));
    }

    [Fact]
    public void Instants_are_kept_to_the_millisecond_in_UTC()
    {
        var instant = new DateTimeOffset(2026, 4, 30, 15, 15, 0, TimeSpan.FromHours(7)).AddTicks(1_234_567);
        var truncated = AuditHash.TruncateToMilliseconds(instant);
        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(0, truncated.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(instant.UtcDateTime.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerMillisecond)), truncated.UtcDateTime);
    }
}
