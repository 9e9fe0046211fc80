using System.Data.Common;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The name index's table is written by hand on SQLite (WITHOUT ROWID, which EF Core cannot express), and on both
/// providers it has no index by participant, which EF Core's conventions would add. A later migration that rebuilds the
/// table the usual way would quietly undo both, and an import would take twice as long to write its names.
/// </summary>
public sealed class NameIndexTableTests : IAsyncLifetime
{
    private TenantDatabase database = null!;

    public async Task InitializeAsync() => database = await TenantDatabase.StartAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_name_index_is_its_key_alone_and_still_refers_to_the_participants()
    {
        await using var connection = database.Host.DatabaseConnection();
        await connection.OpenAsync();
        if (database.Host.OnPostgreSql)
        {
            Assert.Equal(["PK_core_participant_names"], await ColumnAsync(connection, "SELECT indexname FROM pg_indexes WHERE tablename = 'core_participant_names'"));
            Assert.Equal(["core_participants"], await ColumnAsync(connection, """
                SELECT c.confrelid::regclass::text FROM pg_constraint c
                WHERE c.conrelid = 'core_participant_names'::regclass AND c.contype = 'f'
                """));
            return;
        }

        var create = Assert.Single(await ColumnAsync(connection, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'core_participant_names'"));
        Assert.EndsWith("WITHOUT ROWID", create.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(["pk"], await ColumnAsync(connection, "SELECT origin FROM pragma_index_list('core_participant_names')"));
        Assert.Equal(["core_participants"], await ColumnAsync(connection, "SELECT \"table\" FROM pragma_foreign_key_list('core_participant_names')"));
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
