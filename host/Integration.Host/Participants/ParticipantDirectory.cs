using Integration.Abstractions.Participants;
using Integration.Host.Audit;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>Modules' read access to participants, for the current tenant, audited under the module's name.</summary>
internal sealed class ParticipantDirectory(IntegrationDbContext db, AuditLog audit) : IParticipantDirectory
{
    public async Task<ParticipantSummary?> FindAsync(Guid participantId, string readBy, CancellationToken cancellationToken)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant?.MergedIntoId is { } survivor)
        {
            participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == survivor, cancellationToken);
        }

        if (participant is null)
        {
            return null;
        }

        audit.ActAs(AuditActorKind.Module, readBy, null);
        await audit.ReadAsync(ParticipantWriter.RecordType, [(participant.Id, participant.Id)], cancellationToken);
        return new ParticipantSummary(participant.Id, participant.DisplayName.Trim(), participant.Gender, participant.BirthYear, participant.Languages, participant.InterpreterNeeded);
    }

    public Task<bool> HasConsentAsync(Guid participantId, ConsentPurpose purpose, DateOnly onDate, CancellationToken cancellationToken) =>
        db.Consents.AnyAsync(
            c => c.ParticipantId == participantId && c.Purpose == purpose && c.GivenOn <= onDate && (c.WithdrawnOn == null || c.WithdrawnOn > onDate),
            cancellationToken);
}
