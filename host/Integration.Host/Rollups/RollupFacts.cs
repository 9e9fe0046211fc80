using Integration.Abstractions.Kernel;
using Integration.Host.FollowUps;
using Integration.Host.Participants;

namespace Integration.Host.Rollups;

/// <summary>What the host's measures are computed from: one programme's rows, read once per run.</summary>
/// <param name="People">The programme's participants.</param>
/// <param name="Enrolments">The programme's enrolments (also listed under their participants).</param>
/// <param name="FollowUps">The follow-ups of those enrolments that a measure counts.</param>
public sealed record RollupInput(
    IReadOnlyDictionary<Guid, RollupPerson> People,
    IReadOnlyList<RollupEnrolment> Enrolments,
    IReadOnlyList<RollupFollowUp> FollowUps);

/// <summary>A participant of the programme with the situation at entry, the age band at the first start and the outcomes a measure counts.</summary>
public sealed record RollupPerson(Guid Id, Gender Gender, AgeBand AgeBand, ParticipantStatus Entry)
{
    /// <summary>Employment, self-employment, studies and job-seeking, in no particular order.</summary>
    public List<RollupOutcome> Outcomes { get; } = [];

    /// <summary>The participant's enrolments in the programme.</summary>
    public List<RollupEnrolment> Enrolments { get; } = [];
}

public sealed record RollupEnrolment(Guid Id, Guid ParticipantId, string ModuleId, bool Exited, DateOnly? StartDate, DateOnly? ExitDate);

/// <summary>An outcome as the measures tell them apart.</summary>
public sealed record RollupOutcome(RollupOutcomeKind Kind, DateOnly Date);

/// <summary>The outcome types a measure counts: employment and self-employment count alike.</summary>
public enum RollupOutcomeKind
{
    /// <summary>Employed (any form) or self-employed.</summary>
    Work,
    Studies,
    JobSeeking,
}

public readonly record struct RollupFollowUp(RollupPerson Person, string ModuleId, DateOnly DueOn, FollowUpState State);

/// <summary>
/// The host's own measures, counted as ESF+ counts: a participant counts once per programme (or module) and period
/// however often they leave and come back; only enrolments that started count; the exit is the last exit, once nothing
/// is ongoing. Counted straight into gender × age band cells (a rollup sees hundreds of thousands of rows, so no fact
/// objects are made for these); the coarser cells are sums of the fine ones, as <see cref="RollupAggregator"/> merges
/// module facts.
/// </summary>
public static class RollupFacts
{
    private const int ExitWindowDays = 28;

    /// <summary>The host's participant measures, in the order of their counters.</summary>
    private static readonly string[] Counted =
    [
        RollupMeasures.Enrolled, RollupMeasures.Active, RollupMeasures.Exited,
        RollupMeasures.EntryUnemployed, RollupMeasures.EntryLongTermUnemployed, RollupMeasures.EntryInactive, RollupMeasures.EntryEmployed,
        RollupMeasures.EntryIsced0To2, RollupMeasures.EntryIsced3To4, RollupMeasures.EntryIsced5To8,
        RollupMeasures.EntryThirdCountryNationals, RollupMeasures.EntryDisability,
        RollupMeasures.ExitJobSearching, RollupMeasures.ExitInEducation, RollupMeasures.ExitInEmployment, RollupMeasures.SixMonthsInEmployment,
    ];

    private const int Enrolled = 0, Active = 1, Exited = 2, Unemployed = 3, LongTermUnemployed = 4, Inactive = 5, Employed = 6;
    private const int Isced0To2 = 7, Isced3To4 = 8, Isced5To8 = 9, ThirdCountryNationals = 10, Disability = 11;
    private const int ExitJobSearching = 12, ExitInEducation = 13, ExitInEmployment = 14, SixMonthsInEmployment = 15;

