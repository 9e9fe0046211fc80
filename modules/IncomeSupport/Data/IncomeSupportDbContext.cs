using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Data;

internal sealed class IncomeSupportDbContext(DbContextOptions<IncomeSupportDbContext> options, ITenantContext tenant) : ModuleDbContext(options, tenant)
{
    public const int HouseholdLength = 40;
    public const int NoteLength = 500;

    public override string ModuleId => IncomeSupportModule.Id;

    public DbSet<Pathway> Pathways => Set<Pathway>();

    public DbSet<MonthlyStatus> Months => Set<MonthlyStatus>();

    public DbSet<PlanStep> Steps => Set<PlanStep>();

    public DbSet<PlanBarrier> Barriers => Set<PlanBarrier>();

    public DbSet<TenantSettings> Settings => Set<TenantSettings>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Pathway>(pathway =>
        {
            pathway.ToTable("pathways");
            pathway.Property(p => p.HouseholdReference).HasMaxLength(HouseholdLength);
            pathway.Property(p => p.Version).IsConcurrencyToken();
            pathway.HasIndex(p => new { p.TenantId, p.ParticipantId }).IsUnique();
            pathway.HasIndex(p => new { p.TenantId, p.HouseholdReference });
            pathway.HasIndex(p => new { p.TenantId, p.FirstApplicationOn });
        });

        modelBuilder.Entity<MonthlyStatus>(month =>
        {
            month.ToTable("monthly_statuses");
            month.HasIndex(m => new { m.TenantId, m.PathwayId, m.Month }).IsUnique();
            month.HasOne<Pathway>().WithMany().HasForeignKey(m => m.PathwayId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlanStep>(step =>
        {
            step.ToTable("plan_steps");
            step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            step.Property(s => s.Note).HasMaxLength(NoteLength);
            step.Property(s => s.Version).IsConcurrencyToken();
            step.HasIndex(s => new { s.TenantId, s.PathwayId });
            step.HasOne<Pathway>().WithMany().HasForeignKey(s => s.PathwayId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlanBarrier>(barrier =>
        {
            barrier.ToTable("barriers");
            barrier.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
            barrier.Property(b => b.Note).HasMaxLength(NoteLength);
            barrier.Property(b => b.Version).IsConcurrencyToken();
            barrier.HasIndex(b => new { b.TenantId, b.PathwayId });
            barrier.HasOne<Pathway>().WithMany().HasForeignKey(b => b.PathwayId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TenantSettings>(settings =>
        {
            settings.ToTable("settings");
            settings.Property(s => s.Version).IsConcurrencyToken();
            settings.HasIndex(s => s.TenantId).IsUnique();
        });
    }
}
