using Integration.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Integration.Host.Audit;

/// <summary>
/// One read or change of personal data: who, in which tenant, when, which record, what, which fields, which request.
/// Append-only: the context refuses to change or delete an entry, the database refuses it too (triggers), and no API
/// edits or deletes one.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTime At { get; set; }

    public AuditActorKind ActorKind { get; set; }

    /// <summary>The staff user, for actions by a user.</summary>
    public Guid? ActorUserId { get; set; }

    /// <summary>The user's display name, or the job or module that acted.</summary>
    public required string ActorName { get; set; }

    /// <summary>The participant whose data it is.</summary>
    public Guid? ParticipantId { get; set; }

    /// <summary>participant, enrolment, outcome, consent, import.</summary>
    public required string RecordType { get; set; }

    public Guid RecordId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The fields that changed, comma-separated (never their values).</summary>
    public string? Fields { get; set; }

    /// <summary>The request id, or the background job id.</summary>
    public string? RequestId { get; set; }

    /// <summary>Maps the entries to <paramref name="table"/>: the records' log, or the read log (<see cref="AuditReadsDbContext"/>).</summary>
    internal static void Configure(ModelBuilder builder, string table = "core_audit_entries") => builder.Entity<AuditEntry>(entry =>
    {
        entry.ToTable(table);
        entry.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(10);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.RecordType).HasMaxLength(20);
        entry.Property(e => e.Fields).HasMaxLength(1000);
        entry.Property(e => e.RequestId).HasMaxLength(100);
        entry.HasIndex(e => new { e.TenantId, e.ParticipantId, e.Id });
        entry.HasIndex(e => new { e.TenantId, e.Id });
    });

    internal static void RefuseChanges(ChangeTracker changeTracker)
    {
        if (changeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }
    }
}

/// <summary>Who acted.</summary>
public enum AuditActorKind
{
    /// <summary>A signed-in staff user.</summary>
    User = 1,

    /// <summary>A background job.</summary>
    Job = 2,

    /// <summary>A module, through the contract.</summary>
    Module = 3,

    /// <summary>The host itself (an import on behalf of its user, a merge step).</summary>
    System = 4,
}

/// <summary>What was done.</summary>
public enum AuditAction
{
    Read = 1,
    Create = 2,
    Update = 3,
    Delete = 4,
    Merge = 5,
    Import = 6,
    Export = 7,
}
