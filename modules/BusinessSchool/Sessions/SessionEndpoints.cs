using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Sessions;

/// <summary><c>/sessions</c>: one session with its attendance, and the attendance of the whole cohort in one request.</summary>
internal static class SessionEndpoints
{
    public const int MaxLines = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup("/sessions");
        sessions.MapGet("/{sessionId:guid}", Get).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolGetSession").WithSummary("Reads a session with its attendance; the ETag is its version.");
        sessions.MapPut("/{sessionId:guid}/attendance", RecordAttendance).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolRecordAttendance")
            .WithSummary("Records the attendance of the whole cohort at a session, replacing what was recorded; needs If-Match. One wrong line rejects the request.");
    }

    public static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid cohortId, SessionRequest request, HttpContext http, SchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Problems.CohortNotFound();
        }

        var errors = request.Validate(cohort, out var session);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        session.Id = Guid.NewGuid();
        session.Version = 1;
        session.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(session.Version);
        return TypedResults.Created($"/api/modules/{BusinessSchoolModule.Id}/sessions/{session.Id}", SessionResponse.From(session));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Get(Guid sessionId, HttpContext http, SchoolDbContext db, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Attendance).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Problems.SessionNotFound();
        }

        http.Response.SetETag(session.Version);
        return TypedResults.Ok(SessionResponse.From(session));
    }

    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> RecordAttendance(
        Guid sessionId, AttendanceRequest request, HttpContext http, SchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.Attendance).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Problems.SessionNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, session.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = new FieldErrors();
        var lines = await CheckAsync(session, request.Lines, db, clock, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // Added through the set, not the navigation: a row with its key set, found through a navigation, is taken for an existing one.
        session.Attendance.Clear();
        db.Attendance.AddRange(lines.Select((l, i) => new Attendance
        {
            Id = Guid.NewGuid(), SessionId = session.Id, ParticipantId = l.ParticipantId, Status = l.Status, Minutes = l.Minutes, RecordedAt = now.AddMicroseconds(i),
        }));
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

    private static async Task<List<(Guid ParticipantId, AttendanceStatus Status, int Minutes)>> CheckAsync(
        Session session, IReadOnlyList<AttendanceLine?>? lines, SchoolDbContext db, TimeProvider clock, FieldErrors errors, CancellationToken ct)
    {
        var result = new List<(Guid, AttendanceStatus, int)>();
        if (lines is null || lines.Count == 0 || lines.Count > MaxLines)
        {
            errors.Add("lines", FieldRules.T($"Ange 1–{MaxLines} rader, en per deltagare.", $"Give 1–{MaxLines} lines, one per participant."));
            return result;
        }

        if (session.Date > clock.Today())
        {
            errors.Add("lines", FieldRules.T(
                $"Tillfället är {session.Date:yyyy-MM-dd}: närvaro kan registreras från den dagen.",
                $"The session is on {session.Date:yyyy-MM-dd}: attendance can be recorded from that day."));
            return result;
        }

        var members = (await db.Members.AsNoTracking().Where(m => m.CohortId == session.CohortId).Select(m => m.ParticipantId).ToListAsync(ct)).ToHashSet();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            var line = lines[i];
            var status = errors.Choice<AttendanceStatus>($"{field}.status", line?.Status, required: true);
            var minutes = 0;
            if (status == AttendanceStatus.Present)
            {
                minutes = line?.Hours is null ? session.Minutes : errors.Hours($"{field}.hours", line.Hours, 0.25m, FieldRules.ToHours(session.Minutes));
            }
            else if (line?.Hours is not (null or 0))
            {
                errors.Add($"{field}.hours", FieldRules.T("Timmar anges bara för närvarande.", "Hours are given only for those present."));
            }

            if (line?.ParticipantId is not { } participantId)
            {
                errors.Add($"{field}.participantId", FieldRules.T("Ange deltagaren.", "Give the participant."));
            }
            else if (!members.Contains(participantId))
            {
                errors.Add($"{field}.participantId", FieldRules.T("Deltagaren är inte med i kursomgången.", "The participant is not in the cohort."));
            }
            else if (!seen.Add(participantId))
            {
                errors.Add($"{field}.participantId", FieldRules.T("Deltagaren står på en tidigare rad.", "The participant is on an earlier line."));
            }
            else if (status is { } s)
            {
                result.Add((participantId, s, minutes));
            }
        }

        return result;
    }
}
