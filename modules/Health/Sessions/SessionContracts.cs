using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;

namespace Integration.Modules.Health.Sessions;

/// <summary>A session of a course.</summary>
/// <param name="Date">Within the course's dates.</param>
/// <param name="Topic"><c>swedishHealthCare</c>, <c>mentalHealth</c>, <c>diet</c>, <c>physicalActivity</c>, <c>sleepAndStress</c>, <c>dentalHealth</c>, <c>sexualAndReproductiveHealth</c>, <c>childHealth</c> or <c>other</c>.</param>
/// <param name="Language">ISO 639; the course's language when left out.</param>
/// <param name="InterpreterLanguage">The language an interpreter interprets into (ISO 639), or null without one.</param>
/// <param name="DurationMinutes">1–600.</param>
public sealed record CourseSessionRequest(DateOnly? Date, string? Topic, string? Language, string? InterpreterLanguage, int? DurationMinutes, string? Place)
{
    internal FieldErrors Validate(Course course, out Session values)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", Date);
        errors.Require(Date is null || (date >= course.StartDate && date <= course.EndDate), "date", LocalizedText.Pick(
            $"Träffen ligger inom kursens datum ({course.StartDate:yyyy-MM-dd}–{course.EndDate:yyyy-MM-dd}).",
            $"The session is within the course's dates ({course.StartDate:yyyy-MM-dd} to {course.EndDate:yyyy-MM-dd})."));
        values = SessionValues.Common(errors, SessionKind.CourseSession, date, Language ?? course.Language, InterpreterLanguage, DurationMinutes, Place);
        values.CourseId = course.Id;
        values.Topic = errors.Choice<HealthTopic>("topic", Topic, required: true);
        return errors;
    }
}

/// <summary>A physical-activity session, open to every participant enrolled in the module.</summary>
/// <param name="Activity"><c>walk</c>, <c>gym</c>, <c>swimming</c>, <c>dance</c>, <c>cycling</c>, <c>ballGames</c>, <c>yoga</c> or <c>other</c>.</param>
/// <param name="Language">ISO 639.</param>
/// <param name="InterpreterLanguage">The language an interpreter interprets into (ISO 639), or null without one.</param>
/// <param name="DurationMinutes">1–600.</param>
public sealed record ActivitySessionRequest(DateOnly? Date, string? Activity, string? Language, string? InterpreterLanguage, int? DurationMinutes, string? Place)
{
    internal FieldErrors Validate(out Session values)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", Date);
        values = SessionValues.Common(errors, SessionKind.PhysicalActivity, date, Language, InterpreterLanguage, DurationMinutes, Place);
        values.Activity = errors.Choice<PhysicalActivity>("activity", Activity, required: true);
        return errors;
    }
}

/// <summary>The attendance of a whole group at one session; it replaces what was recorded before.</summary>
/// <param name="Lines">One line per participant, at most 500.</param>
public sealed record AttendanceRequest(IReadOnlyList<AttendanceLine>? Lines);

/// <summary>One participant's attendance.</summary>
/// <param name="Status"><c>present</c>, <c>absent</c> or <c>excused</c> (absent with notice).</param>
public sealed record AttendanceLine(Guid? ParticipantId, string? Status);

/// <summary>A session with its attendance; the ETag is its version (send it in If-Match to record attendance).</summary>
/// <param name="Kind"><c>courseSession</c> or <c>physicalActivity</c>.</param>
public sealed record SessionResponse(
    Guid Id,
    string Kind,
    Guid? CourseId,
    DateOnly Date,
    string? Topic,
    string? Activity,
    string Language,
    string? InterpreterLanguage,
    int? DurationMinutes,
    string? Place,
    IReadOnlyList<AttendanceResponse> Attendance,
    long Version)
{
    internal static SessionResponse From(Session s) => new(
        s.Id, EnumText.Of(s.Kind), s.CourseId, s.Date, s.Topic is { } t ? EnumText.Of(t) : null, s.Activity is { } a ? EnumText.Of(a) : null,
        s.Language, s.InterpreterLanguage, s.DurationMinutes, s.Place,
        s.Attendance.Select(x => new AttendanceResponse(x.ParticipantId, EnumText.Of(x.Status))).ToList(), s.Version);
}

/// <summary>One participant's attendance at a session.</summary>
public sealed record AttendanceResponse(Guid ParticipantId, string Status);

internal static class SessionValues
{
    public static Session Common(FieldErrors errors, SessionKind kind, DateOnly date, string? language, string? interpreterLanguage, int? durationMinutes, string? place)
    {
        errors.Duration("durationMinutes", durationMinutes);
        return new Session
        {
            Kind = kind,
            Date = date,
            Language = errors.Language("language", language, required: true) ?? string.Empty,
            InterpreterLanguage = errors.Language("interpreterLanguage", interpreterLanguage, required: false),
            DurationMinutes = durationMinutes,
            Place = errors.Text("place", place, HealthDbContext.TextLength, required: false),
        };
    }
}
