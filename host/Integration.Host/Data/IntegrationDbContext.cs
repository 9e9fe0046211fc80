using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Integration.Host.Audit;
using Integration.Host.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Integration.Host.Data;

/// <summary>
/// The host's own context: tenants, enabled modules, staff accounts (ASP.NET Core Identity) and the core programme
/// records. Tables are prefixed <c>core_</c>, the way module tables carry their module id. Rows of
/// <see cref="ITenantOwned"/> entities are filtered to the current tenant and checked before saving, as in modules.
/// </summary>
/// <remarks>
/// Contexts are pooled (<see cref="DbContextPooling"/>): a request takes one from the pool and is handed it with its
/// tenant set (<see cref="Tenant"/>). A context made without the pool reads no tenant's rows.
/// </remarks>
public sealed class IntegrationDbContext(DbContextOptions<IntegrationDbContext> options)
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "core__migrations";

    private ITenantContext tenant = NoTenant.Instance;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantModule> TenantModules => Set<TenantModule>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Programmes.Programme> Programmes => Set<Programmes.Programme>();

    public DbSet<Participants.Participant> Participants => Set<Participants.Participant>();

    public DbSet<Participants.ParticipantName> ParticipantNames => Set<Participants.ParticipantName>();

    public DbSet<Consents.Consent> Consents => Set<Consents.Consent>();

    public DbSet<Enrolments.Enrolment> Enrolments => Set<Enrolments.Enrolment>();

    public DbSet<Enrolments.EnrolmentChange> EnrolmentChanges => Set<Enrolments.EnrolmentChange>();

    public DbSet<Enrolments.Participation> Participations => Set<Enrolments.Participation>();

    public DbSet<Outcomes.Outcome> Outcomes => Set<Outcomes.Outcome>();

    public DbSet<ParticipantImports.ParticipantImport> ParticipantImports => Set<ParticipantImports.ParticipantImport>();

    public DbSet<ParticipantImports.ImportRejection> ImportRejections => Set<ParticipantImports.ImportRejection>();

    public DbSet<FollowUps.FollowUp> FollowUps => Set<FollowUps.FollowUp>();

    public DbSet<FollowUps.FollowUpBatch> FollowUpBatches => Set<FollowUps.FollowUpBatch>();

    public DbSet<FollowUps.FollowUpPolicySetting> FollowUpPolicySettings => Set<FollowUps.FollowUpPolicySetting>();

    public DbSet<FollowUps.Notification> Notifications => Set<FollowUps.Notification>();

    public DbSet<Rollups.RollupCell> RollupCells => Set<Rollups.RollupCell>();

    public DbSet<Rollups.RollupRun> RollupRuns => Set<Rollups.RollupRun>();

    public DbSet<Identity.StaffPermissionGrant> StaffPermissionGrants => Set<Identity.StaffPermissionGrant>();

    /// <summary>The data-protection key ring (tokens, cookies), in the database so that every host instance shares it.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Whose rows this context reads and writes: set each time the context is taken from the pool.</summary>
    internal ITenantContext Tenant
    {
        set => tenant = value;
    }

    /// <summary>The tenant whose rows this context reads; <see cref="Guid.Empty"/> (no rows) when there is none.</summary>
    private Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CheckBeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CheckBeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void CheckBeforeSave()
    {
        TenantRows.CheckBeforeSave(ChangeTracker, tenant);
        AuditEntry.RefuseChanges(ChangeTracker);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services => new NameIndexForeignKeyConvention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(user =>
        {
            user.ToTable("core_users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.TenantId);
        });
        builder.Entity<StaffRole>().ToTable("core_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("core_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("core_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("core_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("core_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("core_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("core_data_protection_keys");

        builder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("core_tenants");
            tenant.Property(t => t.Name).HasMaxLength(200);
            tenant.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.MunicipalityCode).HasMaxLength(4);
            tenant.Property(t => t.CountyCode).HasMaxLength(2);
            tenant.HasIndex(t => t.MunicipalityCode).IsUnique();
        });

        builder.Entity<TenantModule>(module =>
        {
            module.ToTable("core_tenant_modules");
            module.HasKey(m => new { m.TenantId, m.ModuleId });
            module.Property(m => m.ModuleId).HasMaxLength(40);
            module.HasIndex(m => m.ModuleId);
            module.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<JobRun>(run =>
        {
            run.ToTable("core_job_runs");
            run.Property(r => r.ModuleId).HasMaxLength(40);
            run.Property(r => r.JobName).HasMaxLength(100);
            run.Property(r => r.BackgroundJobId).HasMaxLength(64);
            run.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            run.Property(r => r.Detail).HasMaxLength(2000);
            run.HasIndex(r => new { r.TenantId, r.StartedAt });
        });

        AuditEntry.Configure(builder);
        CoreRecordsModel.Configure(builder);
        CoreRecordsModel.ConfigureImports(builder);
        Integration.Host.FollowUps.FollowUpModel.Configure(builder);
        Integration.Host.Rollups.RollupModel.Configure(builder);
        Identity.StaffPermissionGrant.Configure(builder);
        TenantRows.ApplyQueryFilters(builder, this, nameof(CurrentTenantId));
    }

    /// <summary>The tenant of a context made without the pool: none, so it reads no tenant's rows.</summary>
    internal sealed class NoTenant : ITenantContext
    {
        public static readonly NoTenant Instance = new();

        public Guid? TenantId => null;
    }
}
