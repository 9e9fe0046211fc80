using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Data;

internal sealed class SchoolDbContext(DbContextOptions<SchoolDbContext> options, ITenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const int TextLength = 200;
    public const int NoteLength = 1000;
    public const int LanguageLength = 3;

    public override string ModuleId => BusinessSchoolModule.Id;

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<CohortMember> Members => Set<CohortMember>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<AdviceMeeting> AdviceMeetings => Set<AdviceMeeting>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyCheck> CompanyChecks => Set<CompanyCheck>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Course>(course =>
        {
            course.ToTable("courses");
            course.Property(c => c.Name).HasMaxLength(TextLength);
            course.Property(c => c.Description).HasMaxLength(NoteLength);
            course.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Cohort>(cohort =>
        {
            cohort.ToTable("cohorts");
            cohort.Property(c => c.Name).HasMaxLength(TextLength);
            cohort.Property(c => c.Language).HasMaxLength(LanguageLength);
            cohort.Property(c => c.Place).HasMaxLength(TextLength);
            cohort.Property(c => c.Version).IsConcurrencyToken();
            cohort.HasIndex(c => new { c.TenantId, c.CourseId, c.StartDate });
            cohort.HasIndex(c => new { c.TenantId, c.EndDate });
            cohort.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CohortMember>(member =>
        {
            member.ToTable("cohort_members");
            member.HasIndex(m => new { m.TenantId, m.CohortId, m.ParticipantId }).IsUnique();
            member.HasIndex(m => new { m.TenantId, m.ParticipantId });
            member.HasOne<Cohort>().WithMany().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Session>(session =>
        {
            session.ToTable("sessions");
            session.Property(s => s.Topic).HasConversion<string>().HasMaxLength(30);
            session.Property(s => s.Teacher).HasMaxLength(TextLength);
            session.Property(s => s.Language).HasMaxLength(LanguageLength);
            session.Property(s => s.Version).IsConcurrencyToken();
            session.HasIndex(s => new { s.TenantId, s.CohortId, s.Date });
            session.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Attendance>(attendance =>
        {
            attendance.ToTable("attendance");
            attendance.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
            attendance.HasIndex(a => new { a.TenantId, a.SessionId, a.ParticipantId }).IsUnique();
            attendance.HasIndex(a => new { a.TenantId, a.ParticipantId });
        });

        modelBuilder.Entity<AdviceMeeting>(meeting =>
        {
            meeting.ToTable("advice_meetings");
            meeting.Property(m => m.Adviser).HasMaxLength(TextLength);
            meeting.Property(m => m.Partner).HasConversion<string>().HasMaxLength(30);
            meeting.Property(m => m.PartnerName).HasMaxLength(TextLength);
            meeting.Property(m => m.Topic).HasConversion<string>().HasMaxLength(30);
            meeting.Property(m => m.NextStep).HasMaxLength(NoteLength);
            meeting.HasIndex(m => new { m.TenantId, m.ParticipantId, m.Date });
            meeting.HasIndex(m => new { m.TenantId, m.Date });
        });

        modelBuilder.Entity<Milestone>(milestone =>
        {
            milestone.ToTable("milestones");
            milestone.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            milestone.Property(m => m.Note).HasMaxLength(NoteLength);
            milestone.HasIndex(m => new { m.TenantId, m.ParticipantId, m.Kind }).IsUnique();
        });

        modelBuilder.Entity<Company>(company =>
        {
            company.ToTable("companies");
            company.Property(c => c.Name).HasMaxLength(TextLength);
            company.Property(c => c.LegalForm).HasConversion<string>().HasMaxLength(30);
            company.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
            company.Property(c => c.OrganisationNumber).HasMaxLength(11);
            company.Property(c => c.Industry).HasMaxLength(TextLength);
            company.Property(c => c.SniCode).HasMaxLength(5);
            company.Property(c => c.Version).IsConcurrencyToken();
            company.HasIndex(c => new { c.TenantId, c.OrganisationNumber }).IsUnique();
            company.HasIndex(c => new { c.TenantId, c.ParticipantId });
            company.HasIndex(c => new { c.TenantId, c.RegisteredOn });
        });

        modelBuilder.Entity<CompanyCheck>(check =>
        {
            check.ToTable("company_checks");
            check.Property(c => c.Point).HasConversion<string>().HasMaxLength(20);
            check.Property(c => c.Turnover).HasConversion<string>().HasMaxLength(20);
            check.Property(c => c.Note).HasMaxLength(NoteLength);
            check.HasIndex(c => new { c.TenantId, c.CompanyId, c.Point }).IsUnique();
            check.HasIndex(c => new { c.TenantId, c.ParticipantId });
            check.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
