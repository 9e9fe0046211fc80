using System.Text;
using Integration.Host.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Host.Data;

/// <summary>
/// Inserts many rows of one entity type on the context's own connection and transaction: on SQLite through prepared
/// statements of one row, or of 16 for narrow rows, run again and again with their values bound
/// (<see cref="SqliteInsertStatement"/>); on other providers with multi-row
/// <c>INSERT … VALUES (…), (…)</c> statements. Table, columns, value conversions and literal formats all come from the
/// EF Core model and its type mappings, so the same code writes what EF Core would write. Owned types stored in the
/// same table (a participant's situation at entry) are included; database-generated keys are left out. Used where
/// saving through the change tracker is too slow (an import of 100 000 participants, the audit entries of reads, a rollup's cells).
/// </summary>
internal sealed class BulkInsert<T>
    where T : class
{
    /// <summary>
    /// Rows per statement for an import: few, long statements, written on another core while the last one runs (on
    /// SQLite: rows converted at a time on another core).
    /// </summary>
    public const int ImportRowsPerStatement = 200;

    /// <summary>
    /// Rows per statement for a steady stream of small batches (the audit writer), written one after another on the
    /// caller's thread (on SQLite: rows converted at a time before they are bound). Short enough that a statement and
    /// its builder stay below the large object heap's 85 000 bytes: group commits of a few hundred entries in 200-row
    /// statements put two 100 KB strings on it per commit, and the runtime ran a full (gen 2) collection every half
    /// second under load to reclaim them.
    /// </summary>
    public const int StreamRowsPerStatement = 32;

    private readonly int rowsPerStatement;
    private readonly string table;
    private string? head;
    private readonly List<Column> columns = [];

    public BulkInsert(DbContext db, int rowsPerStatement = ImportRowsPerStatement)
    {
        this.rowsPerStatement = rowsPerStatement;
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
        head ??= new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ").ToString();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction before a bulk insert.");
        if (rows.Count == 0)
        {
            return;
        }

        if (connection is SqliteConnection sqlite)
        {
            await InsertBoundAsync(sqlite, rows, ct);
            return;
        }

        if (OnOneThread(rows.Count))
        {
            // Small batches: written here, without a second thread to hand over to.
            await using var each = connection.CreateCommand();
            each.Transaction = transaction;
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                each.CommandText = Statement(head, rows, start, Math.Min(rows.Count, start + rowsPerStatement));
                await each.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        // Statements are written on another core while the previous one runs: writing literals costs about as much
        // as the database executing them.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        await Pipeline.RunAsync(
            Slices(rows.Count, rowsPerStatement).Select(slice => Statement(head, rows, slice.Start, slice.End)),
            async statement =>
            {
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(ct);
            },
            ct);
    }

    /// <summary>
    /// Whether a batch is written on the caller's thread alone: the audit writer's stream, and a batch of one
    /// statement, have nothing to hand over to a second thread.
    /// </summary>
    private bool OnOneThread(int rows) => rowsPerStatement < ImportRowsPerStatement || rows <= rowsPerStatement;

    /// <summary>The start and end of each slice of <paramref name="size"/> rows.</summary>
    private static IEnumerable<(int Start, int End)> Slices(int rows, int size)
    {
        for (var start = 0; start < rows; start += size)
        {
            yield return (start, Math.Min(rows, start + size));
        }
    }

    private async Task InsertBoundAsync(SqliteConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
    {
        var names = columns.Select(c => c.Name).ToList();
        using var statement = SqliteInsertStatement.Prepare(connection, table, names);
        // The statement of several rows only when it will be used: the read log's writer comes here at every group
        // commit, often with fewer rows than fill it, and preparing it parses an insert of 16 rows.
        using var several = columns.Count <= NarrowRowColumns && rows.Count >= RowsPerStep
            ? SqliteInsertStatement.Prepare(connection, table, names, RowsPerStep)
            : null;
        var insert = new BoundInsert(statement, several, columns.Count);
        if (OnOneThread(rows.Count))
        {
            // Small batches and the audit writer's stream: converted and bound here, without a second thread, a
            // statement's worth of rows at a time in one reused batch (never on the large object heap).
            var values = new SqliteValues(Math.Min(rows.Count, rowsPerStatement) * columns.Count);
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                values.Clear();
                ProviderValues(rows, start, Math.Min(rows.Count, start + rowsPerStatement), values);
                insert.Run(values);
            }

            return;
        }

        // The values are converted (getters, EF Core's converters) and encoded as SQLite binds them (UTF-8 text, ids
        // and dates written out) on another core while SQLite inserts the previous ones: the inserting thread, which
        // the whole write waits for, only binds and steps. Microsoft.Data.Sqlite runs its async methods synchronously
        // too, so the insert staying on this thread blocks nothing that was not blocked before. Batches go back to
        // the converting side once bound, so the few that are in flight are reused.
        var spare = new System.Collections.Concurrent.ConcurrentQueue<SqliteValues>();
        await Pipeline.RunAsync(
            Slices(rows.Count, ImportRowsPerStatement).Select(slice =>
            {
                if (!spare.TryDequeue(out var values))
                {
                    values = new SqliteValues(ImportRowsPerStatement * columns.Count);
                }

                values.Clear();
                ProviderValues(rows, slice.Start, slice.End, values);
                return values;
            }),
            values =>
            {
                insert.Run(values);
                spare.Enqueue(values);
                return ValueTask.CompletedTask;
            },
            ct);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ProviderValues(IReadOnlyList<T> rows, int start, int end, SqliteValues values)
    {
        for (var r = start; r < end; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                values.Add(columns[c].ProviderValue(rows[r]));
            }
        }
    }

    /// <summary>
    /// Narrow rows (an import's 400 000 name rows have five values, its audit entries eleven) are inserted
    /// <see cref="RowsPerStep"/> at a time: for them SQLite's work for each step and reset weighs as much as the row
    /// itself. The name rows took 0.45–0.60 s instead of 0.71–0.80 s, the audit entries 0.45–0.53 s instead of 0.63–0.69 s
    /// (docs/benchmarks.md). Wide rows go one per step: 16 participants per statement took 1.21–1.33 s instead of
    /// 0.97–1.06 s (a statement of several rows keeps a journal of the pages it changes, to undo them if a later row
    /// breaks a unique index, and a participant's row changes five B-trees).
    /// </summary>
    private const int NarrowRowColumns = 12;

    private const int RowsPerStep = 16;

    /// <summary>Binds and inserts converted rows: with a statement of several rows for as many as fill it, the rest one by one.</summary>
    private sealed class BoundInsert(SqliteInsertStatement single, SqliteInsertStatement? several, int width)
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Run(SqliteValues values)
        {
            var at = 0;
            for (; several is not null && values.Count - at >= width * RowsPerStep; at += width * RowsPerStep)
            {
                for (var v = 0; v < width * RowsPerStep; v++)
                {
                    several.Bind(v + 1, values, at + v);
                }

                several.Run();
            }

            for (; at < values.Count; at += width)
            {
                for (var c = 0; c < width; c++)
                {
                    single.Bind(c + 1, values, at + c);
                }

                single.Run();
            }
        }
    }

    private string Statement(string head, IReadOnlyList<T> rows, int start, int end)
    {
        var sql = new StringBuilder(head, capacity: 256 * (end - start));
        for (var r = start; r < end; r++)
        {
            sql.Append(r == start ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    sql.Append(", ");
                }

                sql.Append(columns[c].Literal(rows[r]));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private sealed class Column(string name, RelationalTypeMapping mapping, Func<T, object?> get)
    {
        private const int CacheLimit = 20_000;

        // Values that repeat (statuses, countries, booleans, common names) are written once: the provider's literal
        // writer is the slowest part of an insert. Ids and instants are mostly unique and not worth remembering, but
        // one of them often repeats row after row (the tenant id, an import's instant), so the last one is kept.
        private readonly Dictionary<object, string>? cache = mapping.ClrType == typeof(Guid) || mapping.ClrType == typeof(DateTime) ? null : [];
        private object? lastValue;
        private string? lastLiteral;

        public string Name { get; } = name;

        // The converted values of the same repeating values, for the same reason as the literals.
        private readonly Dictionary<object, object?>? converted = mapping.Converter is null ? null : [];

        /// <summary>The value as the database stores it: the column's EF Core value converter applied (enum → text, list → JSON).</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public object? ProviderValue(T row)
        {
            var value = get(row);
            if (value is null || converted is null)
            {
                return value;
            }

            var key = CacheKey(value);
            if (!converted.TryGetValue(key, out var result))
            {
                result = mapping.Converter!.ConvertToProvider(value);
                if (converted.Count < CacheLimit)
                {
                    converted[key] = result;
                }
            }

            return result;
        }

        /// <summary>
        /// The value as a SQL literal written by the provider's own type mapping (quotes escaped, dates and ids in the
        /// provider's format, value converters applied: enum → text, list → JSON). Literals, not parameters:
        /// Microsoft.Data.Sqlite binds parameters by name with a linear search, so many parameters per statement are slow.
        /// </summary>
        public string Literal(T row)
        {
            var value = get(row);
            if (value is null)
            {
                return "NULL";
            }

            if (lastLiteral is not null && value.Equals(lastValue))
            {
                return lastLiteral;
            }

            var key = CacheKey(value);
            if (cache is not null && cache.TryGetValue(key, out var known))
            {
                return known;
            }

            var literal = mapping.GenerateSqlLiteral(value);
            if (cache is null)
            {
                (lastValue, lastLiteral) = (value, literal);
            }

            if (cache is not null && cache.Count < CacheLimit)
            {
                cache[key] = literal;
            }

            return literal;
        }

        // A list (of languages) is equal to another only as the same instance: its items make the key.
        private static object CacheKey(object value) =>
            value is System.Collections.IEnumerable list and not string ? string.Join('\u001f', list.Cast<object>()) : value;
    }
}
