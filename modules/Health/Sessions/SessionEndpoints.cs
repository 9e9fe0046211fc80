using Integration.Abstractions.Kernel;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Sessions;

/// <summary>
/// Physical-activity sessions (<c>/activity-sessions</c>), any session with its attendance (<c>/sessions/{id}</c>) and the
/// attendance of a whole group (<c>health.write</c>).
/// </summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var activities = endpoints.MapGroup("/activity-sessions").RequireAuthorization(HealthModule.WritePermission);
        activities.MapPost("/", AddActivity).WithName("HealthAddActivitySession").WithSummary("Adds a physical-activity session (activity, language, interpreter).");
        activities.MapGet("/", ListActivities).WithName("HealthListActivitySessions").WithSummary("Lists physical-activity sessions with their attendance, newest first; from and to limit the dates.");

        var sessions = endpoints.MapGroup("/sessions").RequireAuthorization(HealthModule.WritePermission);
        sessions.MapGet("/{sessionId:guid}", Get).WithName("HealthGetSession").WithSummary("Reads a course or physical-activity session with its attendance; the ETag is its version.");
        sessions.MapPut("/{sessionId:guid}/attendance", AttendanceEndpoint.RecordAsync).WithName("HealthRecordAttendance")
            .WithSummary("Records the attendance of the whole group at a session, replacing what was recorded; needs If-Match. One wrong line rejects the whole request.");
    }

    /// <summary>Saves a new session of either kind and answers 201 with its ETag.</summary>
    public static async Task<Created<SessionResponse>> AddAsync(Session session, HttpContext http, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        session.Id = Guid.NewGuid();
        session.Version = 1;
        session.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(session.Version);
        return TypedResults.Created($"/api/modules/{HealthModule.Id}/sessions/{session.Id}", SessionResponse.From(session));
    }

    private static async Task<Results<Created<SessionResponse>, ValidationProblem>> AddActivity(
        ActivitySessionRequest request, HttpContext http, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(out var session);
        return errors.IsEmpty ? await AddAsync(session, http, db, clock, ct) : HealthProblems.Validation(errors);
    }

    private static async Task<Results<Ok<List<SessionResponse>>, ValidationProblem>> ListActivities(DateOnly? from, DateOnly? to, HealthDbContext db, CancellationToken ct)
    {
        if (from > to)
        {
            return HealthProblems.Field("to", "Till-datum ligger på eller efter från-datum.", "The to date is on or after the from date.");
        }

        var query = db.Sessions.AsNoTracking().Include(s => s.Attendance).Where(s => s.Kind == SessionKind.PhysicalActivity);
        if (from is { } f)
        {
            query = query.Where(s => s.Date >= f);
        }

        if (to is { } t)
        {
            query = query.Where(s => s.Date <= t);
        }

        var sessions = await query.OrderByDescending(s => s.Date).Take(500).ToListAsync(ct);
        return TypedResults.Ok(sessions.Select(SessionResponse.From).ToList());
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Get(Guid sessionId, HttpContext http, HealthDbContext db, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Attendance).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return HealthProblems.SessionNotFound();
        }

        http.Response.SetETag(session.Version);
        return TypedResults.Ok(SessionResponse.From(session));
    }

    internal static string NotYet(DateOnly date) => LocalizedText.Pick(
        $"Träffen är {date:yyyy-MM-dd}: närvaro kan registreras från den dagen.",
        $"The session is on {date:yyyy-MM-dd}: attendance can be recorded from that day.");
}
