using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Internships;

/// <summary>An internship (praktik) to record or change.</summary>
/// <param name="EmployerName">At most 200 characters.</param>
/// <param name="OrganisationNumber">The employer's organisationsnummer: ten digits with a valid check digit (<c>556677-8899</c>).</param>
/// <param name="SupervisorId">The workplace supervisor: an active mentor of kind <c>workplaceSupervisor</c>; optional.</param>
/// <param name="Occupation">The work, in words, at most 200 characters.</param>
/// <param name="Sector">The employer's sector (<c>care</c>, <c>retail</c>, …), optional.</param>
/// <param name="StartDate">The first day (may be planned ahead).</param>
/// <param name="EndDate">The planned last day: on or after the start, within a year of it.</param>
/// <param name="HoursPerWeek">More than 0, at most 40, in quarter hours.</param>
public sealed record InternshipRequest(
    string? EmployerName,
    string? OrganisationNumber,
    Guid? SupervisorId,
    string? Occupation,
    string? Sector,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? HoursPerWeek,
    string? Note)
{
    public const int MaxDays = 366;
    public const decimal MaxHoursPerWeek = 40;

    internal FieldErrors Validate(out Internship values)
    {
        var errors = new FieldErrors();
        string? number = null;
        if (string.IsNullOrWhiteSpace(OrganisationNumber))
        {
            errors.Add("organisationNumber", FieldRules.T("Ange arbetsgivarens organisationsnummer.", "Give the employer's organisation number."));
        }
        else
        {
            number = Internships.OrganisationNumber.Normalise(OrganisationNumber, out var error);
            if (error is not null)
            {
                errors.Add("organisationNumber", error);
            }
        }

        var start = errors.Date("startDate", StartDate);
        var end = errors.Date("endDate", EndDate);
        errors.Require(StartDate is null || EndDate is null || (end >= start && end.DayNumber - start.DayNumber <= MaxDays), "endDate", FieldRules.T(
            "Slutdatum ligger på eller efter startdatum och inom ett år.", "The end date is on or after the start date and within a year of it."));
        values = new Internship
        {
            EmployerName = errors.Text("employerName", EmployerName, MentoringDbContext.TextLength, required: true) ?? string.Empty,
            OrganisationNumber = number ?? string.Empty,
            SupervisorId = SupervisorId,
            Occupation = errors.Text("occupation", Occupation, MentoringDbContext.TextLength, required: false),
            Sector = errors.Choice<Sector>("sector", Sector, required: false),
            StartDate = start,
            EndDate = end,
            MinutesPerWeek = errors.Hours("hoursPerWeek", HoursPerWeek, 0.25m, MaxHoursPerWeek),
            Note = errors.Text("note", Note, MentoringDbContext.NoteLength, required: false),
        };
        return errors;
    }
}

/// <summary>Ending an internship; needs its ETag in If-Match.</summary>
/// <param name="EndedOn">The actual last day: not in the future, not before the start.</param>
/// <param name="LedToJobOffer">Whether it led to a job offer; true records an <c>employed</c> outcome dated <paramref name="EndedOn"/>.</param>
/// <param name="Employment">With a job: <c>fullTime</c>, <c>partTime</c> or <c>subsidised</c> (optional).</param>
/// <param name="Note">At most 1000 characters.</param>
public sealed record InternshipEndRequest(DateOnly? EndedOn, bool? LedToJobOffer, string? Employment, string? Note)
{
    internal FieldErrors Validate(Internship internship, DateOnly today, out OutcomeDetail? employment)
    {
        var errors = new FieldErrors();
        var endedOn = errors.Date("endedOn", EndedOn);
        errors.NotFuture("endedOn", EndedOn, today);
        errors.Require(EndedOn is null || endedOn >= internship.StartDate, "endedOn", FieldRules.T(
            "Praktiken kan inte sluta före sin start.", "The internship cannot end before its start."));
        errors.Require(LedToJobOffer is not null, "ledToJobOffer", FieldRules.T("Ange om praktiken ledde till ett jobberbjudande.", "Say whether the internship led to a job offer."));
        employment = errors.Choice<Employment>("employment", Employment, required: false) switch
        {
            Internships.Employment.FullTime => OutcomeDetail.FullTime,
            Internships.Employment.PartTime => OutcomeDetail.PartTime,
            Internships.Employment.Subsidised => OutcomeDetail.Subsidised,
            _ => null,
        };
        errors.Require(employment is null || LedToJobOffer == true, "employment", FieldRules.T(
            "Anställningsform anges bara när praktiken ledde till jobb.", "The kind of employment goes only with a job offer."));
        errors.Text("note", Note, MentoringDbContext.NoteLength, required: false);
        return errors;
    }
}

/// <summary>The kinds of employment an internship can lead to.</summary>
internal enum Employment
{
    FullTime = 1,
    PartTime = 2,
    Subsidised = 3,
}

/// <summary>An internship; the ETag is its version.</summary>
/// <param name="Status"><c>planned</c> (starts later), <c>ongoing</c> or <c>ended</c>.</param>
/// <param name="SupervisorName">The workplace supervisor's name, if any.</param>
/// <param name="OutcomeId">The employed outcome recorded in the participant's record when it ended with a job.</param>
public sealed record InternshipResponse(
    Guid Id,
    Guid ParticipantId,
    Guid EnrolmentId,
    string EmployerName,
    string OrganisationNumber,
    Guid? SupervisorId,
    string? SupervisorName,
    string? Occupation,
    string? Sector,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal HoursPerWeek,
    string Status,
    DateOnly? EndedOn,
    bool? LedToJobOffer,
    Guid? OutcomeId,
    string? Note,
    long Version)
{
    internal static InternshipResponse From(Internship i, string? supervisorName, DateOnly today) => new(
        i.Id, i.ParticipantId, i.EnrolmentId, i.EmployerName, i.OrganisationNumber, i.SupervisorId, supervisorName, i.Occupation,
        i.Sector is { } s ? EnumText.Of(s) : null, i.StartDate, i.EndDate, FieldRules.ToHours(i.MinutesPerWeek),
        i.EndedOn is not null ? "ended" : i.StartDate > today ? "planned" : "ongoing", i.EndedOn, i.LedToJobOffer, i.OutcomeId, i.Note, i.Version);
}
