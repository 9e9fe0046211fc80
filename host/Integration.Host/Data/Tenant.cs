namespace Integration.Host.Data;

/// <summary>An organisation that runs programmes: every personal record belongs to exactly one tenant.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public TenantKind Kind { get; set; }

    /// <summary>Kommunkod, four digits (Hedemora 2083); set for municipalities.</summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>Länskod, two digits (Dalarna 20); set for regions, derived from the municipality code for municipalities.</summary>
    public string? CountyCode { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>What kind of organisation a tenant is.</summary>
public enum TenantKind
{
    /// <summary>Kommun.</summary>
    Municipality = 1,

    /// <summary>Region.</summary>
    Region = 2,

    /// <summary>Förening, stiftelse or other project owner.</summary>
    Organisation = 3,
}
