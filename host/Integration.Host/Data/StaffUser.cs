using Microsoft.AspNetCore.Identity;

namespace Integration.Host.Data;

/// <summary>A staff account: belongs to exactly one tenant, except system admins, who belong to none.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid? TenantId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>False when an admin has deactivated the account: it can no longer sign in or use a token.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>A staff role (<see cref="Integration.Abstractions.Kernel.StaffRoles"/>).</summary>
public sealed class StaffRole : IdentityRole<Guid>
{
}
