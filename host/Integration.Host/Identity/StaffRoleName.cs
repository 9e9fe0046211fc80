using Integration.Abstractions.Kernel;

namespace Integration.Host.Identity;

/// <summary>A staff role as the API names it.</summary>
public enum StaffRoleName
{
    /// <summary>Runs the installation; belongs to no tenant.</summary>
    SystemAdmin,

    /// <summary>Administers one tenant.</summary>
    TenantAdmin,

    /// <summary>Case worker of one tenant.</summary>
    CaseWorker,

    /// <summary>Reads aggregated figures of one tenant.</summary>
    Analyst,
}

public static class StaffRoleNames
{
    public static string ToRole(this StaffRoleName role) => role switch
    {
        StaffRoleName.SystemAdmin => StaffRoles.SystemAdmin,
        StaffRoleName.TenantAdmin => StaffRoles.TenantAdmin,
        StaffRoleName.CaseWorker => StaffRoles.CaseWorker,
        StaffRoleName.Analyst => StaffRoles.Analyst,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static StaffRoleName? FromRole(string? role) => role switch
    {
        StaffRoles.SystemAdmin => StaffRoleName.SystemAdmin,
        StaffRoles.TenantAdmin => StaffRoleName.TenantAdmin,
        StaffRoles.CaseWorker => StaffRoleName.CaseWorker,
        StaffRoles.Analyst => StaffRoleName.Analyst,
        _ => null,
    };
}
