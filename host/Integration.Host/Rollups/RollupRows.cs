using System.Collections.Frozen;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Rollups;

/// <summary>
/// Reads a rollup's rows with the SQL and parameters EF Core generates for the query (tenant filter included), but
/// maps them by hand from the data reader. A rollup reads about 800 000 rows; EF Core's materialisation of them cost
/// about three times what the database needs to produce them. Columns come in the order of the query's projection, each
/// named by its member, and the map reads them in that order. Text columns cost the most to read (each is copied,
/// decoded and parsed), so a query projects what a measure needs: day numbers for dates, comparisons for states.
/// </summary>
internal static class RollupRows
{
    /// <param name="columns">The column names in the order the map reads them; checked against the generated SQL, so that
    /// a change in how EF Core orders a projection fails loudly instead of mixing up values.</param>
    public static async Task<List<T>> ReadAsync<TRow, T>(DbContext db, IQueryable<TRow> query, string[] columns, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var actual = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            if (!actual.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"A rollup query returned the columns {string.Join(", ", actual)}, not {string.Join(", ", columns)}.");
            }

            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A date the query read as its day number (<see cref="DateOnly.DayNumber"/>, which EF Core translates on
    /// both providers): an integer column costs a fraction of parsing a date stored as text.</summary>
    public static DateOnly Day(this DbDataReader reader, int ordinal) => DateOnly.FromDayNumber(reader.GetInt32(ordinal));

    public static DateOnly? NullableDay(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Day(ordinal);

    public static int? NullableInt(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static bool? NullableBool(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetBoolean(ordinal);

    /// <summary>An enum stored by name (as the model's string conversions store them).</summary>
    public static T Enum<T>(this DbDataReader reader, int ordinal)
        where T : struct, System.Enum => Names<T>.ByName[reader.GetString(ordinal)];

    public static T? NullableEnum<T>(this DbDataReader reader, int ordinal)
        where T : struct, System.Enum => reader.IsDBNull(ordinal) ? null : reader.Enum<T>(ordinal);

    private static class Names<T>
        where T : struct, System.Enum
    {
        public static readonly FrozenDictionary<string, T> ByName = System.Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal);
    }
}
