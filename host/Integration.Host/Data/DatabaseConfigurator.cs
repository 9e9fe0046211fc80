using Integration.Abstractions.Data;
using Integration.Host.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Integration.Host.Data;

/// <summary>
/// The one place that knows the database provider: it configures the host's and every module's context and prepares
/// the database file. Everything else works through EF Core and stays provider-neutral. SQLite is the embedded default;
/// PostgreSQL is for several host instances sharing one database.
/// </summary>
public sealed class DatabaseConfigurator(IntegrationSettings settings)
{
    /// <summary>Configures a context of the records' database for the provider, with its own migrations-history table.</summary>
    public void Configure(DbContextOptionsBuilder builder, string migrationsHistoryTable) =>
        Configure(builder, settings.ConnectionString, migrationsHistoryTable, SqliteConnectionSettings.Records);

    /// <summary>
    /// The connection string of the read log (<see cref="Audit.AuditReadsDbContext"/>): on SQLite a file of its own
    /// beside the records' file (<c>integration.db</c> → <c>integration-audit-reads.db</c>, with the same connection
    /// settings), so that its commits leave the records' file, and every connection's cache of it, untouched; on
    /// PostgreSQL the same database, where a commit drops no other connection's cache.
    /// </summary>
    public string AuditReadsConnectionString { get; } = AuditReadsConnectionStringOf(settings);

    /// <summary>Configures the read log's context (<see cref="AuditReadsConnectionString"/>).</summary>
    public void ConfigureAuditReads(DbContextOptionsBuilder builder) =>
        Configure(builder, AuditReadsConnectionString, Audit.AuditReadsDbContext.MigrationsHistoryTable, SqliteConnectionSettings.ReadLog);

    private static string AuditReadsConnectionStringOf(IntegrationSettings settings)
    {
        if (settings.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            return settings.ConnectionString;
        }

        var connectionString = new SqliteConnectionStringBuilder(settings.ConnectionString);
        var source = connectionString.DataSource;
        connectionString.DataSource = source is "" or ":memory:"
            ? source
            : Path.Combine(Path.GetDirectoryName(source) ?? "", Path.GetFileNameWithoutExtension(source) + "-audit-reads" + Path.GetExtension(source));
        return connectionString.ToString();
    }

    private void Configure(DbContextOptionsBuilder builder, string connectionString, string migrationsHistoryTable, SqliteConnectionSettings sqliteSettings)
    {
        switch (settings.DatabaseProvider)
        {
            case DatabaseProvider.Sqlite:
                // A list in a query (ids.Contains(x.Id)) is sent as one JSON parameter (IN (SELECT value FROM
                // json_each(@ids))), as Npgsql sends one array on PostgreSQL, rather than as one parameter per item:
                // EF Core builds the SQL of the latter again for every run, since it depends on the number of items,
                // which cost a sixth of the allocations of a worklist page (every page reads its rows by id) and ~10 %
                // of its throughput under load.
                builder.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsHistoryTable(migrationsHistoryTable)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                builder.AddInterceptors(sqliteSettings);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString, postgres => postgres.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                throw new ConfigurationException("Integration:Database:Provider", $"'{settings.DatabaseProvider}' is not supported.");
        }

        // Each provider has its own set of migrations in the context's assembly (PostgreSQL's under Migrations/PostgreSql).
        builder.UseProviderMigrations();

        // Migrate() would otherwise build the model of the last migration snapshot and compare it with the current model
        // on every start: a second model build on the start-up path. MigrationsTests checks every model instead.
        builder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Checks that a connection string can be read by the provider's driver, so that a typing mistake stops the host
    /// with the setting's name instead of a stack trace from the first connection. The driver's message names the
    /// position or the keyword, never a value (the string may hold a password).
    /// </summary>
    /// <exception cref="ConfigurationException">The string is not a connection string of the provider.</exception>
    public static void CheckConnectionString(DatabaseProvider provider, string connectionString)
    {
        try
        {
            _ = provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString).DataSource,
                DatabaseProvider.PostgreSql => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ConfigurationException("Integration:Database:ConnectionString", $"not a {provider} connection string: {ex.Message}");
        }
    }

