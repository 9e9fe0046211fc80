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

    /// <summary>Any staff user of a tenant (not system admins, who belong to none): programme data, no personal data.</summary>
    public const string TenantStaff = "tenant:staff";

    /// <summary>Case workers and tenant admins of a tenant: personal data of participants.</summary>
    public const string PersonalData = "tenant:personal-data";

    /// <summary>Tenant admins of a tenant, acting on their own tenant's records (not system admins).</summary>
    public const string TenantRecordsAdmin = "tenant:admin";

    internal static void AddHostPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SystemAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.SystemAdmin));
        options.AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.SystemAdmin, StaffRoles.TenantAdmin));
        options.AddPolicy(TenantStaff, p => p.RequireAuthenticatedUser().RequireClaim(IntegrationClaims.TenantId));
        options.AddPolicy(PersonalData, p => p.RequireAuthenticatedUser().RequireClaim(IntegrationClaims.TenantId).RequireRole(StaffRoles.TenantAdmin, StaffRoles.CaseWorker));
        options.AddPolicy(TenantRecordsAdmin, p => p.RequireAuthenticatedUser().RequireClaim(IntegrationClaims.TenantId).RequireRole(StaffRoles.TenantAdmin));
        options.AddPolicy(Dashboard, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(StaffRoles.SystemAdmin));
    }
}
