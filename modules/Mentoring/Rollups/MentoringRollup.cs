using System.Runtime.CompilerServices;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Modules.Mentoring.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Rollups;

/// <summary>
/// The module's part of the rollups, for the programme's records (matches and internships carry the programme of the
/// enrolment they were recorded under). One fact per match active at some time in the period (with its meetings in
/// the period, for the mean per match), per meeting, per internship started and ended in the period, and per ended
/// internship 1 or 0 for whether it led to a job; the host splits them by gender and age band.
/// </summary>
internal sealed class MentoringRollup(MentoringDbContext db, TimeProvider clock) : IRollupContributor
{
    public const string ActiveMatches = MentoringModule.Id + ".active-matches";
    public const string Meetings = MentoringModule.Id + ".meetings";
    public const string MeetingsPerMatch = MentoringModule.Id + ".meetings-per-match";
    public const string InternshipsStarted = MentoringModule.Id + ".internships-started";
    public const string InternshipsEnded = MentoringModule.Id + ".internships-ended";
    public const string InternshipsToJob = MentoringModule.Id + ".internships-to-job";
    public const string InternshipJobConversion = MentoringModule.Id + ".internship-job-conversion";

    public string ModuleId => MentoringModule.Id;

    public IReadOnlyList<RollupMeasure> Measures { get; } =
    [
        new(ActiveMatches, new LocalizedText("Matchningar med mentor som var aktiva under perioden", "Mentor matches active in the period"), RollupAggregation.Count),
        new(Meetings, new LocalizedText("Möten mellan deltagare och mentor", "Meetings of participants and mentors"), RollupAggregation.Count),
        new(MeetingsPerMatch, new LocalizedText("Möten per aktiv matchning", "Meetings per active match"), RollupAggregation.Mean),
        new(InternshipsStarted, new LocalizedText("Påbörjade praktiker", "Internships started"), RollupAggregation.Count),
        new(InternshipsEnded, new LocalizedText("Avslutade praktiker", "Internships ended"), RollupAggregation.Count),
        new(InternshipsToJob, new LocalizedText("Praktiker som ledde till jobb", "Internships that led to a job"), RollupAggregation.Count),
        new(InternshipJobConversion, new LocalizedText("Andel avslutade praktiker som ledde till jobb", "Share of ended internships that led to a job"), RollupAggregation.Share),
    ];

    public async IAsyncEnumerable<RollupFact> GetFactsAsync(RollupScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool InScope(Guid participant, Guid programme) =>
            (scope.ProgrammeId is null || scope.ProgrammeId == programme) && (scope.ParticipantIds is null || scope.ParticipantIds.Contains(participant));

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var to = scope.To < today ? scope.To : today;
        var matches = (await db.Matches.AsNoTracking()
                .Where(m => m.StartDate <= to && (m.EndDate == null || m.EndDate >= scope.From))
                .Select(m => new { m.Id, m.ParticipantId, m.ProgrammeId }).ToListAsync(cancellationToken))
            .Where(m => InScope(m.ParticipantId, m.ProgrammeId)).ToList();
        var ids = matches.Select(m => m.Id).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Date >= scope.From && m.Date <= scope.To && ids.Contains(m.MatchId))
            .GroupBy(m => m.MatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        foreach (var match in matches)
        {
            var met = meetings.GetValueOrDefault(match.Id);
            yield return new RollupFact(ActiveMatches, 1, match.ParticipantId);
            yield return new RollupFact(MeetingsPerMatch, met, match.ParticipantId);
            for (var i = 0; i < met; i++)
            {
                yield return new RollupFact(Meetings, 1, match.ParticipantId);
            }
        }

        var internships = (await db.Internships.AsNoTracking()
                .Where(i => (i.StartDate >= scope.From && i.StartDate <= to) || (i.EndedOn != null && i.EndedOn >= scope.From && i.EndedOn <= scope.To))
                .ToListAsync(cancellationToken))
            .Where(i => InScope(i.ParticipantId, i.ProgrammeId));
        foreach (var internship in internships)
        {
            if (internship.StartDate >= scope.From && internship.StartDate <= to)
            {
                yield return new RollupFact(InternshipsStarted, 1, internship.ParticipantId);
            }

            if (internship.EndedOn is { } ended && ended >= scope.From && ended <= scope.To)
            {
                var job = internship.LedToJobOffer == true;
                yield return new RollupFact(InternshipsEnded, 1, internship.ParticipantId);
                yield return new RollupFact(InternshipJobConversion, job ? 1 : 0, internship.ParticipantId);
                if (job)
                {
                    yield return new RollupFact(InternshipsToJob, 1, internship.ParticipantId);
                }
            }
        }
    }
}
