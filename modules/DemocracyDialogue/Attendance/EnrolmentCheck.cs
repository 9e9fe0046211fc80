using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Http;

namespace Integration.Modules.DemocracyDialogue.Attendance;

/// <summary>
/// Checks that a participant exists in the tenant and was enrolled in democracy dialogue, in the event's programme, on
/// the event's day (started by then and not exited before), through the host's directories (reads are audited there).
/// </summary>
internal sealed class EnrolmentCheck(IParticipantDirectory participants, IEnrolmentDirectory enrolments)
{
    /// <summary>The participant's id (the surviving record's, for a merged one), or null with an error for <paramref name="field"/>.</summary>
    public async Task<Guid?> CheckAsync(Guid? participantId, Guid programmeId, DateOnly date, string field, FieldErrors errors, CancellationToken ct)
    {
        if (participantId is not { } id || id == Guid.Empty)
        {
            errors.Add(field, Rules.T("Ange deltagaren.", "Give the participant."));
            return null;
        }

        var participant = await participants.FindAsync(id, DemocracyDialogueModule.Id, ct);
        if (participant is null)
        {
            errors.Add(field, Rules.T($"Deltagaren {id} finns inte.", $"The participant {id} does not exist."));
            return null;
        }

        var inProgramme = (await enrolments.ListAsync(participant.Id, DemocracyDialogueModule.Id, ct)).Where(e => e.ProgrammeId == programmeId).ToList();
        if (inProgramme.Count == 0)
        {
            errors.Add(field, Rules.T(
                $"Deltagaren {id} är inte inskriven i demokratidialog i dialogens program.",
                $"The participant {id} is not enrolled in democracy dialogue in the event's programme."));
            return null;
        }

        if (!inProgramme.Any(e => e.StartDate <= date && (e.ExitDate is null || e.ExitDate >= date)))
        {
            errors.Add(field, Rules.T(
                $"Deltagarens {id} inskrivning i demokratidialog hade inte börjat den {date:yyyy-MM-dd} eller var redan avslutad.",
                $"The enrolment of participant {id} in democracy dialogue had not started on {date:yyyy-MM-dd} or had already ended."));
            return null;
        }

        return participant.Id;
    }
}
