using Integration.Host.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Data;

/// <summary>
/// The one place that knows the database provider: it configures the host's and every module's context and prepares
/// the database file. Everything else works through EF Core and stays provider-neutral.
/// </summary>
public sealed class DatabaseConfigurator(IntegrationSettings settings)
{
    /// <summary>Configures a context for the provider, with its own migrations-history table.</summary>
    public void Configure(DbContextOptionsBuilder builder, string migrationsHistoryTable)
    {
        switch (settings.DatabaseProvider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                throw new ConfigurationException("Integration:Database:Provider", $"'{settings.DatabaseProvider}' is not supported.");
        }
    }

    /// <summary>
    /// Creates the folder of a SQLite file and switches the file to write-ahead logging, so that readers do not block
    /// the writer (requests and jobs run side by side). WAL mode is stored in the file, so this is done once per start.
    /// </summary>
    public void PrepareDatabase()
    {
        if (settings.DatabaseProvider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var connectionString = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (connectionString.Mode == SqliteOpenMode.Memory || connectionString.DataSource is ":memory:" or "")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(connectionString.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
