namespace Integration.Abstractions.Data;

/// <summary>
/// An entity that belongs to one tenant. A <see cref="ModuleDbContext"/> reads only the current tenant's rows of such
/// entities, sets <see cref="TenantId"/> on new ones and refuses to save a row of another tenant.
/// </summary>
public interface ITenantOwned
{
    /// <summary>The owning tenant.</summary>
    Guid TenantId { get; set; }
}
