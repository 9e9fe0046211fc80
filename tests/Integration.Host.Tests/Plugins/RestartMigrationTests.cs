using System.Net.Http.Json;
using Integration.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Integration.Host.Tests.Plugins;

/// <summary>
/// A host started again on its database applies only what is pending: nothing when the database is up to date, and a
/// module's migrations when its history says they are missing (as after installing a newer module).
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class RestartMigrationTests : IAsyncLifetime
{
    private const string Notes = $"/api/modules/{FixturePlugins.NotesModuleId}/notes";
    private readonly TempFolder root = TestPaths.NewTempFolder("restart-migration");
    private string plugins = null!;
    private string data = null!;

    public async Task InitializeAsync()
    {
        plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes);
        data = Path.Combine(root.Path, "data");
    }

    public Task DisposeAsync()
    {
        root.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_restart_keeps_the_records_and_applies_a_modules_missing_migrations_only()
    {
        string adminEmail;
        await using (var first = Start())
        {
            var tenant = await first.CreateTenantAsync("Hedemora kommun", "2083");
            adminEmail = tenant.AdminEmail;
            await EnableAsync(tenant.Admin, tenant.Id);
            (await tenant.Admin.PostAsJsonAsync(Notes, new { text = "före omstart" })).EnsureSuccessStatusCode();
        }

        var coreMigrations = await CountAsync("SELECT COUNT(*) FROM core__migrations");

        // The first start applied migrations, so it left planner statistics behind; they are cleared here to see
        // that the restart, which applies the module's migrations again, makes them anew.
        Assert.True(await CountAsync("SELECT COUNT(*) FROM sqlite_stat1") > 0);
        await ExecuteAsync("DELETE FROM sqlite_stat1");
        var notesTables = await ModuleObjectsAsync();
        Assert.Contains(notesTables, t => t.EndsWith("__migrations", StringComparison.Ordinal));
        foreach (var table in notesTables)
        {
            await ExecuteAsync($"DROP TABLE \"{table}\"");
        }

        await using (var second = Start())
        {
            var admin = await second.SignInAsync(adminEmail, TestHost.StaffPassword);
            (await admin.PostAsJsonAsync(Notes, new { text = "efter omstart" })).EnsureSuccessStatusCode();
            var list = await (await admin.GetAsync(Notes)).ReadJsonAsync();

            // The module's tables were made again (the note from before went with the dropped table). The admin's
            // account and the tenant's module setting (the notes endpoint answers, not 404) are in the host's
            // tables, which the restart left alone.
            Assert.Equal("efter omstart", Assert.Single(list.EnumerateArray()).GetProperty("text").GetString());
        }

        Assert.Equal(coreMigrations, await CountAsync("SELECT COUNT(*) FROM core__migrations"));
        Assert.Equal(notesTables.Order(), (await ModuleObjectsAsync()).Order());
        Assert.True(await CountAsync("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'core_users'") > 0);
    }

    private TestHost Start() => new(plugins, new Dictionary<string, string?> { ["Integration:DataPath"] = data });

    private static async Task EnableAsync(HttpClient admin, Guid tenantId)
    {
        var response = await admin.PutAsync($"/api/tenants/{tenantId}/modules/{FixturePlugins.NotesModuleId}", null);
        Assert.True((await response.ReadJsonAsync()).GetProperty("enabled").GetBoolean());
    }

    private async Task<List<string>> ModuleObjectsAsync()
    {
        var prefix = FixturePlugins.NotesModuleId.Replace('-', '_') + "_";
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE $prefix || '%'";
        command.Parameters.AddWithValue("$prefix", prefix);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(data, "integration.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
