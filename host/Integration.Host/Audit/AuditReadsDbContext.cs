using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Audit;

/// <summary>
/// The read log: audit entries of reads that were written on their own (by <see cref="AuditReadWriter"/>), in table
/// <c>core_audit_reads</c>. On SQLite it lives in a file of its own beside the records (<c>integration-audit-reads.db</c>
/// next to <c>integration.db</c>); on PostgreSQL it is a table of the same database. <c>GET /api/audit</c> shows it
/// together with <c>core_audit_entries</c>, where changes (and reads saved together with a change) are logged.
/// </summary>
/// <remarks>
/// Why a file of its own: almost every read of personal data writes entries, and every commit to a SQLite file makes
/// every other connection drop its page cache at its next read. With the entries of reads in the records file, each
/// group commit emptied the caches of all the requests reading participants and follow-ups; in their own file, the
/// records stay cached between real changes (on the benchmark's large data set 500–570 searches a second before,
/// 710–770 after, and 700–810 worklist pages before, 1 000–1 070 after; see docs/benchmarks.md). A read's entry does not need
/// to commit atomically with anything else, so nothing is lost by the second file. Entries of this log are numbered
/// from 10^15 (set by its first migration), so an id names one entry across both tables.
/// </remarks>
public sealed class AuditReadsDbContext(DbContextOptions<AuditReadsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "core_audit_reads__migrations";

    /// <summary>The first id of an entry of the read log; ids of <c>core_audit_entries</c> stay below it.</summary>
    public const long FirstId = 1_000_000_000_000_000;

    private ITenantContext tenant = IntegrationDbContext.NoTenant.Instance;

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    /// <summary>Whose entries this context reads: set each time the context is handed to a request.</summary>
    internal ITenantContext Tenant
    {
        set => tenant = value;
    }

    private Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditEntry.RefuseChanges(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditEntry.RefuseChanges(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AuditEntry.Configure(modelBuilder, "core_audit_reads");
        TenantRows.ApplyQueryFilters(modelBuilder, this, nameof(CurrentTenantId));
    }
}