    /// <summary>The cells of the host's participant measures for a scope (a module, or <see cref="RollupCell.AllModules"/>) and period.</summary>
    public static List<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)> ForParticipants(RollupInput input, string moduleId, RollupPeriod period)
    {
        var all = moduleId == RollupCell.AllModules;
        var counts = new CellCounts(Counted.Length);
        var days = new List<decimal>?[CellCounts.Cells];
        foreach (var person in input.People.Values)
        {
            CountParticipant(person, all ? null : moduleId, period, counts, days);
        }

        var cells = new List<(Gender?, AgeBand?, string, decimal, int)>();
        for (var measure = 0; measure < Counted.Length; measure++)
        {
            counts.AddCells(measure, Counted[measure], cells);
        }

        AddMedianCells(RollupMeasures.DaysToEmploymentOrStudies, days, cells);
        return cells;
    }

    private static void CountParticipant(RollupPerson person, string? moduleId, RollupPeriod period, CellCounts counts, List<decimal>?[] days)
    {
        DateOnly? firstStart = null;
        DateOnly? lastExit = null;
        var ongoing = false;
        var active = false;
        foreach (var e in person.Enrolments)
        {
            if (e.StartDate is not { } started || (moduleId is not null && !string.Equals(e.ModuleId, moduleId, StringComparison.Ordinal)))
            {
                continue;
            }

            firstStart = firstStart is { } first && first <= started ? first : started;
            ongoing |= !e.Exited;
            if (e.ExitDate is { } exit && (lastExit is null || exit > lastExit))
            {
                lastExit = exit;
            }

            active |= started <= period.To && (e.ExitDate is null || e.ExitDate >= period.From);
        }

        if (firstStart is not { } firstDay)
        {
            return;
        }

        var cell = CellCounts.Cell(person.Gender, person.AgeBand);
        var outcomes = person.Outcomes;
        if (period.Contains(firstDay))
        {
            counts.Add(Enrolled, cell);
            CountEntryGroups(person.Entry, counts, cell);
            DateOnly? first = null;
            foreach (var o in outcomes)
            {
                if (o.Date >= firstDay && o.Kind is RollupOutcomeKind.Work or RollupOutcomeKind.Studies && (first is null || o.Date < first))
                {
                    first = o.Date;
                }
            }

            if (first is { } date)
            {
                (days[cell] ??= []).Add(date.DayNumber - firstDay.DayNumber);
            }
        }

        if (active)
        {
            counts.Add(Active, cell);
        }

        if (!ongoing && lastExit is { } exitDay && period.Contains(exitDay))
        {
            counts.Add(Exited, cell);
            CountExitResults(exitDay, outcomes, counts, cell);
        }
    }

    /// <summary>The ESF+ output groups a participant belongs to at entry.</summary>
    private static void CountEntryGroups(ParticipantStatus entry, CellCounts counts, int cell)
    {
        switch (entry.LabourMarketStatus)
        {
            case LabourMarketStatus.Unemployed:
                counts.Add(Unemployed, cell);
                break;
            case LabourMarketStatus.LongTermUnemployed:
                counts.Add(Unemployed, cell);
                counts.Add(LongTermUnemployed, cell);
                break;
            case LabourMarketStatus.Inactive:
                counts.Add(Inactive, cell);
                break;
            case LabourMarketStatus.Employed:
                counts.Add(Employed, cell);
                break;
            default:
                break;
        }

        switch (entry.EducationLevel)
        {
            case EducationLevel.Isced0To2:
                counts.Add(Isced0To2, cell);
                break;
            case EducationLevel.Isced3To4:
                counts.Add(Isced3To4, cell);
                break;
            case EducationLevel.Isced5To8:
                counts.Add(Isced5To8, cell);
                break;
            default:
                break;
        }

        if (entry.ThirdCountryNational == true)
        {
            counts.Add(ThirdCountryNationals, cell);
        }

        if (entry.Disability == true)
        {
            counts.Add(Disability, cell);
        }
    }

    /// <summary>
    /// Results at the exit (an outcome dated within 4 weeks after it) and six months after (an employment dated within
    /// 4 weeks either side of the day six months after the exit).
    /// </summary>
    private static void CountExitResults(DateOnly exit, List<RollupOutcome> outcomes, CellCounts counts, int cell)
    {
        bool jobSeeking = false, studies = false, employed = false, sixMonths = false;
        var sixMonthsDay = exit.AddMonths(6).DayNumber;
        foreach (var o in outcomes)
        {
            var work = o.Kind == RollupOutcomeKind.Work;
            if (o.Date >= exit && o.Date.DayNumber - exit.DayNumber <= ExitWindowDays)
            {
                jobSeeking |= o.Kind == RollupOutcomeKind.JobSeeking;
                studies |= o.Kind == RollupOutcomeKind.Studies;
                employed |= work;
            }

            sixMonths |= work && Math.Abs(o.Date.DayNumber - sixMonthsDay) <= ExitWindowDays;
        }

        if (jobSeeking)
        {
            counts.Add(ExitJobSearching, cell);
        }

        if (studies)
        {
            counts.Add(ExitInEducation, cell);
        }

        if (employed)
        {
            counts.Add(ExitInEmployment, cell);
        }

        if (sixMonths)
        {
            counts.Add(SixMonthsInEmployment, cell);
        }
    }

    /// <summary>The follow-up measures of a scope and period: due, done, missed, response rate.</summary>
    public static List<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)> ForFollowUps(RollupInput input, string moduleId, RollupPeriod period)
    {
        const int due = 0, done = 1, missed = 2;
        var all = moduleId == RollupCell.AllModules;
        var counts = new CellCounts(3);
        foreach (var followUp in input.FollowUps)
        {
            if ((!all && !string.Equals(followUp.ModuleId, moduleId, StringComparison.Ordinal)) || !period.Contains(followUp.DueOn)
                || followUp.State is FollowUpState.Scheduled or FollowUpState.Cancelled)
            {
                continue;
            }

            var cell = CellCounts.Cell(followUp.Person.Gender, followUp.Person.AgeBand);
            counts.Add(due, cell);
            if (followUp.State == FollowUpState.Done)
            {
                counts.Add(done, cell);
            }
            else if (followUp.State == FollowUpState.Missed)
            {
                counts.Add(missed, cell);
            }
        }

        var cells = new List<(Gender?, AgeBand?, string, decimal, int)>();
        counts.AddCells(due, RollupMeasures.FollowUpsDue, cells);
        counts.AddCells(done, RollupMeasures.FollowUpsDone, cells);
        counts.AddCells(missed, RollupMeasures.FollowUpsMissed, cells);
        counts.AddShareCells(done, missed, RollupMeasures.FollowUpResponseRate, cells);
        return cells;
    }

    /// <summary>Median cells: the total, each gender, each age band and each gender × age band that has values.</summary>
    private static void AddMedianCells(string measure, List<decimal>?[] values, List<(Gender?, AgeBand?, string, decimal, int)> cells)
    {
        void Add(Gender? gender, AgeBand? band, Func<int, bool> include)
        {
            var merged = new List<decimal>();
            for (var cell = 0; cell < CellCounts.Cells; cell++)
            {
                if (values[cell] is { } list && include(cell))
                {
                    merged.AddRange(list);
                }
            }

            if (merged.Count > 0)
            {
                cells.Add((gender, band, measure, RollupAggregator.Median(merged), merged.Count));
            }
        }

        Add(null, null, _ => true);
        foreach (var gender in CellCounts.Genders)
        {
            Add(gender, null, cell => CellCounts.GenderOf(cell) == gender);
        }

        foreach (var band in CellCounts.AgeBands)
        {
            Add(null, band, cell => CellCounts.AgeBandOf(cell) == band);
        }

        for (var cell = 0; cell < CellCounts.Cells; cell++)
        {
            if (values[cell] is { Count: > 0 } list)
            {
                cells.Add((CellCounts.GenderOf(cell), CellCounts.AgeBandOf(cell), measure, RollupAggregator.Median(list), list.Count));
            }
        }
    }

    /// <summary>
    /// Counts per measure and gender × age band. As in <see cref="RollupAggregator"/>, a measure has a cell only for the
    /// genders, age bands and pairs that had something counted, and no cells at all when nothing was counted.
    /// </summary>
    private sealed class CellCounts(int measures)
    {
        public static readonly Gender[] Genders = Enum.GetValues<Gender>();
        public static readonly AgeBand[] AgeBands = Enum.GetValues<AgeBand>();
        public static readonly int Cells = Genders.Length * AgeBands.Length;

        private readonly int[] counts = new int[measures * Cells];

        public static int Cell(Gender gender, AgeBand band) => (Array.IndexOf(Genders, gender) * AgeBands.Length) + Array.IndexOf(AgeBands, band);

        public static Gender GenderOf(int cell) => Genders[cell / AgeBands.Length];

        public static AgeBand AgeBandOf(int cell) => AgeBands[cell % AgeBands.Length];

        public void Add(int measure, int cell) => counts[(measure * Cells) + cell]++;

        private int Count(int measure, int cell) => counts[(measure * Cells) + cell];

        /// <summary>Count cells (value and N both the count).</summary>
        public void AddCells(int measure, string id, List<(Gender?, AgeBand?, string, decimal, int)> cells) =>
            AddMerged(id, cell => Count(measure, cell), (count, _) => count, cells);

        /// <summary>Share cells: the share of <paramref name="yes"/> among <paramref name="yes"/> and <paramref name="no"/>, rounded to four decimals.</summary>
        public void AddShareCells(int yes, int no, string id, List<(Gender?, AgeBand?, string, decimal, int)> cells)
        {
            var yesCounts = new int[Cells];
            for (var cell = 0; cell < Cells; cell++)
            {
                yesCounts[cell] = Count(yes, cell);
            }

            AddMerged(id, cell => Count(yes, cell) + Count(no, cell), (n, part) => Math.Round((decimal)part.Yes(yesCounts) / n, 4), cells);
        }

        private static void AddMerged(string id, Func<int, int> n, Func<int, Part, decimal> value, List<(Gender?, AgeBand?, string, decimal, int)> cells)
        {
            void Add(Gender? gender, AgeBand? band, Func<int, bool> include)
            {
                var part = new Part(include, n);
                if (part.N > 0)
                {
                    cells.Add((gender, band, id, value(part.N, part), part.N));
                }
            }

            Add(null, null, _ => true);
            foreach (var gender in Genders)
            {
                Add(gender, null, cell => GenderOf(cell) == gender);
            }

            foreach (var band in AgeBands)
            {
                Add(null, band, cell => AgeBandOf(cell) == band);
            }

            for (var cell = 0; cell < Cells; cell++)
            {
                var only = cell;
                Add(GenderOf(cell), AgeBandOf(cell), c => c == only);
            }
        }

        /// <summary>The fine cells that make up one published cell.</summary>
        private sealed class Part(Func<int, bool> include, Func<int, int> n)
        {
            public int N { get; } = Enumerable.Range(0, Cells).Where(include).Sum(n);

            public int Yes(int[] yes) => Enumerable.Range(0, Cells).Where(include).Sum(cell => yes[cell]);
        }
    }
}
