using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Mentors;

/// <summary><c>/mentors</c>: language buddies, workplace supervisors and lead supervisors.</summary>
internal static class MentorEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var mentors = endpoints.MapGroup("/mentors");
        mentors.MapPost("/", Create).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringCreateMentor").WithSummary("Registers a mentor: kind, gender, languages, sectors, availability and capacity.");
        mentors.MapGet("/", List).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringListMentors").WithSummary("Lists and searches mentors by name, kind, language, sector, active and free places, paged.");
        mentors.MapGet("/{mentorId:guid}", Get).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringGetMentor").WithSummary("Reads a mentor with their active matches and free places; the ETag is its version.");
        mentors.MapPut("/{mentorId:guid}", Update).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringUpdateMentor").WithSummary("Changes a mentor; needs If-Match. Capacity cannot go below the active matches.");
        mentors.MapDelete("/{mentorId:guid}", Delete).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringDeleteMentor").WithSummary("Removes a mentor who has never been matched nor supervised an internship; otherwise deactivate them.");
    }

    /// <summary>How many of the mentor's matches are active now.</summary>
    public static Task<int> ActiveMatchesAsync(MentoringDbContext db, Guid mentorId, CancellationToken ct) =>
        db.Matches.CountAsync(m => m.MentorId == mentorId && m.Status == MatchStatus.Active, ct);

    private static async Task<Results<Created<MentorResponse>, ValidationProblem>> Create(MentorRequest request, HttpContext http, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(out var mentor);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        mentor.Id = Guid.NewGuid();
        mentor.Version = 1;
        mentor.CreatedAt = mentor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Mentors.Add(mentor);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(mentor.Version);
        return TypedResults.Created($"/api/modules/{MentoringModule.Id}/mentors/{mentor.Id}", MentorResponse.From(mentor, 0));
    }

    private static async Task<Results<Ok<MentoringPage<MentorResponse>>, ValidationProblem>> List(
        string? q, string? kind, string? language, string? sector, bool? active, bool? hasFreePlace, int? page, int? pageSize, MentoringDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Pages.Check(page, pageSize, errors);
        var wantedKind = errors.Choice<MentorKind>("kind", kind, required: false);
        var wantedSector = errors.Choice<Sector>("sector", sector, required: false);
        var code = errors.Language("language", language, required: false);
        var text = errors.Text("q", q, MentoringDbContext.TextLength, required: false);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Mentors.AsNoTracking();
        if (text is not null)
        {
            // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            var lowered = text.ToLowerInvariant();
            var pattern = "%" + lowered.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(): the culture of this process plays no part.
            query = query.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, "\\") || (m.Organisation != null && EF.Functions.Like(m.Organisation.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
        }

        query = wantedKind is { } k ? query.Where(m => m.Kind == k) : query;
        query = wantedSector is { } s ? query.Where(m => m.Sectors.Contains(s)) : query;
        query = code is not null ? query.Where(m => m.Languages.Contains(code)) : query;
        query = active is { } a ? query.Where(m => m.Active == a) : query;
        if (hasFreePlace is { } free)
        {
            query = query.Where(m => (db.Matches.Count(x => x.MentorId == m.Id && x.Status == MatchStatus.Active) < m.Capacity) == free);
        }

        var ordered = query.OrderBy(m => m.Name).ThenBy(m => m.Id);
        return TypedResults.Ok(await Pages.ReadAsync(ordered, p, size, rows => ResponsesAsync(db, rows, ct), ct));
    }

    public static async Task<List<MentorResponse>> ResponsesAsync(MentoringDbContext db, List<Mentor> mentors, CancellationToken ct)
    {
        var ids = mentors.Select(m => m.Id).ToList();
        var active = await db.Matches.AsNoTracking().Where(m => ids.Contains(m.MentorId) && m.Status == MatchStatus.Active)
            .GroupBy(m => m.MentorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return mentors.Select(m => MentorResponse.From(m, active.GetValueOrDefault(m.Id))).ToList();
    }

    private static async Task<Results<Ok<MentorResponse>, ProblemHttpResult>> Get(Guid mentorId, HttpContext http, MentoringDbContext db, CancellationToken ct)
    {
        var mentor = await db.Mentors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mentorId, ct);
        if (mentor is null)
        {
            return Problems.MentorNotFound();
        }

        http.Response.SetETag(mentor.Version);
        return TypedResults.Ok(MentorResponse.From(mentor, await ActiveMatchesAsync(db, mentorId, ct)));
    }

    private static async Task<Results<Ok<MentorResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid mentorId, MentorRequest request, HttpContext http, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var mentor = await db.Mentors.FirstOrDefaultAsync(m => m.Id == mentorId, ct);
        if (mentor is null)
        {
            return Problems.MentorNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, mentor.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(out var values);
        var activeMatches = await ActiveMatchesAsync(db, mentorId, ct);
        errors.Require(request.Capacity is null || values.Capacity >= activeMatches, "capacity", FieldRules.T(
            $"Mentorn har {activeMatches} aktiva matchningar; pausa eller avsluta några innan kapaciteten sänks.",
            $"The mentor has {activeMatches} active matches; pause or end some before lowering the capacity."));
        if (!values.Active && mentor.Active)
        {
            var open = await db.Matches.AnyAsync(m => m.MentorId == mentorId && m.Status != MatchStatus.Ended, ct);
            errors.Require(!open, "active", FieldRules.T(
                "Mentorn har pågående eller pausade matchningar; avsluta dem först.", "The mentor has active or paused matches; end them first."));
        }

        if (mentor.Kind == MentorKind.WorkplaceSupervisor && values.Kind != MentorKind.WorkplaceSupervisor)
        {
            var supervising = await db.Internships.AnyAsync(i => i.SupervisorId == mentorId && i.EndedOn == null, ct);
            errors.Require(!supervising, "kind", FieldRules.T(
                "Mentorn är handledare för en pågående praktik.", "The mentor supervises an ongoing internship."));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        mentor.Name = values.Name;
        mentor.Kind = values.Kind;
        mentor.Gender = values.Gender;
        mentor.Languages = values.Languages;
        mentor.Sectors = values.Sectors;
        mentor.Organisation = values.Organisation;
        mentor.Availability = values.Availability;
        mentor.Weekdays = values.Weekdays;
        mentor.Capacity = values.Capacity;
        mentor.Active = values.Active;
        mentor.Version++;
        mentor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await db.SaveOrStaleAsync(ct) is { } stale)
        {
            return stale;
        }

        http.Response.SetETag(mentor.Version);
        return TypedResults.Ok(MentorResponse.From(mentor, activeMatches));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid mentorId, MentoringDbContext db, CancellationToken ct)
    {
        var mentor = await db.Mentors.FirstOrDefaultAsync(m => m.Id == mentorId, ct);
        if (mentor is null)
        {
            return Problems.MentorNotFound();
        }

        if (await db.Matches.AnyAsync(m => m.MentorId == mentorId, ct) || await db.Internships.AnyAsync(i => i.SupervisorId == mentorId, ct))
        {
            return Problems.Conflict(
                "Mentorn har matchningar eller praktiker i historiken och tas inte bort; gör mentorn inaktiv i stället.",
                "The mentor has matches or internships on record and is not removed; make the mentor inactive instead.");
        }

        db.Mentors.Remove(mentor);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
