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

        using (audit.ActAsModule(readBy))
        {
            await audit.ReadAsync(ParticipantWriter.RecordType, [(participant.Id, participant.Id)], cancellationToken);
        }

        return new ParticipantSummary(participant.Id, participant.DisplayName.Trim(), participant.Gender, participant.BirthYear, participant.Languages, participant.InterpreterNeeded);
    }

    public async Task<bool> HasConsentAsync(Guid participantId, ConsentPurpose purpose, DateOnly onDate, CancellationToken cancellationToken)
    {
        var consent = await db.Consents.AsNoTracking()
            .Where(c => c.ParticipantId == participantId && c.Purpose == purpose && c.GivenOn <= onDate && (c.WithdrawnOn == null || c.WithdrawnOn > onDate))
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // The contract does not say which module asks: the entry names the user or job the module works for.
        await audit.ReadAsync("consent", [(consent ?? participantId, participantId)], cancellationToken);

        return consent is not null;
    }
}
