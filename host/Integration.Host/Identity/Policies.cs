using Integration.Abstractions.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Integration.Host.Identity;

/// <summary>The host's authorization policies; modules add one per declared permission.</summary>
public static class Policies
{
    /// <summary>System admins only.</summary>
    public const string SystemAdmin = "role:system-admin";

    /// <summary>Tenant admins, and system admins acting on any tenant.</summary>
    public const string TenantAdmin = "role:tenant-admin";

    /// <summary>The Hangfire dashboard: system admins signed in with the web cookie.</summary>
    public const string Dashboard = "dashboard";

    internal static void AddHostPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SystemAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.SystemAdmin));
        options.AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.SystemAdmin, StaffRoles.TenantAdmin));
        options.AddPolicy(Dashboard, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(StaffRoles.SystemAdmin));
    }
}
