using Integration.Host.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Host.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create the host's context without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IntegrationDbContext>
{
    public IntegrationDbContext CreateDbContext(string[] args)
    {
        var settings = IntegrationSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(
            [new("Integration:Database:ConnectionString", "Data Source=design-time.db")]).Build());
        var builder = new DbContextOptionsBuilder<IntegrationDbContext>();
        new DatabaseConfigurator(settings).Configure(builder, IntegrationDbContext.MigrationsHistoryTable);
        return new IntegrationDbContext(builder.Options, new NoTenant());
    }

    private sealed class NoTenant : Integration.Abstractions.Tenancy.ITenantContext
    {
        public Guid? TenantId => null;
    }
}
