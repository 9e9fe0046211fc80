using System.Linq.Expressions;
using Integration.Abstractions.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Integration.Abstractions.Data;

/// <summary>
/// The rules that keep each tenant to its own rows of <see cref="ITenantOwned"/> entities, for any EF Core context:
/// a query filter on every such entity and a check of every row about to be saved. <see cref="ModuleDbContext"/> applies
/// them for modules; the host's own context applies them the same way.
/// </summary>
public static class TenantRows
{
    /// <summary>
    /// Adds <c>e =&gt; e.TenantId == context.{tenantProperty}</c> as the query filter of every <see cref="ITenantOwned"/>
    /// root entity. <paramref name="tenantProperty"/> names a <see cref="Guid"/> property of <paramref name="context"/>
    /// (it may be protected); EF Core reads it on every query, so the filter follows the context's current tenant.
    /// </summary>
    public static void ApplyQueryFilters(ModelBuilder modelBuilder, DbContext context, string tenantProperty)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) && entity.BaseType is null && entity.FindOwnership() is null)
            {
                var row = Expression.Parameter(entity.ClrType, "e");
                var body = Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(context), tenantProperty));
                entity.SetQueryFilter(Expression.Lambda(body, row));
            }
        }
    }

    /// <summary>
    /// Before saving: gives new rows without a tenant the current tenant, and refuses to add, change or delete a row of
    /// another tenant or to move a row to another tenant.
    /// </summary>
    /// <exception cref="InvalidOperationException">A row belongs to another tenant, or there is no tenant.</exception>
    public static void CheckBeforeSave(ChangeTracker changeTracker, ITenantContext tenant)
    {
        foreach (EntityEntry<ITenantOwned> entry in changeTracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.TenantId == Guid.Empty:
                    entry.Entity.TenantId = tenant.RequiredTenantId;
                    break;
                case EntityState.Added or EntityState.Modified or EntityState.Deleted when entry.Entity.TenantId != tenant.RequiredTenantId:
                    throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another tenant cannot be saved in this tenant's context.");
                case EntityState.Modified when entry.Property(e => e.TenantId).IsModified:
                    throw new InvalidOperationException($"The tenant of a {entry.Metadata.ClrType.Name} cannot change.");
                default:
                    break;
            }
        }
    }
}
