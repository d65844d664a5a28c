using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace OneStop.Web.AdministrativeUnits.Persistence;

/// <summary>
/// Inserts many rows on the context's connection and transaction, each provider its fastest plain
/// way. Tracking 30,000 entities through SaveChanges costs seconds; this a fraction of that.
/// Tables and columns come from the EF model, so they cannot drift from the migrations.
/// </summary>
internal static class BulkInsert
{
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
        var isPostgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        object Value(T row, int column)
        {
            var value = getters[column].GetClrValueUsingContainingEntity(row);
            if (value is not null && converters[column] is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            return value ?? DBNull.Value;
        }

        if (!isPostgres)
        {
            // SQLite: one prepared single-row statement, executed per row inside the transaction, is
            // its fastest path (it looks parameters up by name, which a statement of thousands makes slow).
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = head + "(" + string.Join(", ", properties.Select((_, c) => "@p" + c.ToString(CultureInfo.InvariantCulture))) + ")";
            var parameters = properties.Select((_, c) =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + c.ToString(CultureInfo.InvariantCulture);
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await insert.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = Value(row, c);
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        // PostgreSQL: one binary COPY per table, its bulk-load path.
        var npgsql = (NpgsqlConnection)connection;
        var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await npgsql.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                for (var c = 0; c < properties.Length; c++)
                {
                    var task = Value(row, c) switch
                    {
                        DBNull => writer.WriteNullAsync(cancellationToken),
                        string text => writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                        DateOnly date => writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
                        bool flag => writer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                        int number => writer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                        long number => writer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                        var other => throw new NotSupportedException($"{typeof(T).Name}.{properties[c].Name}: {other.GetType().Name} is not written by the bulk copy."),
                    };
                    await task;
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }
    }
}
