namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>A new pathway: the participant (enrolled in the module) and the first application for income support.</summary>
/// <param name="FirstApplicationOn">The day of the first application for income support; not in the future.</param>
/// <param name="HouseholdReference">The household's reference in the case system (at most 40 characters), grouping its members' pathways.</param>
public sealed record CreatePathwayRequest(Guid? ParticipantId, DateOnly? FirstApplicationOn, string? HouseholdReference);

/// <summary>A change of a pathway's start or household; send the pathway's ETag in <c>If-Match</c>.</summary>
public sealed record UpdatePathwayRequest(DateOnly? FirstApplicationOn, string? HouseholdReference);

/// <summary>One month's status.</summary>
/// <param name="SupportPaid">Whether income support was paid for the month.</param>
/// <param name="Reasons">Why support was needed, when it was paid: <c>unemployment</c>, <c>illness</c>,
/// <c>waitingForEstablishmentBenefit</c>, <c>insufficientIncome</c>, <c>parentalLeave</c>, <c>other</c>.</param>
public sealed record MonthRequest(bool? SupportPaid, IReadOnlyList<string?>? Reasons);

/// <summary>A pathway with its months, plan steps and barriers.</summary>
/// <param name="Status"><c>open</c> or <c>selfSufficient</c>.</param>
/// <param name="SelfSufficientOn">The first day of the streak of months without support that made the participant self-sufficient.</param>
/// <param name="MonthsWithoutSupport">The run of months without support up to the latest recorded month.</param>
/// <param name="MonthsRequired">The tenant's number of consecutive months without support that means self-sufficiency.</param>
/// <param name="OutcomeId">The <c>selfSufficient</c> outcome recorded in the participant's outcomes.</param>
public sealed record PathwayResponse(
    Guid Id,
    Guid ParticipantId,
    Guid EnrolmentId,
    string? HouseholdReference,
    DateOnly FirstApplicationOn,
    string Status,
    DateOnly? SelfSufficientOn,
    int MonthsWithoutSupport,
    int MonthsRequired,
    Guid? OutcomeId,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<MonthResponse> Months,
    IReadOnlyList<StepResponse> Steps,
    IReadOnlyList<BarrierResponse> Barriers);

/// <summary>A recorded month (<c>yyyy-MM</c>).</summary>
public sealed record MonthResponse(string Month, bool SupportPaid, IReadOnlyList<string> Reasons, DateTime RecordedAt);

/// <summary>A step of the plan.</summary>
/// <param name="Kind"><c>sfi</c>, <c>internship</c>, <c>work</c>, <c>subsidisedWork</c>, <c>education</c>, <c>establishmentProgramme</c>, <c>other</c>.</param>
public sealed record StepResponse(Guid Id, string Kind, DateOnly StartDate, DateOnly? EndDate, string? Note, long Version);

/// <summary>A barrier to self-sufficiency.</summary>
/// <param name="Kind"><c>language</c>, <c>health</c>, <c>childcare</c>, <c>housing</c>, <c>transport</c>, <c>education</c>, <c>workExperience</c>, <c>other</c>.</param>
public sealed record BarrierResponse(Guid Id, string Kind, DateOnly IdentifiedOn, DateOnly? ResolvedOn, string? Note, long Version);

/// <summary>A pathway in a list.</summary>
/// <param name="LatestMonth">The latest recorded month (<c>yyyy-MM</c>), if any.</param>
public sealed record PathwaySummary(
    Guid Id,
    Guid ParticipantId,
    string? HouseholdReference,
    DateOnly FirstApplicationOn,
    string Status,
    DateOnly? SelfSufficientOn,
    string? LatestMonth,
    long Version);

/// <summary>One page of pathways.</summary>
public sealed record PathwayPage(IReadOnlyList<PathwaySummary> Items, int Page, int PageSize, int Total);
