using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Abstractions.Data;

/// <summary>
/// Base class of a module's own EF Core context. It prefixes every table with the module id, keeps each tenant to
/// its own rows of <see cref="ITenantOwned"/> entities and has its own migrations, applied by the host at start-up.
/// </summary>
/// <remarks>
/// Give the derived class a constructor <c>(DbContextOptions&lt;TContext&gt; options, ITenantContext tenant)</c> and
/// register it with <see cref="ModuleRegistrationExtensions.RegisterModuleDbContext{TContext}"/>. Refer to participants
/// and other host records by id only: no foreign keys into tables the module does not own.
/// </remarks>
public abstract class ModuleDbContext : DbContext
{
    private readonly ITenantContext tenant;

    /// <summary>Creates the context.</summary>
    protected ModuleDbContext(DbContextOptions options, ITenantContext tenant)
        : base(options)
    {
        this.tenant = tenant;
    }

    /// <summary>The id of the module that owns this context (<see cref="Modules.ModuleManifest.Id"/>).</summary>
    public abstract string ModuleId { get; }

    /// <summary>The tenant whose rows this context reads; <see cref="Guid.Empty"/> (no rows) when there is none.</summary>
    /// <remarks>Read by the tenant query filters on each query, so it must stay a property of the context.</remarks>
    protected Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    /// <summary>Configures the module's entities. The base class applies the table prefix and tenant filters afterwards.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        var prefix = ModuleTables.Prefix(ModuleId);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().ToList())
        {
            var table = entity.GetTableName();
            if (table is not null && entity.FindOwnership() is null && !table.StartsWith(prefix, StringComparison.Ordinal))
            {
                entity.SetTableName(prefix + table.ToLowerInvariant());
            }
        }

        TenantRows.ApplyQueryFilters(modelBuilder, this, nameof(CurrentTenantId));
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantRows.CheckBeforeSave(ChangeTracker, tenant);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantRows.CheckBeforeSave(ChangeTracker, tenant);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
