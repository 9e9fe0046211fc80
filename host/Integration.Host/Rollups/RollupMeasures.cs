using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;

namespace Integration.Host.Rollups;

/// <summary>The host's measures, ESF+ style: who took part, their situation at entry, results at exit and after six months, follow-ups.</summary>
public static class RollupMeasures
{
    public const string Enrolled = "enrolled";
    public const string Active = "active";
    public const string Exited = "exited";
    public const string EntryUnemployed = "entry.unemployed";
    public const string EntryLongTermUnemployed = "entry.long-term-unemployed";
    public const string EntryInactive = "entry.inactive";
    public const string EntryEmployed = "entry.employed";
    public const string EntryIsced0To2 = "entry.isced-0-2";
    public const string EntryIsced3To4 = "entry.isced-3-4";
    public const string EntryIsced5To8 = "entry.isced-5-8";
    public const string EntryThirdCountryNationals = "entry.third-country-nationals";
    public const string EntryDisability = "entry.disability";
    public const string ExitJobSearching = "exit.job-searching";
    public const string ExitInEducation = "exit.in-education-or-training";
    public const string ExitInEmployment = "exit.in-employment";
    public const string SixMonthsInEmployment = "six-months.in-employment";
    public const string DaysToEmploymentOrStudies = "days-to-employment-or-studies";
    public const string FollowUpsDue = "follow-ups.due";
    public const string FollowUpsDone = "follow-ups.done";
    public const string FollowUpsMissed = "follow-ups.missed";
    public const string FollowUpResponseRate = "follow-ups.response-rate";

    /// <summary>Every host measure, in report order.</summary>
    public static IReadOnlyList<RollupMeasure> Core { get; } =
    [
        new(Enrolled, new LocalizedText("Deltagare som började", "Participants who started"), RollupAggregation.DistinctParticipants),
        new(Active, new LocalizedText("Aktiva deltagare", "Active participants"), RollupAggregation.DistinctParticipants),
        new(Exited, new LocalizedText("Deltagare som avslutade", "Participants who left"), RollupAggregation.DistinctParticipants),
        new(EntryUnemployed, new LocalizedText("Arbetslösa vid start (inkl. långtidsarbetslösa)", "Unemployed at entry (incl. long-term)"), RollupAggregation.DistinctParticipants),
        new(EntryLongTermUnemployed, new LocalizedText("Långtidsarbetslösa vid start", "Long-term unemployed at entry"), RollupAggregation.DistinctParticipants),
        new(EntryInactive, new LocalizedText("I inaktivitet vid start", "Inactive at entry"), RollupAggregation.DistinctParticipants),
        new(EntryEmployed, new LocalizedText("Sysselsatta vid start", "Employed at entry"), RollupAggregation.DistinctParticipants),
        new(EntryIsced0To2, new LocalizedText("Utbildning ISCED 0–2", "Education ISCED 0–2"), RollupAggregation.DistinctParticipants),
        new(EntryIsced3To4, new LocalizedText("Utbildning ISCED 3–4", "Education ISCED 3–4"), RollupAggregation.DistinctParticipants),
        new(EntryIsced5To8, new LocalizedText("Utbildning ISCED 5–8", "Education ISCED 5–8"), RollupAggregation.DistinctParticipants),
        new(EntryThirdCountryNationals, new LocalizedText("Tredjelandsmedborgare", "Third-country nationals"), RollupAggregation.DistinctParticipants),
        new(EntryDisability, new LocalizedText("Med funktionsnedsättning", "With a disability"), RollupAggregation.DistinctParticipants),
        new(ExitJobSearching, new LocalizedText("Arbetssökande inom 4 veckor efter avslut", "Job-searching within 4 weeks of leaving"), RollupAggregation.DistinctParticipants),
        new(ExitInEducation, new LocalizedText("I utbildning inom 4 veckor efter avslut", "In education or training within 4 weeks of leaving"), RollupAggregation.DistinctParticipants),
        new(ExitInEmployment, new LocalizedText("I arbete (inkl. eget företag) inom 4 veckor efter avslut", "In employment (incl. self-employment) within 4 weeks of leaving"), RollupAggregation.DistinctParticipants),
        new(SixMonthsInEmployment, new LocalizedText("I arbete (inkl. eget företag) 6 månader efter avslut", "In employment (incl. self-employment) 6 months after leaving"), RollupAggregation.DistinctParticipants),
        new(DaysToEmploymentOrStudies, new LocalizedText("Dagar från start till första arbete eller studier (median)", "Days from start to first employment or studies (median)"), RollupAggregation.Median),
        new(FollowUpsDue, new LocalizedText("Uppföljningar som förföll", "Follow-ups that came due"), RollupAggregation.Count),
        new(FollowUpsDone, new LocalizedText("Genomförda uppföljningar", "Follow-ups done"), RollupAggregation.Count),
        new(FollowUpsMissed, new LocalizedText("Missade uppföljningar", "Follow-ups missed"), RollupAggregation.Count),
        new(FollowUpResponseRate, new LocalizedText("Svarsfrekvens i uppföljningar", "Follow-up response rate"), RollupAggregation.Share),
    ];

    /// <summary>Whether a measure's value is a count of people or events (suppressed between 1 and 4), not a rate or a median.</summary>
    public static bool IsCount(RollupAggregation aggregation) => aggregation is RollupAggregation.Count or RollupAggregation.DistinctParticipants;
}
