using Integration.Abstractions.Data;
using Integration.Abstractions.Kernel;

namespace Integration.Host.Participants;

/// <summary>A person taking part in a programme (deltagare).</summary>
public sealed class Participant : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    /// <summary>The kind of <see cref="IdentityNumber"/>; null when the participant has none.</summary>
    public IdentityKind? IdentityKind { get; set; }

    /// <summary>Personnummer or samordningsnummer as 12 digits, or another reference as given.</summary>
    public string? IdentityNumber { get; set; }

    /// <summary>As stated by the participant; never derived from the identity number.</summary>
    public Gender Gender { get; set; }

    public int? BirthYear { get; set; }

    /// <summary>ISO 3166 alpha-2 code.</summary>
    public string? CountryOfBirth { get; set; }

    public DateOnly? ArrivalDate { get; set; }

    /// <summary>ISO 639 codes.</summary>
    public List<string> Languages { get; set; } = [];

    public bool InterpreterNeeded { get; set; }

    /// <summary>The participant's situation now; <see cref="Entry"/> keeps it as it was at registration.</summary>
    public ParticipantStatus Current { get; set; } = new();

    /// <summary>The situation at entry, as funders report it; never changed by later updates.</summary>
    public ParticipantStatus Entry { get; set; } = new();

    /// <summary>Set when this record was merged into another; the record is then read-only and out of searches.</summary>
    public Guid? MergedIntoId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public string DisplayName => $"{GivenName} {FamilyName}";
}

/// <summary>A participant's labour-market situation and background that funders count at entry.</summary>
public sealed class ParticipantStatus
{
    public LabourMarketStatus? LabourMarketStatus { get; set; }

    public EducationLevel? EducationLevel { get; set; }

    public bool? ThirdCountryNational { get; set; }

    /// <summary>Sensitive; recorded only when the participant chooses to say.</summary>
    public bool? Disability { get; set; }

    public bool? IncomeSupport { get; set; }

    public ParticipantStatus Copy() => (ParticipantStatus)MemberwiseClone();
}

/// <summary>The kind of a participant's identity number or reference.</summary>
public enum IdentityKind
{
    /// <summary>Swedish personal identity number.</summary>
    Personnummer = 1,

    /// <summary>Swedish coordination number (day of birth + 60).</summary>
    Samordningsnummer = 2,

    /// <summary>The Migration Agency's LMA card number.</summary>
    LmaCard = 3,

    /// <summary>The Migration Agency's dossier number.</summary>
    DossierNumber = 4,

    /// <summary>Another reference.</summary>
    OtherReference = 5,
}

/// <summary>Education level in ISCED bands.</summary>
public enum EducationLevel
{
    /// <summary>ISCED 0–2: up to lower secondary.</summary>
    Isced0To2 = 1,

    /// <summary>ISCED 3–4: upper secondary and post-secondary non-tertiary.</summary>
    Isced3To4 = 2,

    /// <summary>ISCED 5–8: tertiary.</summary>
    Isced5To8 = 3,
}

/// <summary>Labour-market status as ESF+ counts it.</summary>
public enum LabourMarketStatus
{
    Unemployed = 1,
    LongTermUnemployed = 2,
    Inactive = 3,
    Employed = 4,
}
