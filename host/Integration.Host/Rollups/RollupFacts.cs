using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Host.FollowUps;
using Integration.Host.Participants;

namespace Integration.Host.Rollups;

/// <summary>What the host's measures are computed from: one programme's rows, read once per run.</summary>
public sealed record RollupInput(
    IReadOnlyDictionary<Guid, RollupPerson> People,
    IReadOnlyList<RollupEnrolment> Enrolments,
    IReadOnlyDictionary<Guid, List<RollupOutcome>> Outcomes,
    IReadOnlyList<RollupFollowUp> FollowUps);

/// <summary>A participant of the programme with the situation at entry and the age band at the first start.</summary>
public sealed record RollupPerson(Guid Id, Gender Gender, AgeBand AgeBand, ParticipantStatus Entry);

public sealed record RollupEnrolment(Guid Id, Guid ParticipantId, string ModuleId, EnrolmentStatus Status, DateOnly? StartDate, DateOnly? ExitDate);

public sealed record RollupOutcome(OutcomeType Type, DateOnly Date);

public sealed record RollupFollowUp(Guid ParticipantId, string ModuleId, DateOnly DueOn, FollowUpState State);

/// <summary>
/// The counting rules, as ESF+ counts: a participant counts once per programme (or module) and period however often
/// they leave and come back; only enrolments that started count; the exit is the last exit, once nothing is ongoing.
/// </summary>
public static class RollupFacts
{
    private static readonly int ExitWindowDays = 28;

    /// <summary>The facts of one scope (a module, or <see cref="RollupCell.AllModules"/>) and period.</summary>
    public static IEnumerable<RollupFact> Compute(RollupInput input, string moduleId, RollupPeriod period) =>
        ForParticipants(input, moduleId, period).Concat(ForFollowUps(input, moduleId, period));

    /// <summary>The participant measures of a scope and period: started, active, left, entry groups, results.</summary>
    public static IEnumerable<RollupFact> ForParticipants(RollupInput input, string moduleId, RollupPeriod period)
    {
        var all = moduleId == RollupCell.AllModules;
        foreach (var enrolments in input.Enrolments.Where(e => all || e.ModuleId == moduleId).GroupBy(e => e.ParticipantId))
        {
            if (!input.People.TryGetValue(enrolments.Key, out var person))
            {
                continue;
            }

            var started = enrolments.Where(e => e.StartDate is not null).ToList();
            if (started.Count == 0)
            {
                continue;
            }

            var firstStart = started.Min(e => e.StartDate!.Value);
            DateOnly? lastExit = started.All(e => e.Status == EnrolmentStatus.Exited) ? started.Max(e => e.ExitDate) : null;
            var outcomes = input.Outcomes.GetValueOrDefault(person.Id) ?? [];

            if (period.Contains(firstStart))
            {
                yield return Fact(RollupMeasures.Enrolled, person);
                foreach (var measure in EntryGroups(person.Entry))
                {
                    yield return Fact(measure, person);
                }

                var first = outcomes.Where(o => o.Date >= firstStart && o.Type is OutcomeType.Employed or OutcomeType.SelfEmployed or OutcomeType.Studies)
                    .Select(o => (DateOnly?)o.Date).Min();
                if (first is { } date)
                {
                    yield return Fact(RollupMeasures.DaysToEmploymentOrStudies, person, date.DayNumber - firstStart.DayNumber);
                }
            }

            if (started.Any(e => e.StartDate <= period.To && (e.ExitDate is null || e.ExitDate >= period.From)))
            {
                yield return Fact(RollupMeasures.Active, person);
            }

            if (lastExit is { } exit && period.Contains(exit))
            {
                yield return Fact(RollupMeasures.Exited, person);
                foreach (var measure in ExitResults(exit, outcomes))
                {
                    yield return Fact(measure, person);
                }
            }
        }

    }

