using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Outcomes;

/// <summary>The rules of an outcome, the same for the API and for modules recording through the contract.</summary>
internal static class OutcomeRules
{
    public static async Task<FieldErrors> ValidateAsync(
        IntegrationDbContext db, Guid participantId, OutcomeType? type, OutcomeDetail? detail, DateOnly? date, OutcomeSource? source,
        Guid? enrolmentId, string? note, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (type is null)
        {
            errors.Add("type", T("Ange typ av utfall.", "Give the kind of outcome."));
        }
        else if (!OutcomeDetails.Fits(type.Value, detail))
        {
            errors.Add("detail", T(
                "Detaljen passar inte typen: fullTime, partTime och subsidised hör till employed; sfi, adultEducation, vocational och university till studies.",
                "The detail does not fit the type: fullTime, partTime and subsidised go with employed; sfi, adultEducation, vocational and university with studies."));
        }

        if (date is null)
        {
            errors.Add("date", T("Ange datum.", "Give the date."));
        }
        else if (date > today)
        {
            errors.Add("date", T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
        }

        errors.Require(source is not null, "source", T("Ange källa: selfReported, caseWorkerVerified eller register.", "Give the source: selfReported, caseWorkerVerified or register."));
        errors.Require(note is null || note.Length <= 500, "note", T("Anteckningen har högst 500 tecken.", "The note has at most 500 characters."));
        if (enrolmentId is { } enrolment && !await db.Enrolments.AnyAsync(e => e.Id == enrolment && e.ParticipantId == participantId, ct))
        {
            errors.Add("enrolmentId", T("Inskrivningen hör inte till deltagaren.", "The enrolment does not belong to the participant."));
        }

        return errors;
    }

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);
}
