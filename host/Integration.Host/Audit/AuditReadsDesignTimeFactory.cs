using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Host.Audit;

/// <summary>
/// Lets <c>build/add-migration.sh host/Integration.Host Name AuditReadsDbContext</c> create the read log's context
/// without starting the host (<c>-- --provider PostgreSql</c> for PostgreSQL's set).
/// </summary>
internal sealed class AuditReadsDesignTimeFactory : IDesignTimeDbContextFactory<AuditReadsDbContext>
{
    public AuditReadsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AuditReadsDbContext>();
        DesignTimeDbContextFactory.Configurator(args).ConfigureAuditReads(builder);
        return new AuditReadsDbContext(builder.Options);
    }
}
