using Integration.Abstractions.Participants;
using Integration.Modules.DemocracyDialogue.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Participants;

/// <summary>
/// Moves a merged duplicate's attendance, raised proposals and reminders to the surviving record. Where both records
/// attended the same event (or raised the same proposal) one line stays: the survivor's, taking the duplicate's
/// self-assessment if the survivor has none. Running it again moves nothing.
/// </summary>
internal sealed class DialogueMerge(DialogueDbContext db) : IParticipantMergeHandler
{
    public string ModuleId => DemocracyDialogueModule.Id;

    public async Task<int> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var attendance = await db.Attendees.Where(a => a.ParticipantId == duplicateId || a.ParticipantId == survivorId).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var line in attendance.Where(a => a.ParticipantId == duplicateId))
        {
            if (attendance.FirstOrDefault(a => a.ParticipantId == survivorId && a.EventId == line.EventId) is { } kept)
            {
                kept.InfluenceScore ??= line.InfluenceScore;
                db.Attendees.Remove(line);
            }
            else
            {
                line.ParticipantId = survivorId;
            }

            moved++;
        }

        var raisers = await db.ProposalRaisers.Where(r => r.ParticipantId == duplicateId || r.ParticipantId == survivorId).ToListAsync(cancellationToken);
        foreach (var raiser in raisers.Where(r => r.ParticipantId == duplicateId))
        {
            if (raisers.FirstOrDefault(r => r.ParticipantId == survivorId && r.ProposalId == raiser.ProposalId) is { } kept)
            {
                kept.Position = Math.Min(kept.Position, raiser.Position);
                db.ProposalRaisers.Remove(raiser);
            }
            else
            {
                raiser.ParticipantId = survivorId;
            }

            moved++;
        }

        // The host moves the reminder follow-ups themselves; the proposal must name their new participant for the stop event.
        foreach (var proposal in await db.Proposals.Where(p => p.ReminderParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            proposal.ReminderParticipantId = survivorId;
            moved++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }
}
