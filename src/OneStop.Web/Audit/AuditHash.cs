using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneStop.Web.Audit;

/// <summary>
/// The canonical form of an entry and its hash. The form is a JSON object with a fixed property order,
/// so that anyone can recompute it; changing it would break every existing chain, hence the version.
/// </summary>
public static class AuditHash
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string CanonicalForm(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteNumber("seq", entry.Sequence);
            json.WriteString("at", FormatInstant(entry.OccurredAt));
            json.WriteString("actorId", entry.ActorId);
            json.WriteString("actorName", entry.ActorName);
            json.WriteString("action", entry.Action);
            json.WriteString("subject", entry.Subject);
            json.WriteString("province", entry.ProvinceCode);
            json.WriteString("unit", entry.UnitCode);
            json.WriteString("details", entry.Details);
            json.WriteString("prev", entry.PreviousHash);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(entry))));

    /// <summary>Milliseconds are what both SQLite and PostgreSQL keep exactly.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Details as a JSON object with keys in ordinal order, so the same details give the same text.</summary>
    public static string? CanonicalDetails(IReadOnlyDictionary<string, string?>? details)
    {
        if (details is null || details.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