    /// <summary>The size above which the background checkpoint empties the write-ahead log.</summary>
    public const long TruncateWalAboveBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Copies the write-ahead log into the database file without blocking readers or writers (SQLite only). Run every
    /// few seconds in the background instead of SQLite's automatic checkpoint, which runs inside whichever commit
    /// happens to fill the log and makes that request slow.
    /// </summary>
    /// <remarks>
    /// SQLite starts the log again at its beginning only at a moment when no reader uses it, which a host under steady
    /// load never has: the log then grows with every commit however often it is copied back (4 GB after an hour of the
    /// HTTP benchmark, 0.8 GB in 50 s, making every read look pages up in a large log). So once the file is
    /// larger than <paramref name="truncateAboveBytes"/>, a TRUNCATE checkpoint waits up to a quarter of a second for
    /// the readers of the old frames and empties the file; writers wait meanwhile, and if a reader stays, the next tick
    /// tries again.
    /// The read log's file (<see cref="AuditReadsConnectionString"/>) only ever gets the PASSIVE checkpoint here, which
    /// copies most of its log back without waiting for or holding up its writer; the writer's own automatic checkpoint
    /// (every 10 000 pages) then finds little left to copy and starts the log again (see
    /// <see cref="SqliteConnectionSettings.ReadLog"/>). A TRUNCATE checkpoint there held the writer, and every request
    /// waiting for its audit commit, for the fsync at every tick, since the read log's index by participant fills its
    /// log by megabytes a second under load.
    /// </remarks>
    public async Task CheckpointAsync(CancellationToken cancellationToken, long truncateAboveBytes = TruncateWalAboveBytes)
    {
        if (settings.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using (var readLog = await OpenOwnConnectionAsync(AuditReadsConnectionString, cancellationToken))
        {
            await PassiveCheckpointAsync(readLog, cancellationToken);
        }

        await using var connection = await OpenOwnConnectionAsync(settings.ConnectionString, cancellationToken);
        await PassiveCheckpointAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();

        var log = new FileInfo(connection.DataSource + "-wal");
        if (!log.Exists || log.Length <= truncateAboveBytes)
        {
            return;
        }

        // SQLite's own busy handler lets the checkpoint wait a little for the readers still on old frames (new readers,
        // which start after everything is copied, read the database file only). Writers wait meanwhile, so the wait is
        // short; a checkpoint that still finds a reader answers busy, and the next tick tries again.
        command.CommandText = "PRAGMA busy_timeout = 250; PRAGMA wal_checkpoint(TRUNCATE);";
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY or SQLITE_LOCKED: another checkpoint or a writer held on; the next tick tries again.
        }
    }

