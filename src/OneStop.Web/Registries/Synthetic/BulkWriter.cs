using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace OneStop.Web.Registries.Synthetic;

/// <summary>
/// Writes generated rows straight to the registry tables, bypassing change tracking, so that a million
/// people load in seconds: one prepared INSERT re-run inside a transaction on SQLite, binary COPY on
/// PostgreSQL. Tables and columns come from the EF model, so the migrations stay the single truth.
/// </summary>
internal sealed class BulkWriter(RegistriesDbContext db)
{
    private readonly Dictionary<Type, TableShape> _shapes = [];

    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = Shape(typeof(T));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, shape, rows, cancellationToken);
        }
        else
        {
            await InsertAsync(connection, shape, rows, cancellationToken);
        }
    }

    private async Task InsertAsync<T>(DbConnection connection, TableShape shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        // Inside the seeder's transaction when there is one, so a seed is all or nothing.
        var ambient = db.Database.CurrentTransaction?.GetDbTransaction();
        var transaction = ambient ?? await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", shape.Columns.Select((_, i) => "$p" + i))})";
        var parameters = shape.Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = shape.Columns[i].Read(row!) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (ambient is null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, TableShape shape, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var copy = $"COPY \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in shape.Columns)
            {
                var value = column.Read(row!);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, column.PostgresType, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private TableShape Shape(Type type)
    {
        if (_shapes.TryGetValue(type, out var shape))
        {
            return shape;
        }

        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not a registry entity.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties().Select(property =>
        {
            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no CLR property.");
            var converter = property.GetTypeMapping().Converter;
            return new ColumnShape(property.GetColumnName(store)!, info, converter, PostgresTypeOf(Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType));
        }).ToArray();
        shape = new TableShape(table, columns);
        _shapes[type] = shape;
        return shape;
    }

    private static NpgsqlDbType PostgresTypeOf(Type type) =>
        type == typeof(string) ? NpgsqlDbType.Varchar
        : type == typeof(int) ? NpgsqlDbType.Integer
        : type == typeof(long) ? NpgsqlDbType.Bigint
        : type == typeof(double) ? NpgsqlDbType.Double
        : type == typeof(bool) ? NpgsqlDbType.Boolean
        : type == typeof(DateOnly) ? NpgsqlDbType.Date
        : type == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
        : throw new InvalidOperationException($"The bulk writer cannot write {type.Name}.");

    private sealed record TableShape(string Table, ColumnShape[] Columns);

    private sealed record ColumnShape(string Name, PropertyInfo Property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, NpgsqlDbType PostgresType)
    {
        public object? Read(object row)
        {
            var value = Property.GetValue(row);
            return value is not null && Converter is not null ? Converter.ConvertToProvider(value) : value;
        }
    }
}
