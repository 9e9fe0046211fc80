namespace Integration.Host.Data;

/// <summary>A module a tenant has enabled. No row means disabled.</summary>
public sealed class TenantModule
{
    public Guid TenantId { get; set; }

    public required string ModuleId { get; set; }

    public DateTime EnabledAt { get; set; }

    public Guid? EnabledByUserId { get; set; }
}
