using System.Collections.Frozen;
using Integration.Host.Data;

namespace Integration.Host.Rollups;

/// <summary>
/// Getters for the rows a rollup reads (through <see cref="QueryRows"/>). Text columns cost the most to read (each is
/// copied, decoded and parsed), so a query projects what a measure needs: day numbers for dates, comparisons for states.
/// </summary>
internal static class RollupRows
{
    /// <summary>A date the query read as its day number (<see cref="DateOnly.DayNumber"/>, which EF Core translates on
    /// both providers): an integer column costs a fraction of parsing a date stored as text.</summary>
    public static DateOnly Day(this QueryRow row, int ordinal) => DateOnly.FromDayNumber(row.GetInt32(ordinal));

    public static DateOnly? NullableDay(this QueryRow row, int ordinal) => row.IsDBNull(ordinal) ? null : row.Day(ordinal);

    public static int? NullableInt(this QueryRow row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt32(ordinal);

    public static bool? NullableBool(this QueryRow row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetBoolean(ordinal);

    /// <summary>An enum stored by name (as the model's string conversions store them), looked up without a string.</summary>
    public static T Enum<T>(this QueryRow row, int ordinal)
        where T : struct, System.Enum
    {
        var name = row.GetChars(ordinal, stackalloc char[32]);
        return Names<T>.ByName.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"{name} is not a {typeof(T).Name}.");
    }

    public static T? NullableEnum<T>(this QueryRow row, int ordinal)
        where T : struct, System.Enum => row.IsDBNull(ordinal) ? null : row.Enum<T>(ordinal);

    private static class Names<T>
        where T : struct, System.Enum
    {
        public static readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> ByName = System.Enum.GetValues<T>()
            .ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
