using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneStop.Web.AdministrativeUnits.Persistence;

/// <summary>
/// Inserts many rows with multi-row INSERT statements on the context's connection and transaction.
/// Tracking 28,000 entities through SaveChanges costs seconds; this costs a few hundred milliseconds
/// on SQLite and PostgreSQL alike. Tables and columns come from the EF model, so they cannot drift.
/// </summary>
internal static class BulkInsert
{
    // Far below SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
    private const int ParametersPerStatement = 2_000;

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var positional = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rowsPerStatement = Math.Max(1, ParametersPerStatement / properties.Length);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var end = Math.Min(rows.Count, start + rowsPerStatement);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + ((end - start) * properties.Length * 6));
            var number = 0;
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    number++;
                    var name = positional ? "$" + number.ToString(CultureInfo.InvariantCulture) : "@p" + number.ToString(CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(name);
                    var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                    if (value is not null && converters[c] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    var parameter = command.CreateParameter();
                    if (!positional)
                    {
                        parameter.ParameterName = name;
                    }

                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
