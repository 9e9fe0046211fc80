using Integration.Abstractions.FollowUps;
using Integration.Modules.DemocracyDialogue.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Proposals;

/// <summary>
/// The reminder follow-up of a sent proposal (policy <c>democracy-dialogue:proposal-reminder</c>, subject: the proposal).
/// The host's follow-ups belong to a participant, so the reminder goes on the list of the first raiser the host can
/// follow up (one who has not withdrawn consent to follow-up contact); a proposal no registered participant raised gets none.
/// </summary>
/// <remarks>
/// The module saves the proposal first and raises the events after it: events are idempotent (the host keys each
/// follow-up by policy, subject and place), so repeating the request repairs a raise that failed.
/// </remarks>
internal sealed class ProposalReminders(IFollowUpEvents events, DialogueDbContext db)
{
    /// <summary>Starts the reminder of a sent, unanswered proposal that has none yet, and saves who carries it.</summary>
    public async Task ScheduleAsync(Proposal proposal, CancellationToken ct)
    {
        if (proposal is not { SentOn: { } sentOn, Decision: null, ReminderParticipantId: null })
        {
            return;
        }

        var raisers = await db.ProposalRaisers.Where(r => r.ProposalId == proposal.Id).OrderBy(r => r.Position).Select(r => r.ParticipantId).ToListAsync(ct);
        foreach (var raiser in raisers)
        {
            var result = await events.RaiseAsync(new FollowUpEvent(DemocracyDialogueModule.ProposalSentEvent, raiser, sentOn, DemocracyDialogueModule.Id, SubjectId: Subject(proposal)), ct);
            if (result.NotScheduledReason is null)
            {
                // Bookkeeping, not a change of the proposal: no new version, and a conditional update so that a
                // concurrent change of the proposal neither loses it nor fails on it.
                await db.Proposals.Where(p => p.Id == proposal.Id && p.ReminderParticipantId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReminderParticipantId, raiser), ct);
                proposal.ReminderParticipantId = raiser;
                return;
            }
        }
    }

    /// <summary>Cancels the proposal's open reminder: the answer came, or the proposal was closed without one.</summary>
    public async Task StopAsync(Proposal proposal, CancellationToken ct)
    {
        if (proposal is { ReminderParticipantId: { } participant, AnsweredOn: { } on })
        {
            await events.RaiseAsync(new FollowUpEvent(DemocracyDialogueModule.ProposalAnsweredEvent, participant, on, DemocracyDialogueModule.Id, SubjectId: Subject(proposal)), ct);
        }
    }

    private static string Subject(Proposal proposal) => $"proposal-{proposal.Id}";
}
