using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Tracking;

/// <summary>
/// The query behind <see cref="StatusLookupQueue"/>: the status rows of a batch of codes, synchronously (it runs
/// on a reader's own thread).
/// </summary>
/// <remarks>
/// On PostgreSQL it is one hand-written statement on a data source of its own (ADR 0076): through EF Core the
/// query cost about as much again as the round trip, and PostgreSQL planned <c>= ANY($1)</c> anew on every
/// execution, since a custom plan for the batch at hand always looks cheaper than the generic one. Its
/// connections are opened with <c>plan_cache_mode=force_generic_plan</c>, which is safe for this one statement (a
/// unique-index look-up whatever the codes) and touches no other query. Table and column names come from the
/// EF model, so a renamed column cannot leave it behind. On SQLite, where neither cost exists, it is the EF query.
/// </remarks>
public sealed class ApplicationStatusRows(IServiceScopeFactory scopes, DatabaseOptions database) : IDisposable
{
    private readonly Lock _opening = new();
    private PostgresStatement? _postgres;
    private bool _disposed;

    public IReadOnlyList<ApplicationStatusRow> Read(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        return database.Provider == DatabaseProvider.Postgres ? Postgres().Read(codes) : ReadThroughContext(codes);
    }

    public void Dispose()
    {
        lock (_opening)
        {
            _disposed = true;
            _postgres?.Dispose();
            _postgres = null;
        }
    }

    private List<ApplicationStatusRow> ReadThroughContext(IReadOnlyCollection<string> codes)
    {
        using var scope = scopes.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<Application>().AsNoTracking()
            .Where(a => codes.Contains(a.Code))
            .Select(a => new ApplicationStatusRow(a.Code, a.ApplicantIdNumber, a.ProcedureCode, a.ProcedureName, a.UnitCode, a.Status, a.SubmittedAt, a.AppointmentAt))];
    }

    private PostgresStatement Postgres()
    {
        if (Volatile.Read(ref _postgres) is { } opened)
        {
            return opened;
        }

        lock (_opening)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_postgres is null)
            {
                using var scope = scopes.CreateScope();
                Volatile.Write(ref _postgres, new PostgresStatement(scope.ServiceProvider.GetRequiredService<OneStopDbContext>()));
            }

            return _postgres;
        }
    }

    private sealed class PostgresStatement : IDisposable
    {
        private const string GenericPlans = "-c plan_cache_mode=force_generic_plan";

        private readonly NpgsqlDataSource _source;
        private readonly string _sql;

        public PostgresStatement(DbContext db)
        {
            var entityType = db.Model.FindEntityType(typeof(Application)) ?? throw new InvalidOperationException("Application is not mapped.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) =>
                sql.DelimitIdentifier(entityType.FindProperty(property)?.GetColumnName(table) ?? throw new InvalidOperationException($"Application.{property} is not mapped."));

            // The order is the reader's in Read.
            _sql =
                $"SELECT {Column(nameof(Application.Code))}, {Column(nameof(Application.ApplicantIdNumber))}, {Column(nameof(Application.ProcedureCode))}, " +
                $"{Column(nameof(Application.ProcedureName))}, {Column(nameof(Application.UnitCode))}, {Column(nameof(Application.Status))}, " +
                $"{Column(nameof(Application.SubmittedAt))}, {Column(nameof(Application.AppointmentAt))} " +
                $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {Column(nameof(Application.Code))} = ANY($1)";

            // The contexts' own connection string, PostgreSQL defaults included.
            var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? GenericPlans : $"{builder.Options} {GenericPlans}";
            _source = NpgsqlDataSource.Create(builder);
        }

        public List<ApplicationStatusRow> Read(IReadOnlyCollection<string> codes)
        {
            using var command = _source.CreateCommand(_sql);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. codes] });
            using var reader = command.ExecuteReader();
            var rows = new List<ApplicationStatusRow>(codes.Count);
            while (reader.Read())
            {
                rows.Add(new ApplicationStatusRow(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    (ApplicationStatus)reader.GetInt32(5),
                    reader.GetFieldValue<DateTimeOffset>(6),
                    reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
            }

            return rows;
        }

        public void Dispose() => _source.Dispose();
    }
}
