using System.Security.Claims;
using Integration.Abstractions.Kernel;

namespace Integration.Host.Identity;

/// <summary>The claims the host adds to a signed-in staff user, and how to read them.</summary>
public static class IntegrationClaims
{
    /// <summary>The user's tenant id; absent for system admins.</summary>
    public const string TenantId = "tenant_id";

    /// <summary>The user's display name.</summary>
    public const string DisplayName = "display_name";

    public static Guid? GetTenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TenantId), out var id) ? id : null;

    public static Guid? GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsSystemAdmin(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.SystemAdmin);
}
