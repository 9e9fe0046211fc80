using Integration.Abstractions.Validation;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;
using Integration.Modules.Health.Participants;
using Integration.Modules.Health.Scores;
using Integration.Modules.Health.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Courses;

/// <summary><c>/courses</c>: health-school courses, their participants and sessions (<c>health.write</c>: the health school's own work).</summary>
internal static class CourseEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var courses = endpoints.MapGroup("/courses").RequireAuthorization(HealthModule.WritePermission);
        courses.MapPost("/", Create).WithName("HealthCreateCourse").WithSummary("Creates a health-school course.");
        courses.MapGet("/", List).WithName("HealthListCourses").WithSummary("Lists the tenant's courses, newest first; from and to keep those overlapping the dates.");
        courses.MapGet("/{courseId:guid}", Get).WithName("HealthGetCourse").WithSummary("Reads a course with its participants and sessions; the ETag is its version.");
        courses.MapPut("/{courseId:guid}", Update).WithName("HealthUpdateCourse").WithSummary("Changes a course; needs If-Match. A new end date moves the re-measurement follow-ups.");
        courses.MapPost("/{courseId:guid}/participants", AddParticipant).WithName("HealthAddCourseParticipant").WithSummary("Places a participant with an ongoing enrolment in the module on the course.");
        courses.MapPost("/{courseId:guid}/sessions", AddSession).WithName("HealthAddCourseSession").WithSummary("Adds a session (topic, language, interpreter) to the course.");
    }

    private static async Task<Results<Created<CourseResponse>, ValidationProblem>> Create(
        CourseRequest request, HttpContext http, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(out var course);
        if (!errors.IsEmpty)
        {
            return HealthProblems.Validation(errors);
        }

        course.Id = Guid.NewGuid();
        course.Version = 1;
        course.CreatedAt = course.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(course.Version);
        return TypedResults.Created($"/api/modules/{HealthModule.Id}/courses/{course.Id}", CourseResponse.From(course, [], []));
    }

    private static async Task<Results<Ok<List<CourseSummaryResponse>>, ValidationProblem>> List(DateOnly? from, DateOnly? to, HealthDbContext db, CancellationToken ct)
    {
        if (from > to)
        {
            return HealthProblems.Field("to", "Till-datum ligger på eller efter från-datum.", "The to date is on or after the from date.");
        }

        var query = db.Courses.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(c => c.EndDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(c => c.StartDate <= t);
        }

        var courses = await query.OrderByDescending(c => c.StartDate).ThenBy(c => c.Name)
            .Select(c => new CourseSummaryResponse(
                c.Id, c.Name, c.StartDate, c.EndDate, c.Language, c.Place,
                db.CoursePlaces.Count(p => p.CourseId == c.Id), db.Sessions.Count(s => s.CourseId == c.Id), c.Version))
            .ToListAsync(ct);
        return TypedResults.Ok(courses);
    }

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> Get(Guid courseId, HttpContext http, HealthDbContext db, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null)
        {
            return HealthProblems.CourseNotFound();
        }

        http.Response.SetETag(course.Version);
        return TypedResults.Ok(await ResponseAsync(db, course, ct));
    }

    private static async Task<Results<Ok<CourseResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid courseId, CourseRequest request, HttpContext http, HealthDbContext db, CourseReMeasurements reMeasurements, TimeProvider clock, CancellationToken ct)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null)
        {
            return HealthProblems.CourseNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, course.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(out var values);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CourseId == courseId).Select(s => s.Date).ToListAsync(ct);
        errors.Require(
            sessions.All(d => d >= values.StartDate && d <= values.EndDate) || request.StartDate is null || request.EndDate is null,
            "startDate",
            Integration.Abstractions.Kernel.LocalizedText.Pick("Kursens träffar måste ligga inom de nya datumen.", "The course's sessions must lie within the new dates."));
        if (!errors.IsEmpty)
        {
            return HealthProblems.Validation(errors);
        }

        var previousEnd = course.EndDate;
        course.Name = values.Name;
        course.StartDate = values.StartDate;
        course.EndDate = values.EndDate;
        course.Language = values.Language;
        course.Place = values.Place;
        course.Leader = values.Leader;
        course.Version++;
        course.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }

        if (previousEnd != course.EndDate)
        {
            await reMeasurements.MoveAsync(course, previousEnd, ct);
        }

        http.Response.SetETag(course.Version);
        return TypedResults.Ok(await ResponseAsync(db, course, ct));
    }

    private static async Task<Results<Created<CoursePlaceResponse>, ValidationProblem, ProblemHttpResult>> AddParticipant(
        Guid courseId, AddCourseParticipantRequest request, HealthDbContext db, HealthParticipants participants, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct))
        {
            return HealthProblems.CourseNotFound();
        }

        var errors = new FieldErrors();
        var enrolled = request.ParticipantId is { } id
            ? await participants.OngoingAsync(id, "participantId", errors, ct)
            : null;
        errors.Require(request.ParticipantId is not null, "participantId", Integration.Abstractions.Kernel.LocalizedText.Pick("Ange deltagare.", "Give the participant."));
        if (!errors.IsEmpty || enrolled is not { } found)
        {
            return HealthProblems.Validation(errors);
        }

        if (await db.CoursePlaces.AnyAsync(p => p.CourseId == courseId && p.ParticipantId == found.ParticipantId, ct))
        {
            return HealthProblems.Conflict("Deltagaren går redan kursen.", "The participant is already on the course.");
        }

        var place = new CoursePlace { Id = Guid.NewGuid(), CourseId = courseId, ParticipantId = found.ParticipantId, EnrolmentId = found.Enrolment.Id, AddedAt = clock.GetUtcNow().UtcDateTime };
        db.CoursePlaces.Add(place);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return HealthProblems.Conflict("Deltagaren går redan kursen.", "The participant is already on the course.");
        }

        return TypedResults.Created($"/api/modules/{HealthModule.Id}/courses/{courseId}", CoursePlaceResponse.From(place));
    }

    private static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> AddSession(
        Guid courseId, CourseSessionRequest request, HttpContext http, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null)
        {
            return HealthProblems.CourseNotFound();
        }

        var errors = request.Validate(course, out var session);
        if (!errors.IsEmpty)
        {
            return HealthProblems.Validation(errors);
        }

        return await SessionEndpoints.AddAsync(session, http, db, clock, ct);
    }

    private static async Task<CourseResponse> ResponseAsync(HealthDbContext db, Course course, CancellationToken ct)
    {
        var places = await db.CoursePlaces.AsNoTracking().Where(p => p.CourseId == course.Id).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Attendance).Where(s => s.CourseId == course.Id).ToListAsync(ct);
        return CourseResponse.From(course, places, sessions);
    }
}
