using Integration.Abstractions.Participants;
using Integration.Host.Audit;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Outcomes;

/// <summary>Records outcomes for modules through the contract, with the API's rules and an audit entry under the module's name.</summary>
internal sealed class OutcomeRecorder(IntegrationDbContext db, AuditLog audit, TimeProvider clock) : IOutcomeRecorder
{
    public async Task<Guid> RecordAsync(OutcomeToRecord outcome, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking()
            .Where(p => p.Id == outcome.ParticipantId)
            .Select(p => new { p.Id, p.MergedIntoId })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ArgumentException($"Participant {outcome.ParticipantId} is not in the tenant.", nameof(outcome));
        var participantId = participant.MergedIntoId ?? participant.Id;

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = await OutcomeRules.ValidateAsync(db, participantId, outcome.Type, outcome.Detail, outcome.Date, outcome.Source, outcome.EnrolmentId, outcome.Note, today, cancellationToken);
        if (!errors.IsEmpty)
        {
            var first = errors.ToDictionary().First();
            throw new ArgumentException($"{first.Key}: {first.Value[0]}", nameof(outcome));
        }

        var row = new Outcome
        {
            Id = Guid.NewGuid(),
            ParticipantId = participantId,
            Type = outcome.Type,
            Detail = outcome.Detail,
            Date = outcome.Date,
            Source = outcome.Source,
            EnrolmentId = outcome.EnrolmentId,
            RecordedByModule = outcome.ModuleId,
            Note = outcome.Note?.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Outcomes.Add(row);
        using (audit.ActAsModule(outcome.ModuleId))
        {
            audit.Add(AuditAction.Create, OutcomeEndpoints.RecordType, row.Id, participantId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }
}
