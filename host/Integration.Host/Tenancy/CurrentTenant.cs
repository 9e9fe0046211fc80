using Integration.Abstractions.Tenancy;
using Integration.Host.Identity;

namespace Integration.Host.Tenancy;

/// <summary>
/// The tenant of the current lifetime scope: in a request the signed-in user's tenant (from the user only, never from a
/// header or query string); in a job the tenant the job runner sets with <see cref="Use"/>.
/// </summary>
public sealed class CurrentTenant(IHttpContextAccessor httpContextAccessor) : ITenantContext
{
    private Guid? jobTenant;

    public Guid? TenantId => jobTenant ?? httpContextAccessor.HttpContext?.User.GetTenantId();

    /// <summary>Sets the tenant of a job's scope.</summary>
    public void Use(Guid tenantId) => jobTenant = tenantId;
}
