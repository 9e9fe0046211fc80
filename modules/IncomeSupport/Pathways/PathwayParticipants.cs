using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.IncomeSupport.Http;

namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>Participants as the module may know them: every read goes through the directory, audited under the module's name.</summary>
internal sealed class PathwayParticipants(IParticipantDirectory participants, IEnrolmentDirectory enrolments)
{
    /// <summary>The participant (a merged record's survivor) and their ongoing enrolment in the module, or null with an error added.</summary>
    public async Task<(Guid ParticipantId, EnrolmentSummary Enrolment)?> OngoingAsync(Guid? participantId, string field, FieldErrors errors, CancellationToken ct)
    {
        if (participantId is not { } id || id == Guid.Empty)
        {
            errors.Add(field, FieldRules.T("Ange deltagare.", "Give the participant."));
            return null;
        }

        var participant = await participants.FindAsync(id, IncomeSupportModule.Id, ct);
        if (participant is null)
        {
            errors.Add(field, FieldRules.T("Deltagaren finns inte.", "The participant does not exist."));
            return null;
        }

        var enrolment = (await enrolments.ListAsync(participant.Id, IncomeSupportModule.Id, ct)).FirstOrDefault(e => e.IsOngoing);
        if (enrolment is null)
        {
            errors.Add(field, FieldRules.T(
                "Deltagaren är inte inskriven i insatsen (ingen pågående inskrivning).",
                "The participant is not enrolled in the module (no ongoing enrolment)."));
            return null;
        }

        return (participant.Id, enrolment);
    }

    /// <summary>Writes the audit entry of reading a participant's pathway.</summary>
    public async Task ReadAsync(IEnumerable<Guid> participantIds, CancellationToken ct)
    {
        foreach (var id in participantIds.Distinct())
        {
            await participants.FindAsync(id, IncomeSupportModule.Id, ct);
        }
    }
}
