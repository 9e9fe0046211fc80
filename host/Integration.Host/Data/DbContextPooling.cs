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
        services.AddPooledDbContextFactory<IntegrationDbContext>(
            (sp, options) => sp.GetRequiredService<DatabaseConfigurator>().Configure(options, IntegrationDbContext.MigrationsHistoryTable));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<IntegrationDbContext>>().CreateDbContext();
            db.Tenant = sp.GetRequiredService<ITenantContext>();
            return db;
        });

        // The read log (its own SQLite file): the audit writer takes one context for its whole life, the audit API one
        // per request.
        services.AddPooledDbContextFactory<Audit.AuditReadsDbContext>(
            (sp, options) => sp.GetRequiredService<DatabaseConfigurator>().ConfigureAuditReads(options));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<Audit.AuditReadsDbContext>>().CreateDbContext();
            db.Tenant = sp.GetRequiredService<ITenantContext>();
            return db;
        });
    }
}
