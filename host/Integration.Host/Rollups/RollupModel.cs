using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Rollups;

/// <summary>Tables of the outcome rollups: published cells and runs.</summary>
internal static class RollupModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RollupCell>(c =>
        {
            c.ToTable("core_rollup_cells");
            c.Property(x => x.Period).HasMaxLength(10);
            c.Property(x => x.ModuleId).HasMaxLength(40);
            c.Property(x => x.Measure).HasMaxLength(100);
            c.Property(x => x.Gender).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.AgeBand).HasConversion<string>().HasMaxLength(12);
            c.Property(x => x.Value).HasPrecision(18, 4);

            // A report reads one programme and period; a run replaces exactly that.
            c.HasIndex(x => new { x.TenantId, x.ProgrammeId, x.Period });
        });

        builder.Entity<RollupRun>(r =>
        {
            r.ToTable("core_rollup_runs");
            r.Property(x => x.Period).HasMaxLength(10);
            r.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.Error).HasMaxLength(1000);
            r.Property(x => x.BackgroundJobId).HasMaxLength(64);
            r.HasIndex(x => new { x.TenantId, x.CreatedAt });
            r.HasIndex(x => x.State);
        });
    }
}
