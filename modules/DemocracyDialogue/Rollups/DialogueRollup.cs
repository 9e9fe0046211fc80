using System.Runtime.CompilerServices;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Rollups;

/// <summary>
/// The module's part of the rollups, for the events of the programme. Events are anonymous facts (no gender); attendance
/// is one fact per registered participant (the host finds gender and age band) and one per anonymous visitor (gender and
/// age band as counted); a proposal counts once, under the participant who raised it first, or anonymously when no
/// registered participant did.
/// </summary>
internal sealed class DialogueRollup(DialogueDbContext db) : IRollupContributor
{
    public const string Events = DemocracyDialogueModule.Id + ".events";
    public const string Attendance = DemocracyDialogueModule.Id + ".attendance";
    public const string ProposalsSent = DemocracyDialogueModule.Id + ".proposals-sent";
    public const string ProposalsAnswered = DemocracyDialogueModule.Id + ".proposals-answered";
    public const string ProposalsAccepted = DemocracyDialogueModule.Id + ".proposals-accepted";
    public const string MedianDaysToAnswer = DemocracyDialogueModule.Id + ".median-days-to-answer";
    public const string InfluenceChange = DemocracyDialogueModule.Id + ".influence-change";

    public string ModuleId => DemocracyDialogueModule.Id;

    public IReadOnlyList<RollupMeasure> Measures { get; } =
    [
        new(Events, new LocalizedText("Dialogtillfällen", "Dialogue events"), RollupAggregation.Count),
        new(Attendance, new LocalizedText("Närvaro vid dialoger (registrerade och anonyma)", "Attendance at dialogues (registered and anonymous)"), RollupAggregation.Count),
        new(ProposalsSent, new LocalizedText("Förslag skickade till kommunen", "Proposals sent to the municipality"), RollupAggregation.Count),
        new(ProposalsAnswered, new LocalizedText("Förslag som fått svar", "Proposals answered"), RollupAggregation.Count),
        new(ProposalsAccepted, new LocalizedText("Förslag som bifallits", "Proposals accepted"), RollupAggregation.Count),
        new(MedianDaysToAnswer, new LocalizedText("Dagar till svar (median)", "Days to answer (median)"), RollupAggregation.Median),
        new(InfluenceChange, new LocalizedText("Förändring i upplevt inflytande (medel, första till senaste)", "Change in sense of influence (mean, first to latest)"), RollupAggregation.Mean),
    ];

    public async IAsyncEnumerable<RollupFact> GetFactsAsync(RollupScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Everything up to the end of the period: proposals from earlier events are answered in it, first assessments lie before it.
        var events = db.Events.AsNoTracking().Where(e => e.Date <= scope.To);
        if (scope.ProgrammeId is { } programme)
        {
            events = events.Where(e => e.ProgrammeId == programme);
        }

        bool InScope(Guid participant) => scope.ParticipantIds is null || scope.ParticipantIds.Contains(participant);
        bool InPeriod(DateOnly? date) => date is { } d && d >= scope.From && d <= scope.To;

        var held = events.Where(e => e.Date >= scope.From);
        var eventCount = await held.CountAsync(cancellationToken);
        for (var i = 0; i < eventCount; i++)
        {
            yield return new RollupFact(Events, 1);
        }

        var attendees = await db.Attendees.AsNoTracking().Join(events, a => a.EventId, e => e.Id, (a, e) => new { a.ParticipantId, a.InfluenceScore, e.Date, e.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var line in attendees.Where(a => a.Date >= scope.From && InScope(a.ParticipantId)))
        {
            yield return new RollupFact(Attendance, 1, line.ParticipantId);
        }

        var heads = await db.HeadCounts.AsNoTracking().Where(h => held.Any(e => e.Id == h.EventId)).ToListAsync(cancellationToken);
        foreach (var count in heads)
        {
            for (var i = 0; i < count.Count; i++)
            {
                yield return new RollupFact(Attendance, 1, Gender: count.Gender, AgeBand: count.AgeBand);
            }
        }

        foreach (var fact in await ProposalFactsAsync(events, InScope, InPeriod, cancellationToken))
        {
            yield return fact;
        }

        foreach (var person in attendees.Where(a => a.InfluenceScore is not null && InScope(a.ParticipantId)).GroupBy(a => a.ParticipantId))
        {
            var ordered = person.OrderBy(a => a.Date).ThenBy(a => a.CreatedAt).ToList();
            if (ordered.Count >= 2 && InPeriod(ordered[^1].Date))
            {
                yield return new RollupFact(InfluenceChange, ordered[^1].InfluenceScore!.Value - ordered[0].InfluenceScore!.Value, person.Key);
            }
        }
    }

    private async Task<List<RollupFact>> ProposalFactsAsync(
        IQueryable<DialogueEvent> events, Func<Guid, bool> inScope, Func<DateOnly?, bool> inPeriod, CancellationToken ct)
    {
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.SentOn != null && events.Any(e => e.Id == p.EventId)).ToListAsync(ct);
        var ids = proposals.Select(p => p.Id).ToList();
        var firstRaisers = (await db.ProposalRaisers.AsNoTracking().Where(r => ids.Contains(r.ProposalId)).ToListAsync(ct))
            .GroupBy(r => r.ProposalId).ToDictionary(g => g.Key, g => g.MinBy(r => r.Position)!.ParticipantId);

        var facts = new List<RollupFact>();
        foreach (var proposal in proposals)
        {
            // Counted once: under its first raiser when the host can place them in the programme, else anonymously.
            Guid? by = firstRaisers.TryGetValue(proposal.Id, out var raiser) && inScope(raiser) ? raiser : null;
            if (inPeriod(proposal.SentOn))
            {
                facts.Add(new RollupFact(ProposalsSent, 1, by));
            }

            if (ProposalResponses.DaysToAnswer(proposal) is { } days && inPeriod(proposal.AnsweredOn))
            {
                facts.Add(new RollupFact(ProposalsAnswered, 1, by));
                facts.Add(new RollupFact(MedianDaysToAnswer, days, by));
                if (proposal.Decision == ProposalDecision.Accepted)
                {
                    facts.Add(new RollupFact(ProposalsAccepted, 1, by));
                }
            }
        }

        return facts;
    }
}
