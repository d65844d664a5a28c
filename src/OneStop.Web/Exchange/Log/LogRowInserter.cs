using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Web.Exchange.Log;

/// <summary>
/// Inserts rows of one log table with a command kept by the writer between groups. Going through the
/// change tracker cost the log writer about five times the insert itself (SQLite prepares a new statement
/// for every new command). Table, columns and value conversions are read from the EF model, the same
/// mapping the verifier reads back with, so the rows cannot differ from what EF would have written.
/// </summary>
internal sealed class LogRowInserter<T>
    where T : class
{
    private readonly DbConnection _connection;
    private readonly string _sql;
    private readonly (PropertyInfo Clr, RelationalTypeMapping Mapping, bool Nullable, string Name)[] _columns;

    public LogRowInserter(DbContext db, DbConnection connection)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().ToArray();
        _columns = [.. properties.Select((p, i) => (
            p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no CLR property."),
            p.GetRelationalTypeMapping(),
            p.IsNullable,
            sql.GenerateParameterName("p" + i)))];
        _connection = connection;
        _sql =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i)))})";
    }

    public async Task InsertAsync(T row, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // A command per row: Npgsql's automatic preparation keeps the statement prepared by its text, and a
        // command reused with its parameters replaced wrote the previous row again (duplicate keys).
        await using var command = _connection.CreateCommand();
        command.CommandText = _sql;
        command.Transaction = transaction;
        foreach (var (clr, mapping, nullable, name) in _columns)
        {
            command.Parameters.Add(mapping.CreateParameter(command, name, clr.GetValue(row), nullable));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
