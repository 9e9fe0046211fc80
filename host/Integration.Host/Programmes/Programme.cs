using Integration.Abstractions.Data;

namespace Integration.Host.Programmes;

/// <summary>A funded project (ESF+, AMIF, Leader...) that runs activities for participants.</summary>
public sealed class Programme : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public Funder Funder { get; set; }

    /// <summary>The funder's project number, such as <c>2015/00763</c>.</summary>
    public string? ProjectNumber { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public decimal? BudgetSek { get; set; }

    public decimal? GrantSek { get; set; }

    public int? PlannedParticipants { get; set; }

    public int? PlannedWomen { get; set; }

    public int? PlannedMen { get; set; }

    /// <summary>Four-digit municipality codes the programme covers.</summary>
    public List<string> MunicipalityCodes { get; set; } = [];

    /// <summary>Ids of the modules (activities) the programme uses.</summary>
    public List<string> ModuleIds { get; set; } = [];

    public ProgrammeStatus Status { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Who funds a programme.</summary>
public enum Funder
{
    /// <summary>The European Social Fund Plus (Socialfonden).</summary>
    EsfPlus = 1,

    /// <summary>The Asylum, Migration and Integration Fund.</summary>
    Amif = 2,

    /// <summary>Leader (rural development).</summary>
    Leader = 3,

    /// <summary>The municipality's own funds.</summary>
    Municipal = 4,

    /// <summary>Another funder.</summary>
    Other = 5,
}

/// <summary>Whether a programme takes new enrolments.</summary>
public enum ProgrammeStatus
{
    Open = 1,
    Closed = 2,
}
