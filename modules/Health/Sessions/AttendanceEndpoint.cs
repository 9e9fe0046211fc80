using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;
using Integration.Modules.Health.Participants;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Sessions;

/// <summary>
/// The attendance of a whole group at one session. Every line is checked before anything is written: at a course
/// session each participant must be on the course; at a physical-activity session each must have been enrolled in the
/// module on the day. One wrong line rejects the request.
/// </summary>
internal static class AttendanceEndpoint
{
    public const int MaxLines = 500;

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid sessionId, AttendanceRequest request, HttpContext http, HealthDbContext db, HealthParticipants participants, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.Attendance).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return HealthProblems.SessionNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, session.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = new FieldErrors();
        var lines = await CheckAsync(session, request.Lines, db, participants, clock, errors, ct);
        if (!errors.IsEmpty)
        {
            return HealthProblems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Added through the set, not the navigation: a row with its key already set, found through a navigation, would
        // be taken for an existing one.
        session.Attendance.Clear();
        db.Attendance.AddRange(lines.Select(l => new Attendance { Id = Guid.NewGuid(), SessionId = session.Id, ParticipantId = l.ParticipantId, Status = l.Status, RecordedAt = now }));
        session.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }

        http.Response.SetETag(session.Version);
        return TypedResults.Ok(SessionResponse.From(session));
    }

    private static async Task<List<(Guid ParticipantId, AttendanceStatus Status)>> CheckAsync(
        Session session, IReadOnlyList<AttendanceLine?>? lines, HealthDbContext db, HealthParticipants participants, TimeProvider clock, FieldErrors errors, CancellationToken ct)
    {
        var checkedLines = new List<(Guid, AttendanceStatus)>();
        if (lines is null || lines.Count == 0 || lines.Count > MaxLines)
        {
            errors.Add("lines", LocalizedText.Pick($"Ange 1–{MaxLines} rader, en per deltagare.", $"Give 1–{MaxLines} lines, one per participant."));
            return checkedLines;
        }

        if (session.Date > clock.Today())
        {
            errors.Add("lines", SessionEndpoints.NotYet(session.Date));
            return checkedLines;
        }

        var onCourse = session.CourseId is { } courseId
            ? (await db.CoursePlaces.AsNoTracking().Where(p => p.CourseId == courseId).Select(p => p.ParticipantId).ToListAsync(ct)).ToHashSet()
            : null;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            var status = errors.Choice<AttendanceStatus>($"{field}.status", lines[i]?.Status, required: true);
            if (lines[i]?.ParticipantId is not { } participantId)
            {
                errors.Add($"{field}.participantId", LocalizedText.Pick("Ange deltagare.", "Give the participant."));
                continue;
            }

            var id = onCourse is not null
                ? (onCourse.Contains(participantId) ? participantId : NotOnCourse(errors, $"{field}.participantId"))
                : await participants.EnrolledOnAsync(participantId, session.Date, $"{field}.participantId", errors, ct);
            if (id is { } resolved && !seen.Add(resolved))
            {
                errors.Add($"{field}.participantId", LocalizedText.Pick("Deltagaren står på en tidigare rad.", "The participant is on an earlier line."));
            }
            else if (id is { } valid && status is { } s)
            {
                checkedLines.Add((valid, s));
            }
        }

        return checkedLines;
    }

    private static Guid? NotOnCourse(FieldErrors errors, string field)
    {
        errors.Add(field, LocalizedText.Pick("Deltagaren går inte kursen.", "The participant is not on the course."));
        return null;
    }
}
