using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;
using Integration.Modules.Health.Sessions;

namespace Integration.Modules.Health.Courses;

/// <summary>A health-school course to create or change.</summary>
/// <param name="Name">At most 200 characters.</param>
/// <param name="StartDate">The first day.</param>
/// <param name="EndDate">The last day, on or after the start and within a year of it.</param>
/// <param name="Language">The course language, ISO 639 (<c>sv</c>).</param>
public sealed record CourseRequest(string? Name, DateOnly? StartDate, DateOnly? EndDate, string? Language, string? Place, string? Leader)
{
    public const int MaxDays = 366;

    internal FieldErrors Validate(out Course values)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", Name, HealthDbContext.TextLength, required: true);
        var start = errors.Date("startDate", StartDate);
        var end = errors.Date("endDate", EndDate);
        if (StartDate is not null && EndDate is not null && (end < start || end.DayNumber - start.DayNumber > MaxDays))
        {
            errors.Add("endDate", LocalizedText.Pick("Slutdatum ligger på eller efter startdatum och inom ett år.", "The end date is on or after the start date and within a year of it."));
        }

        var language = errors.Language("language", Language, required: true);
        values = new Course
        {
            Name = name ?? string.Empty,
            StartDate = start,
            EndDate = end,
            Language = language ?? string.Empty,
            Place = errors.Text("place", Place, HealthDbContext.TextLength, required: false),
            Leader = errors.Text("leader", Leader, HealthDbContext.TextLength, required: false),
        };
        return errors;
    }
}

/// <summary>A participant to place on a course; they need an ongoing enrolment in the module.</summary>
public sealed record AddCourseParticipantRequest(Guid? ParticipantId);

/// <summary>A course with its participants and sessions; the ETag is its version.</summary>
public sealed record CourseResponse(
    Guid Id,
    string Name,
    DateOnly StartDate,
    DateOnly EndDate,
    string Language,
    string? Place,
    string? Leader,
    IReadOnlyList<CoursePlaceResponse> Participants,
    IReadOnlyList<SessionResponse> Sessions,
    long Version)
{
    internal static CourseResponse From(Course c, IEnumerable<CoursePlace> places, IEnumerable<Session> sessions) => new(
        c.Id, c.Name, c.StartDate, c.EndDate, c.Language, c.Place, c.Leader,
        places.OrderBy(p => p.AddedAt).Select(CoursePlaceResponse.From).ToList(),
        sessions.OrderBy(s => s.Date).Select(SessionResponse.From).ToList(),
        c.Version);
}

/// <summary>A course in a list.</summary>
public sealed record CourseSummaryResponse(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate, string Language, string? Place, int Participants, int Sessions, long Version);

/// <summary>A participant's place on a course.</summary>
/// <param name="EnrolmentId">The participant's enrolment in the module that the place belongs to.</param>
public sealed record CoursePlaceResponse(Guid ParticipantId, Guid EnrolmentId, DateTime AddedAt)
{
    internal static CoursePlaceResponse From(CoursePlace p) => new(p.ParticipantId, p.EnrolmentId, p.AddedAt);
}
