using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Data;

/// <summary>The module's tables, <c>democracy_dialogue_*</c>; each tenant sees only its own rows.</summary>
internal sealed class DialogueDbContext(DbContextOptions<DialogueDbContext> options, ITenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const int TextLength = 200;
    public const int LongTextLength = 4000;

    public override string ModuleId => DemocracyDialogueModule.Id;

    public DbSet<DialogueEvent> Events => Set<DialogueEvent>();

    public DbSet<Attendee> Attendees => Set<Attendee>();

    public DbSet<HeadCount> HeadCounts => Set<HeadCount>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<ProposalRaiser> ProposalRaisers => Set<ProposalRaiser>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DialogueEvent>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.Topic).HasMaxLength(TextLength);
            e.Property(x => x.Place).HasMaxLength(TextLength);
            e.Property(x => x.Facilitator).HasMaxLength(TextLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.ProgrammeId, x.Date });
            e.HasIndex(x => new { x.TenantId, x.Date });
        });

        modelBuilder.Entity<Attendee>(a =>
        {
            a.ToTable("attendance");
            a.HasOne<DialogueEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => new { x.EventId, x.ParticipantId }).IsUnique();
            a.HasIndex(x => new { x.TenantId, x.ParticipantId });
        });

        modelBuilder.Entity<HeadCount>(h =>
        {
            h.ToTable("head_counts");
            h.HasOne<DialogueEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            h.HasIndex(x => new { x.EventId, x.Gender, x.AgeBand }).IsUnique();
        });

        modelBuilder.Entity<Proposal>(p =>
        {
            p.ToTable("proposals");
            p.HasOne<DialogueEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            p.Property(x => x.Text).HasMaxLength(LongTextLength);
            p.Property(x => x.BodyName).HasMaxLength(TextLength);
            p.Property(x => x.AnswerContent).HasMaxLength(LongTextLength);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => new { x.TenantId, x.SentOn });
        });

        modelBuilder.Entity<ProposalRaiser>(r =>
        {
            r.ToTable("proposal_raisers");
            r.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.ProposalId, x.ParticipantId }).IsUnique();
            r.HasIndex(x => new { x.TenantId, x.ParticipantId });
        });
    }
}
