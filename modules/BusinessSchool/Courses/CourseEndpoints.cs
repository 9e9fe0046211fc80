using Integration.Modules.BusinessSchool.Cohorts;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Courses;

/// <summary><c>/courses</c>: business-school courses and their cohorts.</summary>
internal static class CourseEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var courses = endpoints.MapGroup("/courses");
        courses.MapPost("/", Create).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolCreateCourse").WithSummary("Creates a business-school course.");
        courses.MapGet("/", List).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolListCourses").WithSummary("Lists the tenant's courses by name.");
        courses.MapGet("/{courseId:guid}", Get).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolGetCourse").WithSummary("Reads a course with its cohorts; the ETag is its version.");
        courses.MapPut("/{courseId:guid}", Update).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolUpdateCourse").WithSummary("Changes a course; needs If-Match.");
        courses.MapPost("/{courseId:guid}/cohorts", CohortEndpoints.CreateAsync).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolCreateCohort").WithSummary("Adds a cohort (a run of the course between two dates) to the course.");
    }

    private static async Task<Results<Created<CourseResponse>, ValidationProblem>> Create(
        CourseRequest request, HttpContext http, SchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(out var name, out var description);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var course = new Course { Id = Guid.NewGuid(), Name = name, Description = description, Version = 1, CreatedAt = now, UpdatedAt = now };
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(course.Version);
        return TypedResults.Created($"/api/modules/{BusinessSchoolModule.Id}/courses/{course.Id}", new CourseResponse(course.Id, course.Name, course.Description, [], course.Version));
    }

    private static async Task<Ok<List<CourseSummaryResponse>>> List(SchoolDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Courses.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CourseSummaryResponse(c.Id, c.Name, c.Description, db.Cohorts.Count(k => k.CourseId == c.Id), c.Version))
            .ToListAsync(ct));

    private static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> Get(Guid courseId, HttpContext http, SchoolDbContext db, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null)
        {
            return Problems.CourseNotFound();
        }

        http.Response.SetETag(course.Version);
        return TypedResults.Ok(await ResponseAsync(db, course, ct));
    }

    private static async Task<Results<Ok<CourseResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid courseId, CourseRequest request, HttpContext http, SchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null)
        {
            return Problems.CourseNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, course.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(out var name, out var description);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        course.Name = name;
        course.Description = description;
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

        http.Response.SetETag(course.Version);
        return TypedResults.Ok(await ResponseAsync(db, course, ct));
    }

    private static async Task<CourseResponse> ResponseAsync(SchoolDbContext db, Course course, CancellationToken ct)
    {
        var cohorts = await CohortEndpoints.Summaries(db, db.Cohorts.AsNoTracking().Where(c => c.CourseId == course.Id)).ToListAsync(ct);
        return new CourseResponse(course.Id, course.Name, course.Description, cohorts, course.Version);
    }
}