    /// <summary>The follow-up measures of a scope and period: due, done, missed, response rate.</summary>
    public static IEnumerable<RollupFact> ForFollowUps(RollupInput input, string moduleId, RollupPeriod period)
    {
        var all = moduleId == RollupCell.AllModules;
        foreach (var followUp in input.FollowUps.Where(f => (all || f.ModuleId == moduleId) && period.Contains(f.DueOn)))
        {
            if (!input.People.TryGetValue(followUp.ParticipantId, out var person) || followUp.State is FollowUpState.Scheduled or FollowUpState.Cancelled)
            {
                continue;
            }

            yield return new RollupFact(RollupMeasures.FollowUpsDue, 1, null, person.Gender, person.AgeBand);
            if (followUp.State is FollowUpState.Done or FollowUpState.Missed)
            {
                var done = followUp.State == FollowUpState.Done;
                yield return new RollupFact(done ? RollupMeasures.FollowUpsDone : RollupMeasures.FollowUpsMissed, 1, null, person.Gender, person.AgeBand);
                yield return new RollupFact(RollupMeasures.FollowUpResponseRate, done ? 1 : 0, null, person.Gender, person.AgeBand);
            }
        }
    }

    /// <summary>The ESF+ output groups a participant belongs to at entry.</summary>
    public static IEnumerable<string> EntryGroups(ParticipantStatus entry)
    {
        switch (entry.LabourMarketStatus)
        {
            case LabourMarketStatus.Unemployed:
                yield return RollupMeasures.EntryUnemployed;
                break;
            case LabourMarketStatus.LongTermUnemployed:
                yield return RollupMeasures.EntryUnemployed;
                yield return RollupMeasures.EntryLongTermUnemployed;
                break;
            case LabourMarketStatus.Inactive:
                yield return RollupMeasures.EntryInactive;
                break;
            case LabourMarketStatus.Employed:
                yield return RollupMeasures.EntryEmployed;
                break;
            default:
                break;
        }

        switch (entry.EducationLevel)
        {
            case EducationLevel.Isced0To2:
                yield return RollupMeasures.EntryIsced0To2;
                break;
            case EducationLevel.Isced3To4:
                yield return RollupMeasures.EntryIsced3To4;
                break;
            case EducationLevel.Isced5To8:
                yield return RollupMeasures.EntryIsced5To8;
                break;
            default:
                break;
        }

        if (entry.ThirdCountryNational == true)
        {
            yield return RollupMeasures.EntryThirdCountryNationals;
        }

        if (entry.Disability == true)
        {
            yield return RollupMeasures.EntryDisability;
        }
    }

    /// <summary>
    /// Results at the exit (an outcome dated within 4 weeks after it) and six months after (an employment dated within
    /// 4 weeks either side of the day six months after the exit).
    /// </summary>
    public static IEnumerable<string> ExitResults(DateOnly exit, IReadOnlyList<RollupOutcome> outcomes)
    {
        var soon = outcomes.Where(o => o.Date >= exit && o.Date.DayNumber - exit.DayNumber <= ExitWindowDays).ToList();
        if (soon.Any(o => o.Type == OutcomeType.JobSeeking))
        {
            yield return RollupMeasures.ExitJobSearching;
        }

        if (soon.Any(o => o.Type == OutcomeType.Studies))
        {
            yield return RollupMeasures.ExitInEducation;
        }

        if (soon.Any(o => o.Type is OutcomeType.Employed or OutcomeType.SelfEmployed))
        {
            yield return RollupMeasures.ExitInEmployment;
        }

        var sixMonths = exit.AddMonths(6);
        if (outcomes.Any(o => o.Type is OutcomeType.Employed or OutcomeType.SelfEmployed && Math.Abs(o.Date.DayNumber - sixMonths.DayNumber) <= ExitWindowDays))
        {
            yield return RollupMeasures.SixMonthsInEmployment;
        }
    }

    private static RollupFact Fact(string measure, RollupPerson person, decimal value = 1) => new(measure, value, person.Id, person.Gender, person.AgeBand);
}
