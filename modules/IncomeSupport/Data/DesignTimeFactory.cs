using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.Modules.IncomeSupport.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create the context outside the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IncomeSupportDbContext>
{
    public IncomeSupportDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<IncomeSupportDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(ModuleTables.MigrationsHistory(IncomeSupportModule.Id)))
            .Options,
        new NoTenant());

    private sealed class NoTenant : ITenantContext
    {
        public Guid? TenantId => null;
    }
}
