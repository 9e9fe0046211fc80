using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Http;

namespace Integration.Modules.BusinessSchool.Participants;

/// <summary>
/// Checks, before anything is recorded for a participant, that they exist in the tenant (an audited read under the
/// module's name) and are enrolled in the module; errors name the request field.
/// </summary>
internal sealed class SchoolParticipants(IParticipantDirectory participants, IEnrolmentDirectory enrolments)
{
    /// <summary>The participant's ongoing enrolment in the module (the newest), or null with an error added.</summary>
    public async Task<EnrolmentSummary?> OngoingAsync(Guid participantId, string field, FieldErrors errors, CancellationToken ct)
    {
        var participant = await FindAsync(participantId, field, errors, ct);
        if (participant is null)
        {
            return null;
        }

        var enrolment = (await enrolments.ListAsync(participant.Id, BusinessSchoolModule.Id, ct)).FirstOrDefault(e => e.IsOngoing);
        if (enrolment is null)
        {
            errors.Add(field, FieldRules.T(
                $"Deltagaren {participantId} är inte inskriven i företagsskolan (ingen pågående inskrivning).",
                $"The participant {participantId} is not enrolled in the business school (no ongoing enrolment)."));
        }

        return enrolment;
    }

    /// <summary>
    /// The enrolment in the module that was running on <paramref name="date"/> (started by then, not exited before), or,
    /// without a date, the newest started one; null with an error for <paramref name="field"/> otherwise.
    /// </summary>
    public async Task<EnrolmentSummary?> EnrolledAsync(Guid participantId, DateOnly? date, string field, FieldErrors errors, CancellationToken ct)
    {
        var participant = await FindAsync(participantId, "participantId", errors, ct);
        if (participant is null)
        {
            return null;
        }

        var started = (await enrolments.ListAsync(participant.Id, BusinessSchoolModule.Id, ct)).Where(e => e.StartDate is not null).ToList();
        var enrolment = date is { } d
            ? started.FirstOrDefault(e => e.StartDate <= d && (e.ExitDate is null || e.ExitDate >= d))
            : started.FirstOrDefault();
        if (enrolment is null)
        {
            errors.Add(date is null ? "participantId" : field, date is { } on
                ? FieldRules.T($"Deltagaren var inte inskriven i företagsskolan {on:yyyy-MM-dd}.", $"The participant was not enrolled in the business school on {on:yyyy-MM-dd}.")
                : FieldRules.T("Deltagaren har ingen påbörjad inskrivning i företagsskolan.", "The participant has no started enrolment in the business school."));
        }

        return enrolment;
    }

    /// <summary>
    /// The enrolment an outcome or milestone on <paramref name="date"/> belongs to: the started enrolment in the module
    /// running then, else the newest started one (a company registered after the course); null with an error naming
    /// <c>participantId</c> when the participant never started in the module.
    /// </summary>
    public async Task<EnrolmentSummary?> AttributionAsync(Guid participantId, DateOnly? date, FieldErrors errors, CancellationToken ct)
    {
        var started = (await enrolments.ListAsync(participantId, BusinessSchoolModule.Id, ct)).Where(e => e.StartDate is not null).ToList();
        var enrolment = started.FirstOrDefault(e => date is { } d && e.StartDate <= d && (e.ExitDate is null || e.ExitDate >= d)) ?? started.FirstOrDefault();
        errors.Require(enrolment is not null, "participantId", FieldRules.T(
            "Deltagaren har ingen påbörjad inskrivning i företagsskolan.", "The participant has no started enrolment in the business school."));
        return enrolment;
    }

    /// <summary>The participant (a merged record gives the survivor), or null.</summary>
    public Task<ParticipantSummary?> FindAsync(Guid participantId, CancellationToken ct) => participants.FindAsync(participantId, BusinessSchoolModule.Id, ct);

    private async Task<ParticipantSummary?> FindAsync(Guid participantId, string field, FieldErrors errors, CancellationToken ct)
    {
        var participant = participantId == Guid.Empty ? null : await participants.FindAsync(participantId, BusinessSchoolModule.Id, ct);
        if (participant is null)
        {
            errors.Add(field, FieldRules.T($"Deltagaren {participantId} finns inte.", $"The participant {participantId} does not exist."));
        }

        return participant;
    }
}
