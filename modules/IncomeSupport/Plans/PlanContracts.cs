namespace Integration.Modules.IncomeSupport.Plans;

/// <summary>A step of the pathway's plan.</summary>
/// <param name="Kind"><c>sfi</c>, <c>internship</c>, <c>work</c>, <c>subsidisedWork</c>, <c>education</c>, <c>establishmentProgramme</c>, <c>other</c>.</param>
/// <param name="StartDate">When the step starts; at most two years ahead.</param>
/// <param name="EndDate">When it ends (or is planned to); not before the start.</param>
/// <param name="Note">At most 500 characters.</param>
public sealed record StepRequest(string? Kind, DateOnly? StartDate, DateOnly? EndDate, string? Note);

/// <summary>A barrier to self-sufficiency.</summary>
/// <param name="Kind"><c>language</c>, <c>health</c>, <c>childcare</c>, <c>housing</c>, <c>transport</c>, <c>education</c>, <c>workExperience</c>, <c>other</c>.</param>
/// <param name="IdentifiedOn">When it was identified; not in the future.</param>
/// <param name="ResolvedOn">When it was resolved; not before it was identified, not in the future.</param>
/// <param name="Note">At most 500 characters.</param>
public sealed record BarrierRequest(string? Kind, DateOnly? IdentifiedOn, DateOnly? ResolvedOn, string? Note);
