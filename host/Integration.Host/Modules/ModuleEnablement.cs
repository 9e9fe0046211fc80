using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Modules;

/// <summary>
/// Which modules each tenant has enabled. Read from the database on every request and job, never cached, so enabling or
/// disabling takes effect at once on every host instance.
/// </summary>
public sealed class ModuleEnablement(IntegrationDbContext db, TimeProvider clock)
{
    public Task<bool> IsEnabledAsync(Guid tenantId, string moduleId, CancellationToken cancellationToken) =>
        db.TenantModules.AsNoTracking().AnyAsync(m => m.TenantId == tenantId && m.ModuleId == moduleId, cancellationToken);

    public async Task<IReadOnlySet<string>> EnabledModulesAsync(Guid tenantId, CancellationToken cancellationToken) =>
        (await db.TenantModules.AsNoTracking().Where(m => m.TenantId == tenantId).Select(m => m.ModuleId).ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    public Task<List<Guid>> TenantsWithModuleAsync(string moduleId, CancellationToken cancellationToken) =>
        db.TenantModules.AsNoTracking().Where(m => m.ModuleId == moduleId).Select(m => m.TenantId).OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>Enables a module; returns false when it was already enabled.</summary>
    public async Task<bool> EnableAsync(Guid tenantId, string moduleId, Guid? byUserId, CancellationToken cancellationToken)
    {
        if (await IsEnabledAsync(tenantId, moduleId, cancellationToken))
        {
            return false;
        }

        db.TenantModules.Add(new TenantModule
        {
            TenantId = tenantId,
            ModuleId = moduleId,
            EnabledAt = clock.GetUtcNow().UtcDateTime,
            EnabledByUserId = byUserId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two admins enabled it at the same moment: the other request won, the outcome is the same.
            db.ChangeTracker.Clear();
            if (await IsEnabledAsync(tenantId, moduleId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Disables a module; stored data of the module is kept and reappears when it is enabled again.</summary>
    public async Task DisableAsync(Guid tenantId, string moduleId, CancellationToken cancellationToken) =>
        await db.TenantModules.Where(m => m.TenantId == tenantId && m.ModuleId == moduleId).ExecuteDeleteAsync(cancellationToken);
}
