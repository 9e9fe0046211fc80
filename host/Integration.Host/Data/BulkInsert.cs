using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Host.Data;

/// <summary>
/// Inserts many rows of one entity type with multi-row <c>INSERT … VALUES (…), (…)</c> statements on the context's own
/// connection and transaction. Table, columns, value conversions and parameter types all come from the EF Core model
/// and its type mappings, so the same code writes what EF Core would write, on SQLite and on PostgreSQL. Owned types
/// stored in the same table (a participant's situation at entry) are included; database-generated keys are left out.
/// Used where saving through the change tracker is too slow (an import of 100 000 participants).
/// </summary>
internal sealed class BulkInsert<T>
    where T : class
{
    private const int MaxParameters = 30_000;
    private readonly string table;
    private readonly List<Column> columns = [];

    public BulkInsert(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        foreach (var property in entity.GetProperties().Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType != typeof(Guid))))
        {
            var getter = property.GetGetter();
            columns.Add(new Column(property.GetColumnName(store)!, property.GetRelationalTypeMapping(), row => getter.GetClrValue(row)));
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var ownerGetter = navigation.GetGetter();
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var getter = property.GetGetter();
                columns.Add(new Column(property.GetColumnName(store)!, property.GetRelationalTypeMapping(), row => ownerGetter.GetClrValue(row) is { } owned ? getter.GetClrValue(owned) : null));
            }
        }
    }

    /// <summary>Inserts the rows in the context's current transaction (begin one first).</summary>
    public async Task InsertAsync(DbContext db, IReadOnlyList<T> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction before a bulk insert.");
        var batchSize = Math.Max(1, Math.Min(500, MaxParameters / columns.Count));

        await using var full = Command(connection, transaction, batchSize);
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, rows.Count - start);
            if (count == batchSize)
            {
                Bind(full, rows, start, count);
                await full.ExecuteNonQueryAsync(ct);
            }
            else
            {
                await using var last = Command(connection, transaction, count);
                Bind(last, rows, start, count);
                await last.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{(r * columns.Count) + c}";
                sql.Append(c == 0 ? name : $", {name}");
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private void Bind(DbCommand command, IReadOnlyList<T> rows, int start, int count)
    {
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var value = column.Get(row);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                command.Parameters[(r * columns.Count) + c].Value = value ?? DBNull.Value;
            }
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<T, object?> Get);
}
