using Integration.Abstractions.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Data;

/// <summary>Gives a module's context the host's database, with the module's own migrations-history table.</summary>
internal sealed class ModuleDatabase(DatabaseConfigurator configurator) : IModuleDatabase
{
    public DbContextOptions<TContext> CreateOptions<TContext>(string moduleId) where TContext : ModuleDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configurator.Configure(builder, ModuleTables.MigrationsHistory(moduleId));
        return builder.Options;
    }
}
