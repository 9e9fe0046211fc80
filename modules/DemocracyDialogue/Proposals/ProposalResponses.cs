using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Proposals;

/// <summary>Builds proposal responses with their raisers, a page at a time.</summary>
internal static class ProposalResponses
{
    public static async Task<ProposalResponse> OneAsync(DialogueDbContext db, Proposal p, CancellationToken ct) => (await ManyAsync(db, [p], ct))[0];

    public static async Task<List<ProposalResponse>> ManyAsync(DialogueDbContext db, IReadOnlyList<Proposal> proposals, CancellationToken ct)
    {
        var ids = proposals.Select(p => p.Id).ToList();
        var raisers = (await db.ProposalRaisers.AsNoTracking().Where(r => ids.Contains(r.ProposalId)).ToListAsync(ct))
            .GroupBy(r => r.ProposalId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Position).Select(r => r.ParticipantId).ToList());
        return proposals.Select(p => From(p, raisers.GetValueOrDefault(p.Id) ?? [])).ToList();
    }

    public static string Status(Proposal p) => p switch
    {
        { Decision: ProposalDecision.NoAnswer } => "closed",
        { Decision: not null } => "answered",
        { SentOn: not null } => "sent",
        _ => "raised",
    };

    private static ProposalResponse From(Proposal p, List<Guid> raisedBy)
    {
        var status = Status(p);
        var reminder = status switch
        {
            "raised" => "notSent",
            "sent" => p.ReminderParticipantId is null ? "noParticipant" : "followUp",
            _ => "closed",
        };
        var sentTo = p.BodyKind is { } kind ? new MunicipalBodyResponse(Rules.ApiName(kind), p.BodyName!) : null;
        var answer = p is { Decision: { } decision, AnsweredOn: { } on } ? new ProposalAnswerResponse(Rules.ApiName(decision), on, p.AnswerContent) : null;
        return new ProposalResponse(
            p.Id, p.EventId, p.Text, Rules.ApiName(p.Theme), raisedBy, status, sentTo, p.SentOn, answer, DaysToAnswer(p), reminder, p.ReminderParticipantId, p.Version);
    }

    /// <summary>Days from sending to the answer, for an answer that came (not for a proposal closed without one).</summary>
    public static int? DaysToAnswer(Proposal p) =>
        p is { SentOn: { } sent, AnsweredOn: { } answered, Decision: not ProposalDecision.NoAnswer and not null } ? answered.DayNumber - sent.DayNumber : null;
}
