using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Data;

internal sealed class HealthDbContext(DbContextOptions<HealthDbContext> options, ITenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const int TextLength = 200;
    public const int NoteLength = 1000;
    public const int LanguageLength = 3;

    public override string ModuleId => HealthModule.Id;

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CoursePlace> CoursePlaces => Set<CoursePlace>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<Who5Score> Scores => Set<Who5Score>();

    public DbSet<WellbeingConversation> Conversations => Set<WellbeingConversation>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Course>(course =>
        {
            course.ToTable("courses");
            course.Property(c => c.Name).HasMaxLength(TextLength);
            course.Property(c => c.Language).HasMaxLength(LanguageLength);
            course.Property(c => c.Place).HasMaxLength(TextLength);
            course.Property(c => c.Leader).HasMaxLength(TextLength);
            course.Property(c => c.Version).IsConcurrencyToken();
            course.HasIndex(c => new { c.TenantId, c.StartDate });
        });

        modelBuilder.Entity<CoursePlace>(place =>
        {
            place.ToTable("course_places");
            place.HasIndex(p => new { p.TenantId, p.CourseId, p.ParticipantId }).IsUnique();
            place.HasIndex(p => new { p.TenantId, p.ParticipantId });
            place.HasOne<Course>().WithMany().HasForeignKey(p => p.CourseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Session>(session =>
        {
            session.ToTable("sessions");
            session.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            session.Property(s => s.Topic).HasConversion<string>().HasMaxLength(30);
            session.Property(s => s.Activity).HasConversion<string>().HasMaxLength(20);
            session.Property(s => s.Language).HasMaxLength(LanguageLength);
            session.Property(s => s.InterpreterLanguage).HasMaxLength(LanguageLength);
            session.Property(s => s.Place).HasMaxLength(TextLength);
            session.Property(s => s.Version).IsConcurrencyToken();
            session.HasIndex(s => new { s.TenantId, s.CourseId, s.Date });
            session.HasIndex(s => new { s.TenantId, s.Kind, s.Date });
            session.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Attendance>(attendance =>
        {
            attendance.ToTable("attendance");
            attendance.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
            attendance.HasIndex(a => new { a.TenantId, a.SessionId, a.ParticipantId }).IsUnique();
            attendance.HasIndex(a => new { a.TenantId, a.ParticipantId });
        });

        modelBuilder.Entity<Who5Score>(score =>
        {
            score.ToTable("who5_scores");
            score.Property(s => s.Point).HasConversion<string>().HasMaxLength(10);
            score.HasIndex(s => new { s.TenantId, s.CourseId, s.ParticipantId, s.Point }).IsUnique();
            score.HasIndex(s => new { s.TenantId, s.ParticipantId });
            score.HasIndex(s => new { s.TenantId, s.MeasuredOn });
            score.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
            score.HasOne<CoursePlace>().WithMany().HasForeignKey(s => s.PlaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WellbeingConversation>(conversation =>
        {
            conversation.ToTable("conversations");
            conversation.Property(c => c.Note).HasMaxLength(NoteLength);
            conversation.HasIndex(c => new { c.TenantId, c.ScoreId });
            conversation.HasIndex(c => new { c.TenantId, c.ParticipantId });
            conversation.HasOne<Who5Score>().WithMany().HasForeignKey(c => c.ScoreId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
