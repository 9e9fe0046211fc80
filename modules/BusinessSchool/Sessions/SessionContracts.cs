using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;

namespace Integration.Modules.BusinessSchool.Sessions;

/// <summary>A session of a cohort.</summary>
/// <param name="Date">Within the cohort's dates.</param>
/// <param name="Topic"><c>businessIdea</c>, <c>businessPlan</c>, <c>budget</c>, <c>bookkeeping</c>, <c>fTaxAndVat</c>, <c>marketing</c>, <c>permits</c>, <c>financing</c>, <c>registration</c>, <c>insurance</c> or <c>other</c>.</param>
/// <param name="Teacher">Who teaches, at most 200 characters.</param>
/// <param name="Language">ISO 639; the cohort's language when left out.</param>
/// <param name="Hours">The session's length, 0.25 to 12 hours in quarters.</param>
public sealed record SessionRequest(DateOnly? Date, string? Topic, string? Teacher, string? Language, decimal? Hours)
{
    public const decimal MaxHours = 12;

    internal FieldErrors Validate(Cohort cohort, out Session values)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", Date);
        errors.Require(Date is null || (date >= cohort.StartDate && date <= cohort.EndDate), "date", FieldRules.T(
            $"Tillfället ligger inom kursomgångens datum ({cohort.StartDate:yyyy-MM-dd}–{cohort.EndDate:yyyy-MM-dd}).",
            $"The session is within the cohort's dates ({cohort.StartDate:yyyy-MM-dd} to {cohort.EndDate:yyyy-MM-dd})."));
        values = new Session
        {
            CohortId = cohort.Id,
            Date = date,
            Topic = errors.Choice<BusinessTopic>("topic", Topic, required: true) ?? default,
            Teacher = errors.Text("teacher", Teacher, SchoolDbContext.TextLength, required: true) ?? string.Empty,
            Language = errors.Language("language", Language ?? cohort.Language, required: true) ?? string.Empty,
            Minutes = errors.Hours("hours", Hours, 0.25m, MaxHours),
        };
        return errors;
    }
}

/// <summary>The attendance of the whole cohort at one session; it replaces what was recorded before.</summary>
/// <param name="Lines">One line per member, at most 500; members without a line count as not present.</param>
public sealed record AttendanceRequest(IReadOnlyList<AttendanceLine?>? Lines);

/// <summary>One member's attendance.</summary>
/// <param name="Status"><c>present</c>, <c>excused</c> (absent with notice) or <c>absent</c>.</param>
/// <param name="Hours">Hours present, in quarters, up to the session's length; the whole session when left out. Only with <c>present</c>.</param>
public sealed record AttendanceLine(Guid? ParticipantId, string? Status, decimal? Hours);

/// <summary>A session with its attendance; the ETag is its version (send it in If-Match to record attendance).</summary>
public sealed record SessionResponse(Guid Id, Guid CohortId, DateOnly Date, string Topic, string Teacher, string Language, decimal Hours, IReadOnlyList<AttendanceResponse> Attendance, long Version)
{
    internal static SessionResponse From(Session s) => new(
        s.Id, s.CohortId, s.Date, EnumText.Of(s.Topic), s.Teacher, s.Language, FieldRules.ToHours(s.Minutes),
        s.Attendance.OrderBy(a => a.RecordedAt).Select(a => new AttendanceResponse(a.ParticipantId, EnumText.Of(a.Status), FieldRules.ToHours(a.Minutes))).ToList(),
        s.Version);
}

/// <summary>One member's attendance at a session.</summary>
public sealed record AttendanceResponse(Guid ParticipantId, string Status, decimal Hours);
