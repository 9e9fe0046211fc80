using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Data;

internal sealed class MentoringDbContext(DbContextOptions<MentoringDbContext> options, ITenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const int TextLength = 200;
    public const int NoteLength = 1000;

    public override string ModuleId => MentoringModule.Id;

    public DbSet<Mentor> Mentors => Set<Mentor>();

    public DbSet<Preferences> Preferences => Set<Preferences>();

    public DbSet<Match> Matches => Set<Match>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<GoalUpdate> GoalUpdates => Set<GoalUpdate>();

    public DbSet<Internship> Internships => Set<Internship>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Mentor>(mentor =>
        {
            mentor.ToTable("mentors");
            mentor.Property(m => m.Name).HasMaxLength(TextLength);
            mentor.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
            mentor.Property(m => m.Gender).HasConversion<string>().HasMaxLength(20);
            mentor.PrimitiveCollection(m => m.Languages);
            mentor.PrimitiveCollection(m => m.Sectors).ElementType().HasConversion<string>();
            mentor.PrimitiveCollection(m => m.Weekdays).ElementType().HasConversion<string>();
            mentor.Property(m => m.Organisation).HasMaxLength(TextLength);
            mentor.Property(m => m.Availability).HasMaxLength(TextLength);
            mentor.Property(m => m.Version).IsConcurrencyToken();
            mentor.Property(m => m.MatchStamp).IsConcurrencyToken();
            mentor.HasIndex(m => new { m.TenantId, m.Name });
            mentor.HasIndex(m => new { m.TenantId, m.Kind, m.Active });
        });

        modelBuilder.Entity<Preferences>(preferences =>
        {
            preferences.ToTable("preferences");
            preferences.PrimitiveCollection(p => p.SectorWishes).ElementType().HasConversion<string>();
            preferences.Property(p => p.PreferredMentorGender).HasConversion<string>().HasMaxLength(20);
            preferences.Property(p => p.PreferredMentorKind).HasConversion<string>().HasMaxLength(30);
            preferences.Property(p => p.Note).HasMaxLength(NoteLength);
            preferences.Property(p => p.Version).IsConcurrencyToken();
            preferences.HasIndex(p => new { p.TenantId, p.ParticipantId }).IsUnique();
        });

        modelBuilder.Entity<Match>(match =>
        {
            match.ToTable("matches");
            match.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
            match.Property(m => m.EndReason).HasConversion<string>().HasMaxLength(20);
            match.Property(m => m.Note).HasMaxLength(NoteLength);
            match.Property(m => m.Version).IsConcurrencyToken();
            match.HasIndex(m => new { m.TenantId, m.MentorId, m.Status });
            match.HasIndex(m => new { m.TenantId, m.ParticipantId });
            match.HasIndex(m => new { m.TenantId, m.StartDate });
            match.HasOne<Mentor>().WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.ToTable("meetings");
            meeting.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Note).HasMaxLength(NoteLength);
            meeting.HasIndex(m => new { m.TenantId, m.MatchId, m.Date });
            meeting.HasIndex(m => new { m.TenantId, m.ParticipantId });
            meeting.HasOne<Match>().WithMany().HasForeignKey(m => m.MatchId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Goal>(goal =>
        {
            goal.ToTable("goals");
            goal.Property(g => g.Title).HasMaxLength(TextLength);
            goal.Property(g => g.Status).HasConversion<string>().HasMaxLength(10);
            goal.Property(g => g.Version).IsConcurrencyToken();
            goal.HasIndex(g => new { g.TenantId, g.MatchId });
            goal.HasIndex(g => new { g.TenantId, g.ParticipantId });
            goal.HasOne<Match>().WithMany().HasForeignKey(g => g.MatchId).OnDelete(DeleteBehavior.Cascade);
            goal.HasMany(g => g.Updates).WithOne().HasForeignKey(u => u.GoalId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GoalUpdate>(update =>
        {
            update.ToTable("goal_updates");
            update.Property(u => u.Status).HasConversion<string>().HasMaxLength(10);
            update.Property(u => u.Note).HasMaxLength(NoteLength);
            update.HasIndex(u => new { u.TenantId, u.GoalId, u.Date });
        });

        modelBuilder.Entity<Internship>(internship =>
        {
            internship.ToTable("internships");
            internship.Property(i => i.EmployerName).HasMaxLength(TextLength);
            internship.Property(i => i.OrganisationNumber).HasMaxLength(11);
            internship.Property(i => i.Occupation).HasMaxLength(TextLength);
            internship.Property(i => i.Sector).HasConversion<string>().HasMaxLength(20);
            internship.Property(i => i.Note).HasMaxLength(NoteLength);
            internship.Property(i => i.Version).IsConcurrencyToken();
            internship.HasIndex(i => new { i.TenantId, i.ParticipantId });
            internship.HasIndex(i => new { i.TenantId, i.StartDate });
            internship.HasIndex(i => new { i.TenantId, i.EndedOn });
            internship.HasIndex(i => new { i.TenantId, i.SupervisorId });
            internship.HasOne<Mentor>().WithMany().HasForeignKey(i => i.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
