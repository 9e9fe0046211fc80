namespace Integration.Abstractions.Kernel;

/// <summary>The roles a staff user can have. A user has exactly one.</summary>
public static class StaffRoles
{
    /// <summary>Runs the installation: creates tenants, sees the job dashboard; belongs to no tenant.</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>Municipality admin: enables modules, manages staff and follow-up policies of one tenant.</summary>
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Case worker (handläggare, handledare, projektmedarbetare) of one tenant.</summary>
    public const string CaseWorker = "CaseWorker";

    /// <summary>Reads aggregated figures of one tenant; no personal data.</summary>
    public const string Analyst = "Analyst";

    /// <summary>Every role, in order of decreasing reach.</summary>
    public static IReadOnlyList<string> All { get; } = [SystemAdmin, TenantAdmin, CaseWorker, Analyst];
}
