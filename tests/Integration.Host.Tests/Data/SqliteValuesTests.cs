using System.Text;
using Integration.Host.Data;
using Microsoft.Data.Sqlite;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The values the bulk writer and the rollup's queries bind: each kind as SQLite receives it from Microsoft.Data.Sqlite
/// (with the text type EF Core gives an id), compared by SQLite's own <c>typeof</c> and <c>quote</c>.
/// </summary>
public sealed class SqliteValuesTests
{
    public static TheoryData<object?> Values() => new()
    {
        null,
        string.Empty,
        "Zahra, Maryam — ärendenummer 'x'",
        new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
        new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_500),
        new DateOnly(2016, 2, 29),
        42,
        -7L,
        true,
        new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)),
        1234.50m,
        Array.Empty<byte>(),
        new byte[] { 0, 1, 254, 255 },
        0.25d,
        DayOfWeek.Friday,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_bound_as_Microsoft_Data_Sqlite_binds_it(object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof($value), quote($value)";
        var parameter = command.Parameters.AddWithValue("$value", value ?? DBNull.Value);
        if (value is Guid)
        {
            parameter.SqliteType = SqliteType.Text; // as EF Core stores ids on SQLite
        }

        string expected;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            expected = $"{reader.GetString(0)} {reader.GetString(1)}";
        }

        using var statement = new SqliteSelectStatement(connection, command);
        Assert.True(statement.Read());
        var actual = $"{Text(statement, 0)} {Text(statement, 1)}";

        Assert.Equal(expected, actual);
    }

    private static string Text(SqliteSelectStatement statement, int ordinal) =>
        Encoding.UTF8.GetString(statement.Bytes(ordinal, SQLitePCL.raw.SQLITE_TEXT));
}
