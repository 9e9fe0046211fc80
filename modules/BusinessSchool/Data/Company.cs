using Integration.Abstractions.Data;

namespace Integration.Modules.BusinessSchool.Data;

/// <summary>A company a participant starts: in registration, or registered with its organisationsnummer.</summary>
internal sealed class Company : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid ProgrammeId { get; set; }

    public required string Name { get; set; }

    public LegalForm LegalForm { get; set; }

    public CompanyStatus Status { get; set; }

    /// <summary><c>NNNNNN-NNNN</c>; a sole trader's is the owner's personnummer.</summary>
    public string? OrganisationNumber { get; set; }

    public DateOnly? RegistrationAppliedOn { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public DateOnly? FTaxApprovedOn { get; set; }

    public required string Industry { get; set; }

    /// <summary>SNI 2007 code, 2 to 5 digits, when known.</summary>
    public string? SniCode { get; set; }

    /// <summary>The self-employed outcome recorded in the host when the company was registered.</summary>
    public Guid? OutcomeId { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal enum LegalForm
{
    /// <summary>Enskild näringsidkare (enskild firma).</summary>
    SoleTrader = 1,

    /// <summary>Handelsbolag or kommanditbolag.</summary>
    TradingPartnership = 2,

    /// <summary>Aktiebolag.</summary>
    LimitedCompany = 3,

    /// <summary>Ekonomisk förening.</summary>
    EconomicAssociation = 4,
}

internal enum CompanyStatus
{
    RegistrationInProgress = 1,
    Registered = 2,
}

/// <summary>A check of a company 6 or 12 months after the course: still active, turnover, employees.</summary>
internal sealed class CompanyCheck : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CompanyId { get; set; }

    public Guid ParticipantId { get; set; }

    public CheckPoint Point { get; set; }

    public DateOnly CheckedOn { get; set; }

    public bool Active { get; set; }

    public TurnoverBand? Turnover { get; set; }

    /// <summary>Employees besides the owner.</summary>
    public int? Employees { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal enum CheckPoint
{
    SixMonths = 1,
    TwelveMonths = 2,
}

/// <summary>Yearly turnover in SEK, in bands.</summary>
internal enum TurnoverBand
{
    None = 1,
    Under100k = 2,
    From100kTo500k = 3,
    From500kTo1m = 4,
    From1mTo5m = 5,
    Over5m = 6,
}
