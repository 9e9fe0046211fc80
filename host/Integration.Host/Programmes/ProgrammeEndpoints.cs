using System.Text.Json;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Modules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Programmes;

/// <summary><c>/api/programmes</c>: the funded projects of the caller's tenant.</summary>
internal static class ProgrammeEndpoints
{
    public static void MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/api/programmes").WithTags("Programmes").RequireAuthorization(Policies.TenantStaff);
        programmes.MapPost("/", Create).RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("CreateProgramme").WithSummary("Creates a programme (tenant admin).");
        programmes.MapGet("/", List)
            .WithName("ListProgrammes").WithSummary("Lists the tenant's programmes, open ones first; filter by status.");
        programmes.MapGet("/{programmeId:guid}", Get)
            .WithName("GetProgramme").WithSummary("Reads a programme with its participants counted by gender; the ETag is its version.");
        programmes.MapPut("/{programmeId:guid}", Update).RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("UpdateProgramme").WithSummary("Updates a programme; needs If-Match with the version read (412 when stale).");
        programmes.MapPost("/{programmeId:guid}/close", Close).RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("CloseProgramme").WithSummary("Closes a programme to new enrolments; needs If-Match.");
        programmes.MapPost("/{programmeId:guid}/reopen", Reopen).RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("ReopenProgramme").WithSummary("Opens a closed programme again; needs If-Match.");
    }

    private static async Task<Results<Created<ProgrammeResponse>, ValidationProblem>> Create(
        ProgrammeRequest request, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(catalog);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var programme = new Programme { Id = Guid.NewGuid(), Name = string.Empty, Status = ProgrammeStatus.Open, Version = 1, CreatedAt = now, UpdatedAt = now };
        request.ApplyTo(programme);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(programme.Version);
        return TypedResults.Created($"/api/programmes/{programme.Id}", ProgrammeResponse.From(programme, new Dictionary<string, int>()));
    }

    private static async Task<Results<Ok<Page<ProgrammeResponse>>, ValidationProblem>> List(
        string? status, int? page, int? pageSize, IntegrationDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var wanted = QueryValues.ParseEnum<ProgrammeStatus>(status, "status", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Programmes.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(x => x.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.Status).ThenByDescending(x => x.PeriodStart).ThenBy(x => x.Name)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var counts = await CountsAsync(db, items.Select(x => x.Id).ToList(), ct);
        return TypedResults.Ok(new Page<ProgrammeResponse>(
            items.Select(x => ProgrammeResponse.From(x, counts.GetValueOrDefault(x.Id) ?? new Dictionary<string, int>())).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<ProgrammeResponse>, ProblemHttpResult>> Get(Guid programmeId, HttpContext http, IntegrationDbContext db, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (programme is null)
        {
            return NotFound();
        }

        http.Response.SetETag(programme.Version);
        return TypedResults.Ok(await ResponseAsync(db, programme, ct));
    }

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid programmeId, ProgrammeRequest request, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (programme is null)
        {
            return NotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, programme.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(catalog);
        var removed = programme.ModuleIds.Except(request.ModuleIds ?? []).ToList();
        foreach (var module in removed)
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == programmeId && e.ModuleId == module, ct))
            {
                errors.Add("moduleIds", LocalizedText.Pick(
                    $"Modulen '{module}' har inskrivningar i programmet och kan inte tas bort.",
                    $"The module '{module}' has enrolments in the programme and cannot be removed."));
            }
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        request.ApplyTo(programme);
        return await SaveAsync(http, db, programme, clock, ct);
    }

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> Close(
        Guid programmeId, CloseProgrammeRequest? request, HttpContext http, IntegrationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (programme is null)
        {
            return NotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, programme.Version) is { } precondition)
        {
            return precondition;
        }

        var closedOn = request?.ClosedOn ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (closedOn < programme.PeriodStart)
        {
            return Problems.Field("closedOn", "Programmet kan inte stängas före periodens början.", "The programme cannot close before its period starts.");
        }

        programme.Status = ProgrammeStatus.Closed;
        programme.ClosedOn = closedOn;
        return await SaveAsync(http, db, programme, clock, ct);
    }

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> Reopen(
        Guid programmeId, HttpContext http, IntegrationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (programme is null)
        {
            return NotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, programme.Version) is { } precondition)
        {
            return precondition;
        }

        programme.Status = ProgrammeStatus.Open;
        programme.ClosedOn = null;
        return await SaveAsync(http, db, programme, clock, ct);
    }

    private static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HttpContext http, IntegrationDbContext db, Programme programme, TimeProvider clock, CancellationToken ct)
    {
        programme.Version++;
        programme.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versioning.Stale();
        }

        http.Response.SetETag(programme.Version);
        return TypedResults.Ok(await ResponseAsync(db, programme, ct));
    }

    private static async Task<ProgrammeResponse> ResponseAsync(IntegrationDbContext db, Programme programme, CancellationToken ct) =>
        ProgrammeResponse.From(programme, (await CountsAsync(db, [programme.Id], ct)).GetValueOrDefault(programme.Id) ?? new Dictionary<string, int>());

    /// <summary>Participants who have started, per programme and gender, one per person (ESF+ counting).</summary>
    private static async Task<Dictionary<Guid, Dictionary<string, int>?>> CountsAsync(IntegrationDbContext db, List<Guid> programmeIds, CancellationToken ct)
    {
        var rows = await (
            from participation in db.Participations
            join participant in db.Participants on participation.ParticipantId equals participant.Id
            where programmeIds.Contains(participation.ProgrammeId) && participation.FirstStart != null
            group participation by new { participation.ProgrammeId, participant.Gender } into g
            select new { g.Key.ProgrammeId, g.Key.Gender, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.ProgrammeId).ToDictionary(
            g => g.Key,
            g => (Dictionary<string, int>?)g.ToDictionary(r => JsonNamingPolicy.CamelCase.ConvertName(r.Gender.ToString()), r => r.Count));
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("Programmet finns inte.", "The programme does not exist.");
}
