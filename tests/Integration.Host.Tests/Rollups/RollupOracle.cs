namespace Integration.Host.Tests.Rollups;

/// <summary>A participant as the test created it.</summary>
internal sealed record SeedPerson(Guid Id, string Gender, int? BirthYear, string? LabourMarketStatus, string? EducationLevel, bool ThirdCountryNational, bool Disability);

internal sealed record SeedEnrolment(Guid ParticipantId, string Status, DateOnly? Start, DateOnly? Exit);

internal sealed record SeedOutcome(Guid ParticipantId, string Type, DateOnly Date);

internal sealed record SeedFollowUp(Guid ParticipantId, DateOnly DueOn, string State);

/// <summary>
/// The rollup rules written again, independently of the host's code, with plain LINQ over the rows the test created:
/// the expected figure of every measure for one period and one group of participants.
/// </summary>
internal static class RollupOracle
{
    public static Dictionary<string, decimal?> Expected(
        IReadOnlyList<SeedPerson> people, IReadOnlyList<SeedEnrolment> enrolments, IReadOnlyList<SeedOutcome> outcomes, IReadOnlyList<SeedFollowUp> followUps,
        DateOnly from, DateOnly to, Func<SeedPerson, string, bool> inGroup)
    {
        bool In(DateOnly? d) => d is { } x && x >= from && x <= to;
        var byId = people.ToDictionary(p => p.Id);
        var spells = enrolments.GroupBy(e => e.ParticipantId)
            .Where(g => g.Any(e => e.Start is not null))
            .Select(g => new
            {
                Person = byId[g.Key],
                Start = g.Where(e => e.Start is not null).Min(e => e.Start!.Value),
                Exit = g.Where(e => e.Start is not null).All(e => e.Status == "exited") ? g.Where(e => e.Start is not null).Max(e => e.Exit) : null,
                Active = g.Any(e => e.Start is not null && e.Start <= to && (e.Exit is null || e.Exit >= from)),
            })
            .Select(s => new { s.Person, s.Start, s.Exit, s.Active, Band = AgeBand(s.Person.BirthYear, s.Start.Year) })
            .Where(s => inGroup(s.Person, s.Band))
            .ToList();
        var started = spells.Where(s => In(s.Start)).ToList();
        var left = spells.Where(s => In(s.Exit)).ToList();
        List<SeedOutcome> Of(Guid id) => outcomes.Where(o => o.ParticipantId == id).ToList();
        bool Soon(SeedOutcome o, DateOnly exit) => o.Date >= exit && o.Date.DayNumber - exit.DayNumber <= 28;
        bool Work(string type) => type is "employed" or "selfEmployed";

        var days = started
            .Select(s => Of(s.Person.Id).Where(o => o.Date >= s.Start && (Work(o.Type) || o.Type == "studies")).Select(o => (int?)(o.Date.DayNumber - s.Start.DayNumber)).Min())
            .Where(d => d is not null).Select(d => (decimal)d!.Value).Order().ToList();
        var bandOf = spells.ToDictionary(s => s.Person.Id, s => s.Band);
        var cameDue = followUps.Where(f => In(f.DueOn) && bandOf.ContainsKey(f.ParticipantId) && f.State is "due" or "done" or "missed").ToList();
        var done = cameDue.Count(f => f.State == "done");
        var missed = cameDue.Count(f => f.State == "missed");

        return new Dictionary<string, decimal?>
        {
            ["enrolled"] = started.Count,
            ["active"] = spells.Count(s => s.Active),
            ["exited"] = left.Count,
            ["entry.unemployed"] = started.Count(s => s.Person.LabourMarketStatus is "unemployed" or "longTermUnemployed"),
            ["entry.long-term-unemployed"] = started.Count(s => s.Person.LabourMarketStatus == "longTermUnemployed"),
            ["entry.inactive"] = started.Count(s => s.Person.LabourMarketStatus == "inactive"),
            ["entry.employed"] = started.Count(s => s.Person.LabourMarketStatus == "employed"),
            ["entry.isced-0-2"] = started.Count(s => s.Person.EducationLevel == "isced0To2"),
            ["entry.isced-3-4"] = started.Count(s => s.Person.EducationLevel == "isced3To4"),
            ["entry.isced-5-8"] = started.Count(s => s.Person.EducationLevel == "isced5To8"),
            ["entry.third-country-nationals"] = started.Count(s => s.Person.ThirdCountryNational),
            ["entry.disability"] = started.Count(s => s.Person.Disability),
            ["exit.job-searching"] = left.Count(s => Of(s.Person.Id).Any(o => o.Type == "jobSeeking" && Soon(o, s.Exit!.Value))),
            ["exit.in-education-or-training"] = left.Count(s => Of(s.Person.Id).Any(o => o.Type == "studies" && Soon(o, s.Exit!.Value))),
            ["exit.in-employment"] = left.Count(s => Of(s.Person.Id).Any(o => Work(o.Type) && Soon(o, s.Exit!.Value))),
            ["six-months.in-employment"] = left.Count(s => Of(s.Person.Id).Any(o => Work(o.Type) && Math.Abs(o.Date.DayNumber - s.Exit!.Value.AddMonths(6).DayNumber) <= 28)),
            ["days-to-employment-or-studies"] = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2,
            ["follow-ups.due"] = cameDue.Count,
            ["follow-ups.done"] = done,
            ["follow-ups.missed"] = missed,
            ["follow-ups.response-rate"] = done + missed == 0 ? null : Math.Round((decimal)done / (done + missed), 4),
        };
    }

    public static string AgeBand(int? birthYear, int year) => birthYear is not { } born ? "unknown" : (year - born) switch
    {
        < 18 => "under18",
        < 30 => "from18To29",
        < 55 => "from30To54",
        _ => "from55",
    };
}
