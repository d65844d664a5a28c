using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Intake;

/// <summary>
/// Application codes in the national shape: the receiving unit's code, the day of submission
/// (yyMMdd, Vietnam time) and the unit's sequence number that day, e.g. <c>00004-261205-0007</c>.
/// </summary>
public sealed class ApplicationCodes(OneStopDbContext db)
{
    /// <summary>
    /// Takes the next number with one atomic upsert in a statement of its own: concurrent submissions
    /// to one unit never wait for each other's transactions, at the price of a gap when a submission
    /// fails after taking its number.
    /// </summary>
    public async Task<string> NextAsync(string unitCode, DateTimeOffset submittedAt, CancellationToken cancellationToken = default)
    {
        var day = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(submittedAt).DateTime);
        var sequence = await db.Database.SqlQuery<int>($"""
            INSERT INTO application_code_counters ("UnitCode", "Day", "LastSequence") VALUES ({unitCode}, {day}, 1)
            ON CONFLICT ("UnitCode", "Day") DO UPDATE SET "LastSequence" = application_code_counters."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(cancellationToken);
        return Format(unitCode, day, sequence.Single());
    }

    public static string Format(string unitCode, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{unitCode}-{day:yyMMdd}-{sequence:0000}");
}