    /// <summary>A connection of its own, outside the pool: a busy timeout set on it must not stay with a pooled connection.</summary>
    private static async Task<SqliteConnection> OpenOwnConnectionAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Copies what it can of a file's write-ahead log into the file, without waiting for anyone.</summary>
    private static async Task PassiveCheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Refreshes the query planner's statistics. Without them SQLite picks an index by guesswork and, for a name search
    /// in a tenant with 100 000 participants, scans every one of them instead of following the name index (300 ms
    /// instead of 20). Run after large changes (an import) and nightly. PostgreSQL's autovacuum does this itself.
    /// </summary>
    public async Task OptimizeAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (settings.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            // analysis_limit samples each index instead of reading all of it: milliseconds, good enough for planning.
            await context.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;", cancellationToken);
        }
    }

    /// <summary>
    /// Creates the folder of the SQLite files (the records and the read log) and switches each to write-ahead logging,
    /// so that readers do not block the writer (requests and jobs run side by side). WAL mode is stored in the file, so
    /// this is done once per start.
    /// </summary>
    public void PrepareDatabase()
    {
        if (settings.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            return;
        }

        UseMultiThreadMode();
        SqliteMemoryLimit.Set(settings.SqliteMemoryLimitMegabytes * 1024L * 1024);
        PrepareSqliteFile(settings.ConnectionString);
        PrepareSqliteFile(AuditReadsConnectionString);
    }

    /// <summary>
    /// Puts SQLite in its multi-thread mode before the process opens its first connection: SQLite then leaves out the
    /// mutex it otherwise takes on every call on a connection (each bind, step and column read), which took about a
    /// tenth of a rollup's CPU. A connection is never used by two threads at once here (ADO.NET connections are not
    /// thread-safe, and the bulk writer and the rollup's reads each run on one thread per connection), which is what
    /// that mode asks. Once SQLite has started in the process (a second host in the same process, as in tests), the
    /// mode cannot change and SQLite stays in its default serialized mode: correct, only slower.
    /// </summary>
    private static void UseMultiThreadMode()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

    private static void PrepareSqliteFile(string sqliteConnectionString)
    {
        var connectionString = new SqliteConnectionStringBuilder(sqliteConnectionString);
        if (connectionString.Mode == SqliteOpenMode.Memory || connectionString.DataSource is ":memory:" or "")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(connectionString.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(sqliteConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Prepares the context's open connection for a bulk write until the returned value is disposed (SQLite only; call
    /// before the transaction begins, since SQLite changes neither setting inside one):
    /// <list type="bullet">
    /// <item>a large page cache: with the everyday cache, index inserts of an import read the same pages from the file
    /// again and again once a table grows past a few thousand rows. The process's cap on SQLite's memory is raised by
    /// as much meanwhile (<see cref="SqliteMemoryLimit.AllowBulkWrite"/>);</item>
    /// <item>foreign keys not checked. Only for rows whose references hold by construction: an import's name rows point
    /// at the participants written beside them in the same transaction, its rejections at the import itself. Checking
    /// them looked each of 400 000 name rows up in the participants' key (about 0.15 s of an import; docs/benchmarks.md).
    /// PostgreSQL checks them all the same.</item>
    /// </list>
    /// Both are set back before the connection returns to the pool; if that fails, the pool is cleared, so that the
    /// connection is never used again with the checks off.
    /// </summary>
    public async Task<IAsyncDisposable> BulkWriteSettingsAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (settings.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            return NoSettings.Instance;
        }

        var restore = new EverydaySettings(context, SqliteMemoryLimit.AllowBulkWrite());
        try
        {
            // Invariant: in a Swedish culture (the uploader's, which flows into the import) the minus is U+2212, and SQLite
            // took "−65536" as 0, which made the import's writes twice as slow (docs/benchmarks.md, "Participant records").
            await context.Database.ExecuteSqlRawAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {-SqliteMemoryLimit.BulkWriteBytes / 1024}; PRAGMA foreign_keys = OFF;"), cancellationToken);
        }
        catch
        {
            await restore.DisposeAsync();
            throw;
        }

        return restore;
    }

    private const string EverydayCacheKibibytes = "-8192";

    private sealed class NoSettings : IAsyncDisposable
    {
        public static readonly NoSettings Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class EverydaySettings(DbContext context, IDisposable memory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await context.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = {EverydayCacheKibibytes}; PRAGMA foreign_keys = ON;");
            }
            catch
            {
                // A connection that might still have its checks off never goes back into use.
                if (context.Database.GetDbConnection() is SqliteConnection connection)
                {
                    SqliteConnection.ClearPool(connection);
                }

                throw;
            }
            finally
            {
                memory.Dispose();
            }
        }
    }

    /// <summary>
    /// Per-connection SQLite settings: an 8 MB page cache (bulk writes take a large one, <see cref="BulkWriteSettingsAsync"/>),
    /// so that the pooled connections under load (one per request in progress) do not each keep a large private copy
    /// of the hot pages (a connection's cache is dropped whenever another one commits to its file, which is why the
    /// audit entries of reads go to a file of their own, <see cref="AuditReadsConnectionString"/>); with WAL,
    /// synchronous=NORMAL, which SQLite recommends for WAL (a commit is durable across a crash of the process, fsync
    /// happens at checkpoints).
    /// </summary>
    private sealed class SqliteConnectionSettings(string pragmas) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        private const string Common = "PRAGMA cache_size = " + EverydayCacheKibibytes + "; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;";

        /// <summary>The records: checkpoints are left to SqliteCheckpointer in the background (<see cref="CheckpointAsync"/>), so that no request waits for one.</summary>
        public static readonly SqliteConnectionSettings Records = new(Common + " PRAGMA wal_autocheckpoint = 0;");

        /// <summary>
        /// The read log: SQLite's automatic checkpoint in its writer's commits, every 10 000 pages (40 MB), besides the
        /// PASSIVE one in the background (<see cref="CheckpointAsync"/>). Only a checkpoint that no commit runs beside
        /// lets SQLite start the log again: with the background one alone, the writer appended during every checkpoint
        /// under load and the log grew by 1.2 GB in 35 s. The commit that runs the checkpoint waits for its fsync, and
        /// so does the request behind it: at SQLite's default of 1 000 pages that was one search in forty from a single
        /// client (a search's 20 entries touch about 25 pages, most of them leaves of the index by participant), and
        /// the p99 was 16–20 ms instead of 6–9. The log file is cut back to 64 MB when it starts again.
        /// </summary>
        public static readonly SqliteConnectionSettings ReadLog = new(Common + " PRAGMA wal_autocheckpoint = 10000; PRAGMA journal_size_limit = 67108864;");

        // The settings belong to the native connection, which Microsoft.Data.Sqlite's pool keeps open between uses: they
        // are set the first time a pooled connection is opened, not on every open (several statements per query).
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
        private static readonly object Marker = new();

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            if (Unconfigured(connection) is { } handle)
            {
                using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                command.ExecuteNonQuery();
                Configured.AddOrUpdate(handle, Marker);
            }
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Unconfigured(connection) is { } handle)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                Configured.AddOrUpdate(handle, Marker);
            }
        }

        private static SQLitePCL.sqlite3? Unconfigured(System.Data.Common.DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && !Configured.TryGetValue(handle, out _) ? handle : null;
    }
}
