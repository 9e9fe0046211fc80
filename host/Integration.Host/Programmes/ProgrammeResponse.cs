namespace Integration.Host.Programmes;

/// <summary>A programme with its participants counted as ESF+ counts them (one per person however often they re-enter).</summary>
/// <param name="Participants">Participants who have started an activity in the programme, each counted once.</param>
/// <param name="ParticipantsByGender">The same, by gender as stated.</param>
/// <param name="OverPlan">More participants than planned: allowed, and shown.</param>
public sealed record ProgrammeResponse(
    Guid Id,
    string Name,
    Funder Funder,
    string? ProjectNumber,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal? BudgetSek,
    decimal? GrantSek,
    int? PlannedParticipants,
    int? PlannedWomen,
    int? PlannedMen,
    IReadOnlyList<string> MunicipalityCodes,
    IReadOnlyList<string> ModuleIds,
    ProgrammeStatus Status,
    DateOnly? ClosedOn,
    int Participants,
    IReadOnlyDictionary<string, int> ParticipantsByGender,
    bool OverPlan,
    long Version)
{
    internal static ProgrammeResponse From(Programme p, IReadOnlyDictionary<string, int> byGender)
    {
        var total = byGender.Values.Sum();
        var overPlan = (p.PlannedParticipants is { } planned && total > planned)
            || (p.PlannedWomen is { } women && byGender.GetValueOrDefault("woman") > women)
            || (p.PlannedMen is { } men && byGender.GetValueOrDefault("man") > men);
        return new(p.Id, p.Name, p.Funder, p.ProjectNumber, p.PeriodStart, p.PeriodEnd, p.BudgetSek, p.GrantSek, p.PlannedParticipants,
            p.PlannedWomen, p.PlannedMen, p.MunicipalityCodes, p.ModuleIds, p.Status, p.ClosedOn, total, byGender, overPlan, p.Version);
    }
}

/// <summary>Closes a programme to new enrolments.</summary>
/// <param name="ClosedOn">The closing day; today when left out.</param>
public sealed record CloseProgrammeRequest(DateOnly? ClosedOn);
