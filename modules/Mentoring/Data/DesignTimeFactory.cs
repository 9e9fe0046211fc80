using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Modules.Mentoring.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create the context outside the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MentoringDbContext>
{
    public MentoringDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<MentoringDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(ModuleTables.MigrationsHistory(MentoringModule.Id)))
            .Options,
        new NoTenant());

    private sealed class NoTenant : ITenantContext
    {
        public Guid? TenantId => null;
    }
}
