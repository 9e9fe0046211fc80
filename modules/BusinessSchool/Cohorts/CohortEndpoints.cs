using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.FollowUps;
using Integration.Modules.BusinessSchool.Http;
using Integration.Modules.BusinessSchool.Participants;
using Integration.Modules.BusinessSchool.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Cohorts;

/// <summary><c>/cohorts</c>: runs of a course, their members (added in bulk) and sessions.</summary>
internal static class CohortEndpoints
{
    public const int MaxMembersPerRequest = 200;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var cohorts = endpoints.MapGroup("/cohorts");
        cohorts.MapGet("/", List).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolListCohorts").WithSummary("Lists cohorts, newest first; courseId, from and to narrow the list.");
        cohorts.MapGet("/{cohortId:guid}", Get).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolGetCohort").WithSummary("Reads a cohort with its members, their attendance and its sessions; the ETag is its version.");
        cohorts.MapPut("/{cohortId:guid}", Update).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolUpdateCohort").WithSummary("Changes a cohort; needs If-Match. A new end date moves the after-course follow-ups.");
        cohorts.MapPost("/{cohortId:guid}/members", AddMembers).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolAddCohortMembers").WithSummary("Adds participants to the cohort in one request; one wrong participant rejects the request.");
        cohorts.MapPost("/{cohortId:guid}/sessions", SessionEndpoints.CreateAsync).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolAddSession").WithSummary("Adds a session (date, topic, teacher, language, hours) to the cohort.");
    }

    public static async Task<Results<Created<CohortResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid courseId, CohortRequest request, HttpContext http, SchoolDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct))
        {
            return Problems.CourseNotFound();
        }

        var errors = request.Validate(out var cohort);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        cohort.Id = Guid.NewGuid();
        cohort.CourseId = courseId;
        cohort.Version = 1;
        cohort.CreatedAt = cohort.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(cohort.Version);
        return TypedResults.Created($"/api/modules/{BusinessSchoolModule.Id}/cohorts/{cohort.Id}", await ResponseAsync(db, cohort, ct));
    }

    public static IQueryable<CohortSummaryResponse> Summaries(SchoolDbContext db, IQueryable<Cohort> cohorts) =>
        cohorts.OrderByDescending(c => c.StartDate).ThenBy(c => c.Name).Select(c => new CohortSummaryResponse(
            c.Id, c.CourseId, c.Name, c.StartDate, c.EndDate, c.Language, c.Place,
            db.Members.Count(m => m.CohortId == c.Id), db.Sessions.Count(s => s.CohortId == c.Id), c.Version));

    private static async Task<Results<Ok<List<CohortSummaryResponse>>, ValidationProblem>> List(Guid? courseId, DateOnly? from, DateOnly? to, SchoolDbContext db, CancellationToken ct)
    {
        if (from > to)
        {
            return Problems.Field("to", "Till-datum ligger på eller efter från-datum.", "The to date is on or after the from date.");
        }

        var query = db.Cohorts.AsNoTracking();
        if (courseId is { } course)
        {
            query = query.Where(c => c.CourseId == course);
        }

        if (from is { } f)
        {
            query = query.Where(c => c.EndDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(c => c.StartDate <= t);
        }

        return TypedResults.Ok(await Summaries(db, query).Take(500).ToListAsync(ct));
    }

    private static async Task<Results<Ok<CohortResponse>, ProblemHttpResult>> Get(Guid cohortId, HttpContext http, SchoolDbContext db, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Problems.CohortNotFound();
        }

        http.Response.SetETag(cohort.Version);
        return TypedResults.Ok(await ResponseAsync(db, cohort, ct));
    }

    private static async Task<Results<Ok<CohortResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid cohortId, CohortRequest request, HttpContext http, SchoolDbContext db, SchoolEvents events, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Problems.CohortNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, cohort.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(out var values);
        if (request.StartDate is not null && request.EndDate is not null)
        {
            var dates = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohortId).Select(s => s.Date).ToListAsync(ct);
            errors.Require(dates.All(d => d >= values.StartDate && d <= values.EndDate), "startDate", FieldRules.T(
                "Kursomgångens tillfällen måste ligga inom de nya datumen.", "The cohort's sessions must lie within the new dates."));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var previousEnd = cohort.EndDate;
        cohort.Name = values.Name;
        cohort.StartDate = values.StartDate;
        cohort.EndDate = values.EndDate;
        cohort.Language = values.Language;
        cohort.Place = values.Place;
        cohort.Version++;
        cohort.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }

        if (previousEnd != cohort.EndDate)
        {
            foreach (var member in await db.Members.AsNoTracking().Where(m => m.CohortId == cohortId).ToListAsync(ct))
            {
                await events.EndMovedAsync(member, previousEnd, cohort.EndDate, clock.Today(), ct);
            }
        }

        http.Response.SetETag(cohort.Version);
        return TypedResults.Ok(await ResponseAsync(db, cohort, ct));
    }

    private static async Task<Results<Ok<CohortResponse>, ValidationProblem, ProblemHttpResult>> AddMembers(
        Guid cohortId, AddMembersRequest request, HttpContext http, SchoolDbContext db, SchoolParticipants participants, SchoolEvents events, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Problems.CohortNotFound();
        }

        var errors = new FieldErrors();
        var ids = request.ParticipantIds ?? [];
        if (ids.Count is 0 or > MaxMembersPerRequest)
        {
            return Problems.Field("participantIds", $"Ange 1–{MaxMembersPerRequest} deltagare.", $"Give 1–{MaxMembersPerRequest} participants.");
        }

        var existing = (await db.Members.AsNoTracking().Where(m => m.CohortId == cohortId).Select(m => m.ParticipantId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<CohortMember>();
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"participantIds[{i}]";
            if (ids[i] is not { } id)
            {
                errors.Add(field, FieldRules.T("Ange deltagaren.", "Give the participant."));
                continue;
            }

            var enrolment = await participants.OngoingAsync(id, field, errors, ct);
            if (enrolment is null)
            {
                continue;
            }

            if (existing.Contains(enrolment.ParticipantId) || added.Any(m => m.ParticipantId == enrolment.ParticipantId))
            {
                errors.Add(field, existing.Contains(enrolment.ParticipantId)
                    ? FieldRules.T("Deltagaren är redan med i kursomgången.", "The participant is already in the cohort.")
                    : FieldRules.T("Deltagaren står redan tidigare i listan.", "The participant is already earlier in the list."));
                continue;
            }

            // One microsecond apart, the finest step PostgreSQL keeps, so that members are listed in the order given.
            added.Add(new CohortMember { Id = Guid.NewGuid(), CohortId = cohortId, ParticipantId = enrolment.ParticipantId, EnrolmentId = enrolment.Id, ProgrammeId = enrolment.ProgrammeId, AddedAt = now.AddMicroseconds(i) });
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        db.Members.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("En av deltagarna lades till i kursomgången samtidigt. Läs den igen.", "One of the participants was added to the cohort at the same time. Read it again.");
        }

        foreach (var member in added)
        {
            await events.JoinedAsync(member, cohort.EndDate, ct);
        }

        http.Response.SetETag(cohort.Version);
        return TypedResults.Ok(await ResponseAsync(db, cohort, ct));
    }

    public static async Task<CohortResponse> ResponseAsync(SchoolDbContext db, Cohort cohort, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.CohortId == cohort.Id).OrderBy(m => m.AddedAt).ThenBy(m => m.ParticipantId).ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Attendance).Where(s => s.CohortId == cohort.Id).OrderBy(s => s.Date).ToListAsync(ct);
        var present = sessions.SelectMany(s => s.Attendance).Where(a => a.Status == AttendanceStatus.Present).ToLookup(a => a.ParticipantId);
        return new CohortResponse(
            cohort.Id, cohort.CourseId, cohort.Name, cohort.StartDate, cohort.EndDate, cohort.Language, cohort.Place,
            members.Select(m => new MemberResponse(
                m.ParticipantId, m.EnrolmentId, m.AddedAt, present[m.ParticipantId].Count(), sessions.Count,
                FieldRules.ToHours(present[m.ParticipantId].Sum(a => a.Minutes)), Completion.Completed(present[m.ParticipantId].Count(), sessions.Count))).ToList(),
            sessions.Select(SessionResponse.From).ToList(),
            cohort.Version);
    }
}
