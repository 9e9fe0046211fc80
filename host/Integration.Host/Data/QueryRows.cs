using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Data;

/// <summary>
/// Reads the rows of an EF Core query with the SQL and parameters EF Core generates (tenant filter included), mapped by
/// hand: for reads of hundreds of thousands of rows (a rollup), where EF Core's materialisation cost about three times
/// what the database needs to produce them. On SQLite the rows are read through SQLite's own interface
/// (<see cref="SqliteSelectStatement"/>), on other providers through the command's data reader.
/// </summary>
internal static class QueryRows
{
    /// <param name="columns">The column names in the order the map reads them; checked against the query's, so that a
    /// change in how EF Core orders a projection fails loudly instead of mixing up values.</param>
    public static async Task<List<T>> ReadAsync<TRow, T>(DbContext db, IQueryable<TRow> query, string[] columns, Func<QueryRow, T> map, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            await using QueryRow row = command.Connection is SqliteConnection sqlite
                ? new QueryRow.OfSqlite(new SqliteSelectStatement(sqlite, command))
                : new QueryRow.OfDataReader(await command.ExecuteReaderAsync(ct));
            Check(row, columns);
            var rows = new List<T>();
            while (await row.ReadAsync(ct))
            {
                rows.Add(map(row));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Check(QueryRow row, string[] columns)
    {
        var actual = Enumerable.Range(0, row.FieldCount).Select(row.GetName).ToArray();
        if (!actual.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"A query returned the columns {string.Join(", ", actual)}, not {string.Join(", ", columns)}.");
        }
    }
}
