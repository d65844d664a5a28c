using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.AdministrativeUnits.Persistence;

/// <summary>
/// Copies the directory into the database for reports. The copy carries the data's content hash:
/// when the shipped data has not changed, nothing is written, so a restart costs one query.
/// </summary>
public sealed partial class AdministrativeUnitSeeder(
    AdministrativeUnitDirectory directory,
    TimeProvider time,
    ILogger<AdministrativeUnitSeeder> logger) : IDataSeeder
{
    /// <summary>Reference data other capabilities' seeders may refer to: first.</summary>
    public int Order => -1000;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CopyAsync(services.GetRequiredService<OneStopDbContext>(), cancellationToken);

    /// <summary>Writes the copy if it is missing or stale; true when it wrote.</summary>
    public async Task<bool> CopyAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var hash = directory.Report.ContentHash;
        if (await IsCurrentAsync(db, hash, cancellationToken))
        {
            LogUnchanged(directory.Report.ContentHash[..12]);
            return false;
        }

        var sets = directory.Sets.Select(ToStored).ToList();
        var units = directory.Sets
            .SelectMany(set => Enum.GetValues<UnitLevel>().SelectMany(level => UnitsOf(set, level)))
            .Select(ToStored)
            .ToList();
        var successions = directory.Sets
            .SelectMany(set => UnitsOf(set, null))
            .SelectMany(unit => unit.Successors)
            .Select(s => new StoredSuccession
            {
                FromSetCode = s.From.Set.Code,
                FromCode = s.From.Code,
                ToSetCode = s.To.Set.Code,
                ToCode = s.To.Code,
                Kind = UnitTypes.ApiName(s.Kind),
            })
            .ToList();

        var started = time.GetTimestamp();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.AdministrativeUnitSuccessions.ExecuteDeleteAsync(cancellationToken);
            await db.AdministrativeUnits.ExecuteDeleteAsync(cancellationToken);
            await db.AdministrativeUnitSets.ExecuteDeleteAsync(cancellationToken);
            await db.AdministrativeUnitImports.Where(i => i.Name == UnitDataImport.CurrentName).ExecuteDeleteAsync(cancellationToken);
            await BulkInsert.InsertAsync(db, sets, cancellationToken);
            await BulkInsert.InsertAsync(db, units, cancellationToken);
            await BulkInsert.InsertAsync(db, successions, cancellationToken);
            db.AdministrativeUnitImports.Add(new UnitDataImport
            {
                Name = UnitDataImport.CurrentName,
                ContentHash = hash,
                ImportedAt = time.GetUtcNow(),
                Units = units.Count,
                Successions = successions.Count,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Another instance starting at the same moment may have written the same copy first.
            db.ChangeTracker.Clear();
            if (await IsCurrentAsync(db, hash, CancellationToken.None))
            {
                return false;
            }

            throw;
        }

        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        LogCopied(units.Count, successions.Count, elapsed, hash[..12]);
        return true;
    }

    private static async Task<bool> IsCurrentAsync(OneStopDbContext db, string hash, CancellationToken cancellationToken) =>
        await db.AdministrativeUnitImports.AsNoTracking()
            .AnyAsync(i => i.Name == UnitDataImport.CurrentName && i.ContentHash == hash, cancellationToken);

    private IEnumerable<AdministrativeUnit> UnitsOf(UnitSet set, UnitLevel? level) =>
        directory.UnitsOf(set).Where(u => level is null || u.Level == level);

    private static StoredUnitSet ToStored(UnitSet set) => new()
    {
        Code = set.Code,
        EffectiveFrom = set.EffectiveFrom,
        EffectiveUntil = set.EffectiveUntil,
        DataAsOf = set.DataAsOf,
        HasDistricts = set.HasDistricts,
        Description = set.Description,
        LegalBasis = set.LegalBasis,
    };

    private static StoredUnit ToStored(AdministrativeUnit unit) => new()
    {
        SetCode = unit.Set.Code,
        Code = unit.Code,
        Level = UnitTypes.ApiName(unit.Level),
        Type = UnitTypes.ApiName(unit.Type),
        Name = unit.Name,
        FullName = unit.FullName,
        NameEn = unit.NameEn,
        FullNameEn = unit.FullNameEn,
        QualifiedName = unit.QualifiedName,
        SearchName = VietnameseNames.Fold(unit.FullName),
        ParentCode = unit.Parent?.Code,
        ProvinceCode = unit.Province.Code,
        DistrictCode = unit.District?.Code,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrative units in the database are current (data {Hash}); nothing written")]
    private partial void LogUnchanged(string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrative units copied to the database: {Units} units, {Successions} successions in {Milliseconds:0} ms (data {Hash})")]
    private partial void LogCopied(int units, int successions, double milliseconds, string hash);
}
