using Integration.Abstractions.Participants;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Enrolments;

/// <summary>Modules' read access to enrolments of the current tenant (the context's tenant filter applies).</summary>
internal sealed class EnrolmentDirectory(IntegrationDbContext db) : IEnrolmentDirectory
{
    public async Task<EnrolmentSummary?> FindAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        return enrolment is null ? null : Summary(enrolment);
    }

    public async Task<IReadOnlyList<EnrolmentSummary>> ListAsync(Guid participantId, string moduleId, CancellationToken cancellationToken)
    {
        // A merge moves the duplicate's enrolments to the survivor, so a merged id is looked up as the survivor.
        var survivor = await db.Participants.AsNoTracking().Where(p => p.Id == participantId).Select(p => p.MergedIntoId).FirstOrDefaultAsync(cancellationToken);
        var id = survivor ?? participantId;
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.ParticipantId == id && e.ModuleId == moduleId)
            .OrderByDescending(e => e.ReferredOn).ThenByDescending(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
        return enrolments.Select(Summary).ToList();
    }

    private static EnrolmentSummary Summary(Enrolment e) =>
        new(e.Id, e.ParticipantId, e.ProgrammeId, e.ModuleId, e.Status, e.ReferredOn, e.StartDate, e.PlannedEndDate, e.ExitDate, e.ExitReason);
}
