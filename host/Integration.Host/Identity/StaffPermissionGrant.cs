using Integration.Abstractions.Data;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Identity;

/// <summary>
/// A module permission given to one staff user by a tenant admin, beyond what the user's role holds by default
/// (<c>health.read</c> for the staff who may read health data). A revoked grant is kept, with who revoked it and when,
/// so that the tenant can tell who could read what at any time.
/// </summary>
public sealed class StaffPermissionGrant : ITenantOwned
{
    /// <summary>Longest permission name: a module id (40) and an action.</summary>
    public const int MaxPermissionLength = 100;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public required string Permission { get; set; }

    public Guid? GrantedById { get; set; }

    public DateTime GrantedAt { get; set; }

    public Guid? RevokedById { get; set; }

    /// <summary>When the grant stopped; null while it is in force.</summary>
    public DateTime? RevokedAt { get; set; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<StaffPermissionGrant>(grant =>
    {
        grant.ToTable("core_staff_permission_grants");
        grant.Property(g => g.Permission).HasMaxLength(MaxPermissionLength);

        // The authorization check reads a user's grants on every request that needs a module permission: one seek.
        grant.HasIndex(g => new { g.TenantId, g.UserId, g.RevokedAt });

        // One grant in force per user and permission, also under concurrent requests.
        grant.HasIndex(g => new { g.TenantId, g.UserId, g.Permission })
            .IsUnique()
            .HasFilter("\"RevokedAt\" IS NULL")
            .HasDatabaseName("IX_core_staff_permission_grants_one_in_force");
        grant.HasOne<StaffUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}
