using System.Net.Http.Json;
using Integration.Host.Data;
using Integration.Host.Tests.Participants;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The background checkpoint copies SQLite's write-ahead logs (the records' and the read log's) into their files and,
/// once the records' log is large and wholly copied, empties it, so that a host under steady load does not read
/// through an ever longer log.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class WalCheckpointTests
{
    [Fact]
    public async Task A_large_log_that_is_wholly_copied_is_emptied_and_a_small_one_is_kept_with_every_row_readable()
    {
        await using var host = new TestHost();
        await host.WhenReadyAsync();
        var file = Path.Combine(host.DataPath, "integration.db");
        var log = file + "-wal";
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE test_wal_filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        await ExecuteAsync(connection, "INSERT INTO test_wal_filler (body) SELECT printf('%.1000c', 'x') FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)");
        var configurator = host.Services.GetRequiredService<DatabaseConfigurator>();

        await configurator.CheckpointAsync(CancellationToken.None);
        var keptBelowThreshold = new FileInfo(log).Length;
        await configurator.CheckpointAsync(CancellationToken.None, truncateAboveBytes: 1024 * 1024);
        var afterTruncate = new FileInfo(log).Length;

        Assert.True(keptBelowThreshold > 1024 * 1024, $"the log held {keptBelowThreshold} bytes after 2 MB of rows");
        Assert.Equal(0, afterTruncate);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), SUM(length(body)) FROM test_wal_filler";
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2000, reader.GetInt64(0));
        Assert.Equal(2_000_000, reader.GetInt64(1));
    }

    [Fact]
    public async Task The_read_logs_entries_are_copied_into_its_own_file_in_the_background()
    {
        await using var host = new TestHost();
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        var worker = await host.CreateStaffAsync(tenant, "caseWorker");
        (await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person())).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++)
        {
            (await worker.GetAsync(new Uri("/api/participants?q=amina", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        await host.Services.GetRequiredService<DatabaseConfigurator>().CheckpointAsync(CancellationToken.None);

        // The read log's writer never checkpoints (its commits are what requests wait for): a copy of the file alone,
        // without its log, holds the five searches' entries only if the background checkpoint copied them in.
        var copy = Path.Combine(host.DataPath, "read-log-copy.db");
        File.Copy(Path.Combine(host.DataPath, "integration-audit-reads.db"), copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM core_audit_reads";
        Assert.Equal(5L, await count.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
