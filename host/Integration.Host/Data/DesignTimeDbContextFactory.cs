using Integration.Host.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Host.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create the host's context without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IntegrationDbContext>
{
    public IntegrationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IntegrationDbContext>();
        Configurator(args).Configure(builder, IntegrationDbContext.MigrationsHistoryTable);
        return new IntegrationDbContext(builder.Options);
    }

    /// <summary>The provider setup of a design-time context: SQLite, or PostgreSQL when the arguments name it.</summary>
    internal static DatabaseConfigurator Configurator(string[] args)
    {
        // `dotnet ef migrations add X -- --provider PostgreSql` builds PostgreSQL's set; no server is needed for that.
        var postgreSql = args.Contains(nameof(DatabaseProvider.PostgreSql), StringComparer.OrdinalIgnoreCase);
        var settings = IntegrationSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Integration:Database:Provider", postgreSql ? nameof(DatabaseProvider.PostgreSql) : nameof(DatabaseProvider.Sqlite)),
            new("Integration:Database:ConnectionString", postgreSql ? "Host=design-time;Database=integration" : "Data Source=design-time.db"),
        ]).Build());
        return new DatabaseConfigurator(settings);
    }
}
