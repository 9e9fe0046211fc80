using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.FollowUps;
using Integration.Modules.Mentoring.Http;
using Integration.Modules.Mentoring.Participants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Internships;

/// <summary>Internships (praktik) at employers, and their end with or without a job.</summary>
internal static class InternshipEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/participants/{participantId:guid}/internships", Create).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringCreateInternship").WithSummary("Records an internship at an employer (organisationsnummer), with dates, hours and a workplace supervisor.");
        var internships = endpoints.MapGroup("/internships");
        internships.MapGet("/", List).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringListInternships").WithSummary("Lists internships, newest first; participantId, supervisorId and status (planned, ongoing, ended) narrow the list. Paged.");
        internships.MapGet("/{internshipId:guid}", Get).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringGetInternship").WithSummary("Reads an internship; the ETag is its version.");
        internships.MapPut("/{internshipId:guid}", Update).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringUpdateInternship").WithSummary("Changes an internship that has not ended; needs If-Match. A new end date moves its follow-up.");
        internships.MapPost("/{internshipId:guid}/end", End).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringEndInternship").WithSummary("Ends an internship: led to a job offer or not; a job records an employed outcome. Needs If-Match.");
    }

    private static async Task<Results<Created<InternshipResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid participantId, InternshipRequest request, HttpContext http, MentoringDbContext db, MentoringParticipants participants, MentoringEvents events,
        TimeProvider clock, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var errors = request.Validate(out var internship);
        var supervisor = await SupervisorAsync(db, request.SupervisorId, errors, ct);
        var enrolment = await participants.AttributionAsync(participant.Id, internship.StartDate, "participantId", errors, ct);
        if (!errors.IsEmpty || enrolment is null)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        internship.Id = Guid.NewGuid();
        internship.ParticipantId = participant.Id;
        internship.EnrolmentId = enrolment.Id;
        internship.ProgrammeId = enrolment.ProgrammeId;
        internship.Version = 1;
        internship.CreatedAt = internship.UpdatedAt = now;
        db.Internships.Add(internship);
        await db.SaveChangesAsync(ct);
        await events.InternshipPlannedAsync(internship, ct);
        http.Response.SetETag(internship.Version);
        return TypedResults.Created($"/api/modules/{MentoringModule.Id}/internships/{internship.Id}", InternshipResponse.From(internship, supervisor?.Name, clock.Today()));
    }

    private static async Task<Results<Ok<MentoringPage<InternshipResponse>>, ValidationProblem>> List(
        Guid? participantId, Guid? supervisorId, string? status, int? page, int? pageSize, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Pages.Check(page, pageSize, errors);
        errors.Require(status is null or "planned" or "ongoing" or "ended", "status", FieldRules.T("Ange ett av: planned, ongoing, ended.", "Give one of: planned, ongoing, ended."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var today = clock.Today();
        var query = db.Internships.AsNoTracking();
        query = participantId is { } participant ? query.Where(i => i.ParticipantId == participant) : query;
        query = supervisorId is { } supervisor ? query.Where(i => i.SupervisorId == supervisor) : query;
        query = status switch
        {
            "planned" => query.Where(i => i.EndedOn == null && i.StartDate > today),
            "ongoing" => query.Where(i => i.EndedOn == null && i.StartDate <= today),
            "ended" => query.Where(i => i.EndedOn != null),
            _ => query,
        };
        var ordered = query.OrderByDescending(i => i.StartDate).ThenBy(i => i.Id);
        return TypedResults.Ok(await Pages.ReadAsync(ordered, p, size, rows => ResponsesAsync(db, rows, today, ct), ct));
    }

    private static async Task<Results<Ok<InternshipResponse>, ProblemHttpResult>> Get(Guid internshipId, HttpContext http, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var internship = await db.Internships.AsNoTracking().FirstOrDefaultAsync(i => i.Id == internshipId, ct);
        if (internship is null)
        {
            return Problems.InternshipNotFound();
        }

        http.Response.SetETag(internship.Version);
        return TypedResults.Ok((await ResponsesAsync(db, [internship], clock.Today(), ct))[0]);
    }

    private static async Task<Results<Ok<InternshipResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid internshipId, InternshipRequest request, HttpContext http, MentoringDbContext db, MentoringEvents events, TimeProvider clock, CancellationToken ct)
    {
        var (internship, refused) = await OpenAsync(internshipId, http, db, ct);
        if (internship is null)
        {
            return refused!;
        }

        var errors = request.Validate(out var values);
        var supervisor = await SupervisorAsync(db, request.SupervisorId, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var previousLastDay = internship.LastDay;
        internship.EmployerName = values.EmployerName;
        internship.OrganisationNumber = values.OrganisationNumber;
        internship.SupervisorId = values.SupervisorId;
        internship.Occupation = values.Occupation;
        internship.Sector = values.Sector;
        internship.StartDate = values.StartDate;
        internship.EndDate = values.EndDate;
        internship.MinutesPerWeek = values.MinutesPerWeek;
        internship.Note = values.Note;
        internship.Version++;
        internship.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStaleAsync(ct) is { } stale)
        {
            return stale;
        }

        await events.InternshipEndMovedAsync(internship, previousLastDay, clock.Today(), ct);
        http.Response.SetETag(internship.Version);
        return TypedResults.Ok(InternshipResponse.From(internship, supervisor?.Name, clock.Today()));
    }

    private static async Task<Results<Ok<InternshipResponse>, ValidationProblem, ProblemHttpResult>> End(
        Guid internshipId, InternshipEndRequest request, HttpContext http, MentoringDbContext db, InternshipOutcome outcome, MentoringEvents events,
        TimeProvider clock, CancellationToken ct)
    {
        var (internship, refused) = await OpenAsync(internshipId, http, db, ct);
        if (internship is null)
        {
            return refused!;
        }

        var today = clock.Today();
        var errors = request.Validate(internship, today, out var employment);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var previousLastDay = internship.LastDay;
        internship.EndedOn = request.EndedOn;
        internship.LedToJobOffer = request.LedToJobOffer;
        internship.Note = request.Note?.Trim() is { Length: > 0 } note ? note : internship.Note;
        if (await outcome.EndedAsync(internship, employment, ct) is { } outcomeRefused)
        {
            return Problems.Field("endedOn", outcomeRefused, outcomeRefused);
        }

        internship.Version++;
        internship.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStaleAsync(ct) is { } stale)
        {
            return stale;
        }

        await events.InternshipEndMovedAsync(internship, previousLastDay, today, ct);
        http.Response.SetETag(internship.Version);
        return TypedResults.Ok((await ResponsesAsync(db, [internship], today, ct))[0]);
    }

    /// <summary>The internship to change, tracked: 404, 428/412 without the current If-Match, 409 once it has ended.</summary>
    private static async Task<(Internship? Internship, ProblemHttpResult? Refused)> OpenAsync(Guid internshipId, HttpContext http, MentoringDbContext db, CancellationToken ct)
    {
        var internship = await db.Internships.FirstOrDefaultAsync(i => i.Id == internshipId, ct);
        if (internship is null)
        {
            return (null, Problems.InternshipNotFound());
        }

        if (Versions.CheckIfMatch(http.Request, internship.Version) is { } precondition)
        {
            return (null, precondition);
        }

        return internship.EndedOn is null ? (internship, null) : (null, Problems.Conflict("Praktiken är avslutad.", "The internship has ended."));
    }

    /// <summary>The supervisor named, when one is: an active mentor of kind workplace supervisor; else an error naming <c>supervisorId</c>.</summary>
    private static async Task<Mentor?> SupervisorAsync(MentoringDbContext db, Guid? supervisorId, FieldErrors errors, CancellationToken ct)
    {
        if (supervisorId is not { } id)
        {
            return null;
        }

        var mentor = await db.Mentors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        errors.Require(mentor is { Kind: MentorKind.WorkplaceSupervisor, Active: true }, "supervisorId", mentor is null
            ? FieldRules.T("Handledaren finns inte.", "The supervisor does not exist.")
            : FieldRules.T("Handledaren ska vara en aktiv mentor av slaget workplaceSupervisor.", "The supervisor must be an active mentor of kind workplaceSupervisor."));
        return mentor;
    }

    public static async Task<List<InternshipResponse>> ResponsesAsync(MentoringDbContext db, List<Internship> internships, DateOnly today, CancellationToken ct)
    {
        var ids = internships.Where(i => i.SupervisorId is not null).Select(i => i.SupervisorId!.Value).Distinct().ToList();
        var names = await db.Mentors.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return internships.Select(i => InternshipResponse.From(i, i.SupervisorId is { } s ? names.GetValueOrDefault(s) : null, today)).ToList();
    }
}
