using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Modules.Mentoring.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create the context outside the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MentoringDbContext>
{
    public MentoringDbContext CreateDbContext(string[] args)
    {
        // `dotnet ef migrations add X --output-dir Migrations/PostgreSql -- --provider PostgreSql` builds PostgreSQL's set.
        var history = ModuleTables.MigrationsHistory(MentoringModule.Id);
        var builder = new DbContextOptionsBuilder<MentoringDbContext>();
        if (ProviderMigrations.IsPostgreSqlRequested(args))
        {
            builder.UseNpgsql("Host=design-time;Database=integration", o => o.MigrationsHistoryTable(history));
        }
        else
        {
            builder.UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(history));
        }

        builder.UseProviderMigrations();
        return new(builder.Options, new NoTenant());
    }

    private sealed class NoTenant : ITenantContext
    {
        public Guid? TenantId => null;
    }
}
