using Integration.Modules.BusinessSchool.Advice;
using Integration.Modules.BusinessSchool.Companies;

namespace Integration.Modules.BusinessSchool.BusinessPlans;

/// <summary>A milestone reached.</summary>
/// <param name="ReachedOn">Not in the future; not before an earlier milestone, not after a later one.</param>
/// <param name="Note">At most 1000 characters.</param>
public sealed record MilestoneRequest(DateOnly? ReachedOn, string? Note);

/// <summary>A milestone of the business plan.</summary>
/// <param name="Kind"><c>idea</c>, <c>planWritten</c>, <c>budget</c>, <c>financingApplied</c> or <c>registered</c> (set by registering a company).</param>
public sealed record MilestoneResponse(string Kind, DateOnly ReachedOn, string? Note);

/// <summary>A participant's way to a company: milestones, companies and advice meetings.</summary>
public sealed record BusinessPlanResponse(Guid ParticipantId, IReadOnlyList<MilestoneResponse> Milestones, IReadOnlyList<CompanyResponse> Companies, IReadOnlyList<AdviceMeetingResponse> AdviceMeetings);
