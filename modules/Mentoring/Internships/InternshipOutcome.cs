using Integration.Abstractions.Participants;
using Integration.Modules.Mentoring.Data;

namespace Integration.Modules.Mentoring.Internships;

/// <summary>What ending an internship with a job does besides storing it: the employed outcome in the participant's record, once.</summary>
internal sealed class InternshipOutcome(IOutcomeRecorder outcomes)
{
    public const int NoteLength = 500;

    /// <summary>
    /// For an internship that ended with a job offer and has no outcome yet: records it (dated the last day, attributed
    /// to the internship's enrolment). Returns the host's reason when it refused the outcome; then nothing is recorded.
    /// </summary>
    public async Task<string?> EndedAsync(Internship internship, OutcomeDetail? employment, CancellationToken ct)
    {
        if (internship.LedToJobOffer != true || internship.OutcomeId is not null || internship.EndedOn is not { } on)
        {
            return null;
        }

        var note = $"Jobb efter praktik: {internship.EmployerName}";
        try
        {
            internship.OutcomeId = await outcomes.RecordAsync(new OutcomeToRecord(
                internship.ParticipantId, OutcomeType.Employed, employment, on, OutcomeSource.CaseWorkerVerified, MentoringModule.Id, internship.EnrolmentId,
                note.Length > NoteLength ? note[..NoteLength] : note), ct);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
