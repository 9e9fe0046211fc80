using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Data;

/// <summary>
/// The host's context for a request or job scope comes from a pool and goes back to it when the scope ends.
/// </summary>
/// <remarks>
/// Why: a new context sets up its own scope of EF Core's internal services, which was about a sixth of what a name
/// search allocated, for every request. The options are built once (they depend on settings only). A pooled context
/// is reset by EF Core when it returns (tracked entities, transaction, connection state); the tenant is the one piece
/// of state of our own, and it is set every time the context is handed out, so a context never carries a tenant from
/// one scope into the next.
/// </remarks>
internal static class DbContextPooling
{
    public static void AddIntegrationDbContext(this IServiceCollection services)
    {
        services.AddTenantContext<IntegrationDbContext>(
            (configurator, options) => configurator.Configure(options, IntegrationDbContext.MigrationsHistoryTable),
            (db, tenant) => db.Tenant = tenant);

        // The read log (its own SQLite file): the audit writer takes one context for its whole life, the audit API one
        // per request.
        services.AddTenantContext<Audit.AuditReadsDbContext>(
            (configurator, options) => configurator.ConfigureAuditReads(options),
            (db, tenant) => db.Tenant = tenant);
    }

    /// <summary>A pooled context factory, and a scoped context from it handed out with the scope's tenant.</summary>
    private static void AddTenantContext<TContext>(
        this IServiceCollection services, Action<DatabaseConfigurator, DbContextOptionsBuilder> configure, Action<TContext, ITenantContext> setTenant)
        where TContext : DbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) => configure(sp.GetRequiredService<DatabaseConfigurator>(), options));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            setTenant(db, sp.GetRequiredService<ITenantContext>());
            return db;
        });
    }
}
