using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Integration.Modules.BusinessSchool.Sessions;

namespace Integration.Modules.BusinessSchool.Cohorts;

/// <summary>A cohort to create or change: one run of a course.</summary>
/// <param name="Name">At most 200 characters (<c>Våren 2026, arabiska</c>).</param>
/// <param name="StartDate">The first day.</param>
/// <param name="EndDate">The last day, on or after the start and within a year of it; the follow-ups count from it.</param>
/// <param name="Language">The teaching language, ISO 639 (<c>sv</c>, <c>ar</c>).</param>
public sealed record CohortRequest(string? Name, DateOnly? StartDate, DateOnly? EndDate, string? Language, string? Place)
{
    public const int MaxDays = 366;

    internal FieldErrors Validate(out Cohort values)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", Name, SchoolDbContext.TextLength, required: true);
        var start = errors.Date("startDate", StartDate);
        var end = errors.Date("endDate", EndDate);
        if (StartDate is not null && EndDate is not null && (end < start || end.DayNumber - start.DayNumber > MaxDays))
        {
            errors.Add("endDate", FieldRules.T("Slutdatum ligger på eller efter startdatum och inom ett år.", "The end date is on or after the start date and within a year of it."));
        }

        values = new Cohort
        {
            Name = name ?? string.Empty,
            StartDate = start,
            EndDate = end,
            Language = errors.Language("language", Language, required: true) ?? string.Empty,
            Place = errors.Text("place", Place, SchoolDbContext.TextLength, required: false),
        };
        return errors;
    }
}

/// <summary>Participants to add to a cohort in one request: all are added or none.</summary>
/// <param name="ParticipantIds">1 to 200 participants, each with an ongoing enrolment in the module and not yet in the cohort.</param>
public sealed record AddMembersRequest(IReadOnlyList<Guid?>? ParticipantIds);

/// <summary>A cohort in a list.</summary>
public sealed record CohortSummaryResponse(Guid Id, Guid CourseId, string Name, DateOnly StartDate, DateOnly EndDate, string Language, string? Place, int Members, int Sessions, long Version);

/// <summary>A cohort with its members and sessions; the ETag is its version.</summary>
public sealed record CohortResponse(
    Guid Id,
    Guid CourseId,
    string Name,
    DateOnly StartDate,
    DateOnly EndDate,
    string Language,
    string? Place,
    IReadOnlyList<MemberResponse> Members,
    IReadOnlyList<SessionResponse> Sessions,
    long Version);

/// <summary>A member of a cohort and how much of it they attended.</summary>
/// <param name="EnrolmentId">The participant's enrolment in the module that the place belongs to.</param>
/// <param name="Present">Sessions the participant was present at.</param>
/// <param name="Sessions">The cohort's sessions.</param>
/// <param name="Completed">Present at at least 75 % of the cohort's sessions.</param>
public sealed record MemberResponse(Guid ParticipantId, Guid EnrolmentId, DateTime AddedAt, int Present, int Sessions, decimal HoursPresent, bool Completed);
