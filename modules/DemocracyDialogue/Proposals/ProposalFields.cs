using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Proposals;

/// <summary>The checked fields of a <see cref="ProposalRequest"/>.</summary>
internal sealed record ProposalFields(string Text, ProposalTheme Theme, List<Guid> RaisedBy)
{
    /// <summary>Checks every field; raisers must be registered participants of the event. Null (errors added) when any is wrong.</summary>
    public static async Task<ProposalFields?> CheckAsync(ProposalRequest request, DialogueEvent e, DialogueDbContext db, FieldErrors errors, CancellationToken ct)
    {
        var text = errors.Text(request.Text, "text", DialogueDbContext.LongTextLength);
        var theme = errors.Enum<ProposalTheme>(request.Theme, "theme");
        var raisedBy = new List<Guid>();
        var list = request.RaisedBy ?? [];
        errors.Require(list.Count <= Rules.MaxListItems, "raisedBy", Rules.T($"Högst {Rules.MaxListItems} förslagsställare.", $"At most {Rules.MaxListItems} participants."));
        var attendees = (await db.Attendees.Where(a => a.EventId == e.Id).Select(a => a.ParticipantId).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"raisedBy[{i}]";
            if (list[i] is not { } id || !attendees.Contains(id))
            {
                errors.Add(field, Rules.T("Förslagsställaren måste vara registrerad deltagare vid dialogen.", "The participant must be a registered participant of the event."));
            }
            else if (raisedBy.Contains(id))
            {
                errors.Add(field, Rules.T("Deltagaren står redan i listan.", "The participant is already listed."));
            }
            else
            {
                raisedBy.Add(id);
            }
        }

        return errors.IsEmpty ? new ProposalFields(text!, theme!.Value, raisedBy) : null;
    }

    /// <summary>Sets text, theme and raisers (replacing the raisers recorded before).</summary>
    public async Task ApplyToAsync(Proposal p, DialogueDbContext db, CancellationToken ct)
    {
        p.Text = Text;
        p.Theme = Theme;
        // Rows of raisers who stay are kept (the unique key of proposal and participant would refuse a delete and re-insert in one save).
        var existing = await db.ProposalRaisers.Where(r => r.ProposalId == p.Id).ToListAsync(ct);
        db.ProposalRaisers.RemoveRange(existing.Where(r => !RaisedBy.Contains(r.ParticipantId)));
        for (var i = 0; i < RaisedBy.Count; i++)
        {
            if (existing.FirstOrDefault(r => r.ParticipantId == RaisedBy[i]) is { } kept)
            {
                kept.Position = i;
            }
            else
            {
                db.ProposalRaisers.Add(new ProposalRaiser { Id = Guid.NewGuid(), ProposalId = p.Id, ParticipantId = RaisedBy[i], Position = i });
            }
        }
    }
}
