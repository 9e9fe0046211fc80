using Integration.Host.Consents;
using Integration.Host.Enrolments;
using Integration.Host.Outcomes;
using Integration.Host.Participants;
using Integration.Host.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Host.Data;

/// <summary>Tables of the core programme records: programmes, participants, consents, enrolments, outcomes.</summary>
internal static class CoreRecordsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Programme>(p =>
        {
            p.ToTable("core_programmes");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Funder).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.ProjectNumber).HasMaxLength(50);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.BudgetSek).HasPrecision(14, 2);
            p.Property(x => x.GrantSek).HasPrecision(14, 2);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => new { x.TenantId, x.Name });
        });

        builder.Entity<Participant>(p =>
        {
            p.ToTable("core_participants");
            p.Property(x => x.GivenName).HasMaxLength(100);
            p.Property(x => x.FamilyName).HasMaxLength(100);
            p.Property(x => x.IdentityKind).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.IdentityNumber).HasMaxLength(40);
            p.Property(x => x.Gender).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.CountryOfBirth).HasMaxLength(2);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.OwnsOne(x => x.Current, Status);
            p.OwnsOne(x => x.Entry, Status);
            p.Ignore(x => x.DisplayName);

            // Null identity numbers do not collide: SQLite and PostgreSQL both let a unique index hold many NULLs.
            p.HasIndex(x => new { x.TenantId, x.IdentityNumber }).IsUnique();
            p.HasIndex(x => new { x.TenantId, x.FamilyName, x.GivenName });
            p.HasIndex(x => new { x.TenantId, x.BirthYear });
        });

        builder.Entity<ParticipantName>(n =>
        {
            n.ToTable("core_participant_names");
            n.Property(x => x.Token).HasMaxLength(100);
            n.Property(x => x.SortKey).HasMaxLength(200);
            n.Property(x => x.PreviousToken).HasMaxLength(100);

            // The key is a name search's order: the word range, then the sort key and the id. On SQLite the table is
            // created WITHOUT ROWID (by hand in the migration NameIndexByKey; EF Core cannot express it), so the key's
            // B-tree is the table and holds the previous word (which picks one row per participant) too. PostgreSQL
            // reads the previous word from the table rows the key's index points to.
            n.HasKey(x => new { x.TenantId, x.Token, x.SortKey, x.ParticipantId });
            n.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);

            // No index by participant id, which EF Core's conventions would add for the foreign key: see
            // NameIndexForeignKeyConvention.
        });

        builder.Entity<Consent>(c =>
        {
            c.ToTable("core_consents");
            c.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Note).HasMaxLength(500);
            c.HasIndex(x => new { x.TenantId, x.ParticipantId, x.Purpose });
            c.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Enrolment>(e =>
        {
            e.ToTable("core_enrolments");
            e.Property(x => x.ModuleId).HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.ExitReason).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TenantId, x.ParticipantId });
            // Also covers the rollup's read of a programme's enrolments (dates, status, ids) without visiting the table.
            e.HasIndex(x => new { x.TenantId, x.ProgrammeId, x.ModuleId, x.Status, x.ParticipantId, x.StartDate, x.ExitDate, x.Id })
                .HasDatabaseName("IX_core_enrolments_TenantId_ProgrammeId_ModuleId_Status");

            // At most one ongoing enrolment per participant, programme and module, also under concurrent requests.
            e.HasIndex(x => new { x.TenantId, x.ParticipantId, x.ProgrammeId, x.ModuleId })
                .IsUnique()
                .HasFilter("\"Status\" <> 'Exited'")
                .HasDatabaseName("IX_core_enrolments_one_ongoing");
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EnrolmentChange>(c =>
        {
            c.ToTable("core_enrolment_changes");
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            c.HasIndex(x => new { x.TenantId, x.EnrolmentId });
            c.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Participation>(p =>
        {
            p.ToTable("core_participations");
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => new { x.TenantId, x.ProgrammeId, x.ParticipantId }).IsUnique();
            p.HasIndex(x => x.ParticipantId);
            p.OwnsOne(x => x.Entry, Status);
            p.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Outcome>(o =>
        {
            o.ToTable("core_outcomes");
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.Detail).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.RecordedByModule).HasMaxLength(40);
            o.Property(x => x.Note).HasMaxLength(500);
            o.HasIndex(x => new { x.TenantId, x.ParticipantId, x.Date });

            // Covers the rollup's read of the outcomes it counts (by type), without visiting the table rows.
            o.HasIndex(x => new { x.TenantId, x.Type, x.ParticipantId, x.Date });
            o.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    public static void ConfigureImports(ModelBuilder builder)
    {
        builder.Entity<ParticipantImports.ParticipantImport>(i =>
        {
            i.ToTable("core_participant_imports");
            i.Property(x => x.Mode).HasConversion<string>().HasMaxLength(15);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            i.Property(x => x.FileName).HasMaxLength(200);
            i.Property(x => x.Language).HasMaxLength(5);
            i.Property(x => x.Error).HasMaxLength(500);
            i.Property(x => x.CreatedByName).HasMaxLength(200);
            i.HasIndex(x => new { x.TenantId, x.CreatedAt });
            i.HasIndex(x => x.Status);
        });

        builder.Entity<ParticipantImports.ImportRejection>(r =>
        {
            r.ToTable("core_import_rejections");
            r.Property(x => x.Field).HasMaxLength(40);
            r.Property(x => x.Message).HasMaxLength(300);
            r.HasIndex(x => new { x.TenantId, x.ImportId, x.Row });
            r.HasOne<ParticipantImports.ParticipantImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void Status<TOwner>(OwnedNavigationBuilder<TOwner, ParticipantStatus> status)
        where TOwner : class
    {
        status.Property(s => s.LabourMarketStatus).HasConversion<string>().HasMaxLength(20);
        status.Property(s => s.EducationLevel).HasConversion<string>().HasMaxLength(12);
    }
}
