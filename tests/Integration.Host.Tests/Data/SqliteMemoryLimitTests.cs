using System.Net;
using System.Text;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Data;

/// <summary>SQLite's memory cap belongs to the process: these tests run alone, not beside other tests' hosts and imports.</summary>
[CollectionDefinition(nameof(ProcessSqliteMemory), DisableParallelization = true)]
public sealed class ProcessSqliteMemory;

/// <summary>
/// On SQLite the host caps SQLite's memory in the process (<c>Integration:Database:SqliteMemoryLimitMegabytes</c>),
/// raises the cap by a bulk write's cache while an import runs, and sets it back afterwards.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
[Collection(nameof(ProcessSqliteMemory))]
public sealed class SqliteMemoryLimitTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task The_cap_is_32_MB_by_default_and_bulk_writes_raise_it_for_their_caches_until_each_ends()
    {
        await using var host = new TestHost();
        await host.WhenReadyAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await db.Database.OpenConnectionAsync();
        var configurator = host.Services.GetRequiredService<DatabaseConfigurator>();
        Assert.Equal(32 * Megabyte, await SoftHeapLimitAsync(db));

        var first = await configurator.BulkWriteSettingsAsync(db, CancellationToken.None);
        Assert.Equal((32 * Megabyte) + SqliteMemoryLimit.BulkWriteBytes, await SoftHeapLimitAsync(db));
        using (SqliteMemoryLimit.AllowBulkWrite())
        {
            Assert.Equal((32 * Megabyte) + (2 * SqliteMemoryLimit.BulkWriteBytes), await SoftHeapLimitAsync(db));
        }

        Assert.Equal((32 * Megabyte) + SqliteMemoryLimit.BulkWriteBytes, await SoftHeapLimitAsync(db));
        await first.DisposeAsync();
        Assert.Equal(32 * Megabyte, await SoftHeapLimitAsync(db));
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task A_bulk_writes_cache_is_64_MB_in_the_uploaders_culture(string culture)
    {
        await using var host = new TestHost();
        await host.WhenReadyAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await db.Database.OpenConnectionAsync();
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            await using (await host.Services.GetRequiredService<DatabaseConfigurator>().BulkWriteSettingsAsync(db, CancellationToken.None))
            {
                Assert.Equal(-65536, await PragmaAsync(db, "cache_size"));
            }

            Assert.Equal(-8192, await PragmaAsync(db, "cache_size"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task The_cap_is_configured_and_0_leaves_sqlites_memory_uncapped_even_during_a_bulk_write()
    {
        await using (var capped = new TestHost(settings: new Dictionary<string, string?> { ["Integration:Database:SqliteMemoryLimitMegabytes"] = "12" }))
        {
            await capped.WhenReadyAsync();
            Assert.Equal(12 * Megabyte, await SoftHeapLimitAsync(capped));
        }

        await using var uncapped = new TestHost(settings: new Dictionary<string, string?> { ["Integration:Database:SqliteMemoryLimitMegabytes"] = "0" });
        await uncapped.WhenReadyAsync();
        Assert.Equal(0, await SoftHeapLimitAsync(uncapped));
        using (SqliteMemoryLimit.AllowBulkWrite())
        {
            Assert.Equal(0, await SoftHeapLimitAsync(uncapped));
        }
    }

    [Fact]
    public async Task An_import_under_the_cap_imports_every_row_and_the_cap_is_back_afterwards()
    {
        await using var host = new TestHost();
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        var worker = await host.CreateStaffAsync(tenant, "caseWorker");
        var file = new StringBuilder("Förnamn;Efternamn;Kön\n");
        for (var i = 0; i < 500; i++)
        {
            file.Append(System.Globalization.CultureInfo.InvariantCulture, $"Namn{i};Efternamn{i % 37};{(i % 2 == 0 ? "kvinna" : "man")}\n");
        }

        var accepted = await (await worker.PostAsync("/api/participants/import", new StringContent(file.ToString(), Encoding.UTF8, "text/csv"))).ReadJsonAsync(HttpStatusCode.Accepted);
        var import = await Eventually.WaitForAsync(
            async () => await (await worker.GetAsync($"/api/imports/{accepted.GetProperty("id").GetGuid()}")).ReadJsonAsync(),
            i => i.GetProperty("status").GetString() is "succeeded" or "failed",
            "the import to finish");

        Assert.Equal("succeeded", import.GetProperty("status").GetString());
        Assert.Equal(500, import.GetProperty("importedRows").GetInt32());
        Assert.Equal(32 * Megabyte, await SoftHeapLimitAsync(host));
    }

    private static async Task<long> SoftHeapLimitAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await db.Database.OpenConnectionAsync();
        return await SoftHeapLimitAsync(db);
    }

    private static Task<long> SoftHeapLimitAsync(DbContext db) => PragmaAsync(db, "soft_heap_limit");

    private static async Task<long> PragmaAsync(DbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
