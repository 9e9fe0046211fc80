using Integration.Host.Enrolments;
using Integration.Host.Participants;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>Tables of the follow-up engine: follow-ups, schedule batches, tenant policy settings, the notification outbox.</summary>
internal static class FollowUpModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FollowUp>(f =>
        {
            f.ToTable("core_follow_ups");
            f.Property(x => x.Kind).HasMaxLength(60);
            f.Property(x => x.Key).HasMaxLength(200);
            f.Property(x => x.ModuleId).HasMaxLength(40);
            f.Property(x => x.PolicyId).HasMaxLength(100);
            f.Property(x => x.SubjectId).HasMaxLength(100);
            f.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            f.Property(x => x.HoldReason).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Note).HasMaxLength(1000);
            f.Property(x => x.CancelReason).HasMaxLength(300);
            f.Property(x => x.Version).IsConcurrencyToken();
            f.Ignore(x => x.IsOpen);

            f.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();

            // The dispatcher's scan (open follow-ups by due date, every tenant) and the worklist's. The tenant's index
            // also carries the enrolment and the participant, so that a rollup reads the follow-ups that came due from
            // the index alone, without visiting 500 000 table rows.
            f.HasIndex(x => new { x.State, x.DueOn });
            f.HasIndex(x => new { x.TenantId, x.State, x.DueOn, x.EnrolmentId, x.ParticipantId }).HasDatabaseName("IX_core_follow_ups_TenantId_State_DueOn");
            f.HasIndex(x => new { x.TenantId, x.ParticipantId });
            // A case worker's worklist: their due follow-ups and the unassigned ones, without reading every due one of
            // the tenant (10 000 due over twenty case workers made each worklist page read all of them). It also carries
            // the other sort columns and the id, so that a page is chosen from the index alone: reading the table row of
            // each of a worker's 500 due follow-ups to sort them took half of a worklist request's CPU under load.
            f.HasIndex(x => new { x.TenantId, x.State, x.AssigneeId, x.DueOn, x.OverdueAt, x.Id }).HasDatabaseName("IX_core_follow_ups_TenantId_State_AssigneeId_DueOn");
            f.HasIndex(x => new { x.TenantId, x.BatchId });
            f.HasIndex(x => new { x.TenantId, x.PolicyId, x.SubjectId });
            f.HasIndex(x => x.ClaimToken);
            f.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            f.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<FollowUpBatch>(b =>
        {
            b.ToTable("core_follow_up_batches");
            b.Property(x => x.IdempotencyKey).HasMaxLength(100);
            b.Property(x => x.Kind).HasMaxLength(60);
            b.Property(x => x.Request).HasMaxLength(4000);
            b.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
        });

        builder.Entity<FollowUpPolicySetting>(s =>
        {
            s.ToTable("core_follow_up_policy_settings");
            s.HasKey(x => new { x.TenantId, x.PolicyId });
            s.Property(x => x.PolicyId).HasMaxLength(100);
            s.Property(x => x.Offsets).HasMaxLength(200);
            s.Property(x => x.RepeatEvery).HasMaxLength(40);
        });

        builder.Entity<Notification>(n =>
        {
            n.ToTable("core_notifications");
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            n.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(10);
            n.Property(x => x.FollowUpKind).HasMaxLength(60);
            n.Property(x => x.LastError).HasMaxLength(500);

            // One notification per follow-up, kind and due date, whatever happens to the dispatcher; a follow-up an
            // admin reschedules is notified again for its new date.
            n.HasIndex(x => new { x.FollowUpId, x.Kind, x.DueOn }).IsUnique();
            n.HasIndex(x => x.Delivery);
            n.HasIndex(x => new { x.TenantId, x.RecipientId, x.CreatedAt });
            n.HasOne<FollowUp>().WithMany().HasForeignKey(x => x.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
