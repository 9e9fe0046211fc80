using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;

namespace Integration.Modules.Health.Participants;

/// <summary>
/// Checks, before anything is recorded for a participant, that they exist in the tenant (an audited read under the
/// module's name) and are enrolled in the module; errors name the request field.
/// </summary>
internal sealed class HealthParticipants(IParticipantDirectory participants, IEnrolmentDirectory enrolments)
{
    /// <summary>The participant's ongoing enrolment in the module (the newest), or null with an error added.</summary>
    public async Task<(Guid ParticipantId, EnrolmentSummary Enrolment)?> OngoingAsync(Guid participantId, string field, FieldErrors errors, CancellationToken ct)
    {
        var participant = await FindAsync(participantId, field, errors, ct);
        if (participant is null)
        {
            return null;
        }

        var enrolment = (await enrolments.ListAsync(participant.Id, HealthModule.Id, ct)).FirstOrDefault(e => e.IsOngoing);
        if (enrolment is null)
        {
            errors.Add(field, LocalizedText.Pick("Deltagaren är inte inskriven i hälsoskolan (ingen pågående inskrivning).", "The participant is not enrolled in the health school (no ongoing enrolment)."));
            return null;
        }

        return (participant.Id, enrolment);
    }

    /// <summary>The participant's id (a merged record's survivor) when they had a started enrolment in the module on <paramref name="date"/>; otherwise null with an error added.</summary>
    public async Task<Guid?> EnrolledOnAsync(Guid participantId, DateOnly date, string field, FieldErrors errors, CancellationToken ct)
    {
        var participant = await FindAsync(participantId, field, errors, ct);
        if (participant is null)
        {
            return null;
        }

        var enrolled = (await enrolments.ListAsync(participant.Id, HealthModule.Id, ct))
            .Any(e => e.StartDate <= date && (e.ExitDate is null || e.ExitDate >= date));
        errors.Require(enrolled, field, LocalizedText.Pick(
            $"Deltagaren var inte inskriven i hälsoskolan {date:yyyy-MM-dd}.",
            $"The participant was not enrolled in the health school on {date:yyyy-MM-dd}."));
        return enrolled ? participant.Id : null;
    }

    private async Task<ParticipantSummary?> FindAsync(Guid participantId, string field, FieldErrors errors, CancellationToken ct)
    {
        var participant = await participants.FindAsync(participantId, HealthModule.Id, ct);
        if (participant is null)
        {
            errors.Add(field, LocalizedText.Pick("Deltagaren finns inte.", "The participant does not exist."));
        }

        return participant;
    }
}
