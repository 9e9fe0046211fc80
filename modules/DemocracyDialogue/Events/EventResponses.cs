using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Events;

/// <summary>Builds event responses with their attendance and proposal counts, a page at a time.</summary>
internal static class EventResponses
{
    public static async Task<DialogueEventResponse> OneAsync(DialogueDbContext db, DialogueEvent e, CancellationToken ct) =>
        (await ManyAsync(db, [e], ct))[0];

    public static async Task<List<DialogueEventResponse>> ManyAsync(DialogueDbContext db, IReadOnlyList<DialogueEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToList();
        var registered = await db.Attendees.Where(a => ids.Contains(a.EventId)).GroupBy(a => a.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var anonymous = await db.HeadCounts.Where(h => ids.Contains(h.EventId)).GroupBy(h => h.EventId)
            .Select(g => new { g.Key, Count = g.Sum(h => h.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var proposals = await db.Proposals.Where(p => ids.Contains(p.EventId)).GroupBy(p => p.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return events.Select(e => new DialogueEventResponse(
            e.Id, e.ProgrammeId, e.Topic, Rules.ApiName(e.Format), e.Date, e.Place, e.Facilitator, e.Languages, e.Interpretation, e.PartnerOrganisations, e.IsOpen,
            registered.GetValueOrDefault(e.Id), anonymous.GetValueOrDefault(e.Id), proposals.GetValueOrDefault(e.Id), e.Version)).ToList();
    }
}
