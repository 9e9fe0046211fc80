using Integration.Host.Configuration;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Integration.Testing;

/// <summary>
/// The database provider the tests run on: SQLite files by default; PostgreSQL when <c>build/test.sh</c> runs the suite
/// a second time with <c>INTEGRATION_TEST_PROVIDER=PostgreSql</c> and <c>INTEGRATION_TEST_POSTGRES</c> naming the
/// throwaway server it started. The same tests run on both: the provider is a parameter of the run, not a copy.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "INTEGRATION_TEST_PROVIDER";
    public const string ServerVariable = "INTEGRATION_TEST_POSTGRES";

    /// <summary>Trait of tests that check SQLite itself (its file, its pragmas) or run child processes on a SQLite file; the PostgreSQL pass leaves them out.</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Trait of tests that need a PostgreSQL server (several host instances on one database); the SQLite pass leaves them out.</summary>
    public const string PostgreSqlOnly = "PostgreSqlOnly";

    public static bool IsPostgreSql { get; } = string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string (no database), from <see cref="ServerVariable"/>; a missing one fails the test, never skips it.</summary>
    public static string ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ProviderVariable}=PostgreSql needs {ServerVariable} (a connection string of a running server); build/test.sh starts one.");

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Puts a copy of a SQLite file that already holds the host's migrations into <paramref name="dataPath"/> as the
    /// host's database, so that a test host starts without running every migration again (the host still checks and
    /// applies what is missing, and the modules' own migrations).
    /// </summary>
    public static void CopySqliteTemplate(string dataPath) => File.Copy(SqliteTemplate.Value, Path.Combine(dataPath, "integration.db"));

    /// <summary>The template of every SQLite test database of this process: the host's migrations on a file of its own.</summary>
    private static string CreateSqliteTemplate()
    {
        var folder = TestPaths.NewTempFolder("sqlite-template").Path;
        var file = Path.Combine(folder, "integration.db");
        var settings = IntegrationSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Integration:DataPath", folder),
            new("Integration:Database:ConnectionString", $"Data Source={file};Pooling=False"),
        ]).Build());
        using (var template = NewContext(new DatabaseConfigurator(settings)))
        {
            template.Database.Migrate();
        }

        return file;
    }

    /// <summary>
    /// Creates a database of its own on the test server, as a copy of a template that already holds the host's
    /// migrations (copying takes milliseconds; migrating takes a second), and returns its connection string.
    /// </summary>
    public static string CreatePostgreSqlDatabase(string purpose)
    {
        // PostgreSQL names are at most 63 bytes: "it_" + 20 of the purpose + "_" + 32 hex digits.
        var prefix = purpose.Replace('-', '_');
        var name = $"it_{prefix[..Math.Min(prefix.Length, 20)]}_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another test process is copying the same template at this moment.
                Thread.Sleep(100 * attempt);
            }
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// The template of every test database: the host's migrations and Hangfire's schema applied once per server and migration set. Test
    /// processes run side by side, so an advisory lock lets one of them make it while the others wait.
    /// </summary>
    private static string CreateTemplate()
    {
        var settings = IntegrationSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Integration:Database:Provider", "PostgreSql"),
            new("Integration:Database:ConnectionString", ServerConnectionString),
        ]).Build());
        var configurator = new DatabaseConfigurator(settings);
        string lastMigration;
        using (var probe = NewContext(configurator))
        {
            lastMigration = probe.Database.GetMigrations().Last();
        }

        var name = $"it_template_{lastMigration}".ToLowerInvariant();
        using var server = new NpgsqlConnection(ServerConnectionString);
        server.Open();
        Execute(server, "SELECT pg_advisory_lock(727001)");
        try
        {
            using var exists = server.CreateCommand();
            exists.CommandText = $"SELECT COUNT(*) FROM pg_database WHERE datname = '{name}'";
            if ((long)exists.ExecuteScalar()! == 0)
            {
                Execute(server, $"CREATE DATABASE \"{name}\"");
                var templateSettings = settings with { ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ConnectionString };
                using (var template = NewContext(new DatabaseConfigurator(templateSettings)))
                {
                    template.Database.Migrate();
                }

                // Hangfire's job storage too (its install script takes longer than copying the template): every host
                // then finds the schema in place, as a second instance does in production.
                using var hangfire = new NpgsqlConnection(templateSettings.ConnectionString);
                hangfire.Open();
                Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(hangfire, "hangfire");
            }
        }
        finally
        {
            Execute(server, "SELECT pg_advisory_unlock(727001)");
        }

        return name;
    }

    private static IntegrationDbContext NewContext(DatabaseConfigurator configurator)
    {
        var options = new DbContextOptionsBuilder<IntegrationDbContext>();
        configurator.Configure(options, IntegrationDbContext.MigrationsHistoryTable);
        return new IntegrationDbContext(options.Options);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops a database made by <see cref="CreatePostgreSqlDatabase"/>, closing connections still open to it.</summary>
    public static void DropPostgreSqlDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
