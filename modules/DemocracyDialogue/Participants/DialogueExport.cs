using Integration.Abstractions.Participants;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Participants;

/// <summary>The module's part of a participant's register extract: events attended (with self-assessments) and proposals raised.</summary>
internal sealed class DialogueExport(DialogueDbContext db) : IParticipantDataExporter
{
    public string ModuleId => DemocracyDialogueModule.Id;

    public async Task<object?> ExportAsync(Guid participantId, CancellationToken cancellationToken)
    {
        var attended = await db.Attendees.AsNoTracking().Where(a => a.ParticipantId == participantId)
            .Join(db.Events, a => a.EventId, e => e.Id, (a, e) => new { Event = e, a.InfluenceScore })
            .ToListAsync(cancellationToken);
        var proposals = await db.ProposalRaisers.AsNoTracking().Where(r => r.ParticipantId == participantId)
            .Join(db.Proposals, r => r.ProposalId, p => p.Id, (r, p) => p)
            .ToListAsync(cancellationToken);
        if (attended.Count == 0 && proposals.Count == 0)
        {
            return null;
        }

        return new DialogueExportRecord(
            attended.OrderBy(a => a.Event.Date)
                .Select(a => new ExportedAttendance(a.Event.Id, a.Event.Date, a.Event.Topic, Rules.ApiName(a.Event.Format), a.Event.Place, a.InfluenceScore))
                .ToList(),
            proposals.OrderBy(p => p.CreatedAt)
                .Select(p => new ExportedProposal(p.Id, p.EventId, p.Text, Rules.ApiName(p.Theme), p.BodyName, p.SentOn, p.Decision is { } d ? Rules.ApiName(d) : null, p.AnsweredOn))
                .ToList());
    }
}

/// <summary>What democracy dialogue holds about one participant.</summary>
public sealed record DialogueExportRecord(IReadOnlyList<ExportedAttendance> Attendance, IReadOnlyList<ExportedProposal> ProposalsRaised);

/// <summary>An event the participant attended, with the self-assessment made there.</summary>
public sealed record ExportedAttendance(Guid EventId, DateOnly Date, string Topic, string Format, string Place, int? InfluenceScore);

/// <summary>A proposal the participant raised and where it went.</summary>
public sealed record ExportedProposal(Guid ProposalId, Guid EventId, string Text, string Theme, string? SentTo, DateOnly? SentOn, string? Decision, DateOnly? AnsweredOn);
