using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Participants;

/// <summary>
/// Checks, before anything is recorded for a participant, that they exist in the tenant (an audited read under the
/// module's name) and are enrolled in the module; errors name the request field.
/// </summary>
internal sealed class MentoringParticipants(IParticipantDirectory participants, IEnrolmentDirectory enrolments)
{
    /// <summary>The participant (a merged record gives the survivor), or null.</summary>
    public Task<ParticipantSummary?> FindAsync(Guid participantId, CancellationToken ct) =>
        participantId == Guid.Empty ? Task.FromResult<ParticipantSummary?>(null) : participants.FindAsync(participantId, MentoringModule.Id, ct);

    /// <summary>The participant's ongoing (active or paused) enrolment in the module, the newest, or null with an error for <paramref name="field"/>.</summary>
    public async Task<EnrolmentSummary?> OngoingAsync(Guid participantId, string field, FieldErrors errors, CancellationToken ct)
    {
        var enrolment = (await enrolments.ListAsync(participantId, MentoringModule.Id, ct)).FirstOrDefault(e => e.IsOngoing);
        errors.Require(enrolment is not null, field, FieldRules.T(
            "Deltagaren är inte inskriven i mentorskapet (ingen pågående inskrivning).",
            "The participant is not enrolled in mentoring (no ongoing enrolment)."));
        return enrolment;
    }

    /// <summary>
    /// The started enrolment in the module running on <paramref name="date"/>, else the newest started one (an
    /// internship planned after the enrolment's dates); null with an error for <paramref name="field"/> when the
    /// participant never started in the module.
    /// </summary>
    public async Task<EnrolmentSummary?> AttributionAsync(Guid participantId, DateOnly date, string field, FieldErrors errors, CancellationToken ct)
    {
        var started = (await enrolments.ListAsync(participantId, MentoringModule.Id, ct)).Where(e => e.StartDate is not null).ToList();
        var enrolment = started.FirstOrDefault(e => e.StartDate <= date && (e.ExitDate is null || e.ExitDate >= date)) ?? started.FirstOrDefault();
        errors.Require(enrolment is not null, field, FieldRules.T(
            "Deltagaren har ingen påbörjad inskrivning i mentorskapet.", "The participant has no started enrolment in mentoring."));
        return enrolment;
    }
}
