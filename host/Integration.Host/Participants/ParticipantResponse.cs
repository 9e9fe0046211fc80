using Integration.Abstractions.Kernel;

namespace Integration.Host.Participants;

/// <summary>A participant.</summary>
/// <param name="Current">The situation now.</param>
/// <param name="Entry">The situation at entry, as funders report it.</param>
/// <param name="MergedIntoId">Set when the record was merged into another: read that one instead.</param>
public sealed record ParticipantResponse(
    Guid Id,
    string GivenName,
    string FamilyName,
    IdentityKind? IdentityKind,
    string? IdentityNumber,
    Gender Gender,
    int? BirthYear,
    string? CountryOfBirth,
    DateOnly? ArrivalDate,
    IReadOnlyList<string> Languages,
    bool InterpreterNeeded,
    ParticipantStatusResponse Current,
    ParticipantStatusResponse Entry,
    Guid? MergedIntoId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    internal static ParticipantResponse From(Participant p) => new(
        p.Id, p.GivenName, p.FamilyName, p.IdentityKind, p.IdentityNumber, p.Gender, p.BirthYear, p.CountryOfBirth, p.ArrivalDate,
        p.Languages, p.InterpreterNeeded, ParticipantStatusResponse.From(p.Current), ParticipantStatusResponse.From(p.Entry),
        p.MergedIntoId, p.CreatedAt, p.UpdatedAt, p.Version);
}

/// <summary>A participant's situation.</summary>
public sealed record ParticipantStatusResponse(
    LabourMarketStatus? LabourMarketStatus,
    EducationLevel? EducationLevel,
    bool? ThirdCountryNational,
    bool? Disability,
    bool? IncomeSupport)
{
    internal static ParticipantStatusResponse From(ParticipantStatus s) =>
        new(s.LabourMarketStatus, s.EducationLevel, s.ThirdCountryNational, s.Disability, s.IncomeSupport);
}

/// <summary>A registered participant and the records that look like the same person.</summary>
public sealed record CreatedParticipantResponse(ParticipantResponse Participant, IReadOnlyList<DuplicateCandidate> PossibleDuplicates);

/// <summary>A record that may be the same person.</summary>
/// <param name="Score">0 to 100: how alike the names and birth years are.</param>
public sealed record DuplicateCandidate(Guid Id, string DisplayName, int? BirthYear, int Score);
