using Integration.Abstractions.Validation;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.FollowUps;
using Integration.Modules.IncomeSupport.Http;
using Integration.Modules.IncomeSupport.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>Pathways: opened for a participant enrolled in the module, read (audited), listed and changed with their version.</summary>
internal static class PathwayEndpoints
{
    public const int MaxYearsBack = 20;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/pathways", Create).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportCreatePathway").WithSummary("Opens a participant's pathway at the first application for income support; monthly reviews start.");
        endpoints.MapGet("/pathways", List).RequireAuthorization(IncomeSupportModule.ReadPermission)
            .WithName("IncomeSupportListPathways").WithSummary("Lists pathways, by participant, household or status; each participant read is audited.");
        endpoints.MapGet("/pathways/{pathwayId:guid}", Get).RequireAuthorization(IncomeSupportModule.ReadPermission)
            .WithName("IncomeSupportGetPathway").WithSummary("A pathway with its months, plan steps and barriers; the read is audited.");
        endpoints.MapPut("/pathways/{pathwayId:guid}", Update).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportUpdatePathway").WithSummary("Changes the first application date or the household (If-Match).");
    }

    private static async Task<Results<Created<PathwayResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreatePathwayRequest request, HttpContext http, IncomeSupportDbContext db, PathwayParticipants participants, SettingsReader settings,
        PathwayEvents events, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var first = CheckFirstApplication(errors, request.FirstApplicationOn, today);
        var household = errors.Text("householdReference", request.HouseholdReference, IncomeSupportDbContext.HouseholdLength);
        var enrolled = await participants.OngoingAsync(request.ParticipantId, "participantId", errors, ct);
        if (!errors.IsEmpty || enrolled is not { } found)
        {
            return Problems.Validation(errors);
        }

        if (await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == found.ParticipantId, ct) is { } existing)
        {
            return Exists(existing.Id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pathway = new Pathway
        {
            Id = Guid.NewGuid(),
            ParticipantId = found.ParticipantId,
            EnrolmentId = found.Enrolment.Id,
            HouseholdReference = household,
            FirstApplicationOn = first,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Pathways.Add(pathway);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Exists(null);
        }

        await events.OpenedAsync(pathway, first, ct);
        http.Response.SetETag(pathway.Version);
        var required = await settings.MonthsWithoutSupportAsync(ct);
        return TypedResults.Created($"/api/modules/{IncomeSupportModule.Id}/pathways/{pathway.Id}", await PathwayResponses.OneAsync(db, pathway, required, ct));
    }

    private static async Task<Results<Ok<PathwayPage>, ValidationProblem>> List(
        Guid? participantId, string? household, string? status, int? page, int? pageSize, IncomeSupportDbContext db, PathwayParticipants participants, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var p = page ?? 1;
        var size = pageSize ?? 50;
        errors.Require(p >= 1, "page", FieldRules.T("Sidan börjar på 1.", "Pages start at 1."));
        errors.Require(size is >= 1 and <= 200, "pageSize", FieldRules.T("Sidstorleken är 1 till 200.", "The page size is 1 to 200."));
        errors.Require(status is null or PathwayResponses.Open or PathwayResponses.SelfSufficient, "status", FieldRules.T("Ange open eller selfSufficient.", "Give open or selfSufficient."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Pathways.AsNoTracking();
        query = participantId is { } id ? query.Where(x => x.ParticipantId == id) : query;
        query = string.IsNullOrWhiteSpace(household) ? query : query.Where(x => x.HouseholdReference == household.Trim());
        query = status switch
        {
            PathwayResponses.Open => query.Where(x => x.SelfSufficientOn == null),
            PathwayResponses.SelfSufficient => query.Where(x => x.SelfSufficientOn != null),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.FirstApplicationOn).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var latest = await db.Months.AsNoTracking().Where(m => ids.Contains(m.PathwayId)).GroupBy(m => m.PathwayId)
            .Select(g => new { g.Key, Month = g.Max(m => m.Month) }).ToDictionaryAsync(x => x.Key, x => x.Month, ct);
        await participants.ReadAsync(rows.Select(r => r.ParticipantId), ct);
        var items = rows.Select(r => new PathwaySummary(
            r.Id, r.ParticipantId, r.HouseholdReference, r.FirstApplicationOn, PathwayResponses.Status(r), r.SelfSufficientOn,
            latest.TryGetValue(r.Id, out var m) ? m.MonthText() : null, r.Version)).ToList();
        return TypedResults.Ok(new PathwayPage(items, p, size, total));
    }

    private static async Task<Results<Ok<PathwayResponse>, ProblemHttpResult>> Get(
        Guid pathwayId, HttpContext http, IncomeSupportDbContext db, PathwayParticipants participants, SettingsReader settings, CancellationToken ct)
    {
        var pathway = await db.Pathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pathwayId, ct);
        if (pathway is null)
        {
            return Problems.PathwayNotFound();
        }

        await participants.ReadAsync([pathway.ParticipantId], ct);
        http.Response.SetETag(pathway.Version);
        return TypedResults.Ok(await PathwayResponses.OneAsync(db, pathway, await settings.MonthsWithoutSupportAsync(ct), ct));
    }

    private static async Task<Results<Ok<PathwayResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid pathwayId, UpdatePathwayRequest request, HttpContext http, IncomeSupportDbContext db, SettingsReader settings, PathwayState state,
        TimeProvider clock, CancellationToken ct)
    {
        var pathway = await db.Pathways.FirstOrDefaultAsync(p => p.Id == pathwayId, ct);
        if (pathway is null)
        {
            return Problems.PathwayNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, pathway.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = new FieldErrors();
        var first = CheckFirstApplication(errors, request.FirstApplicationOn, clock.Today());
        var household = errors.Text("householdReference", request.HouseholdReference, IncomeSupportDbContext.HouseholdLength);
        var months = await state.MonthsAsync(pathway.Id, ct);
        if (request.FirstApplicationOn is not null && months.Count > 0 && months.Min(m => m.Month) < first.FirstOfMonth())
        {
            errors.Add("firstApplicationOn", FieldRules.T(
                $"Det finns månader registrerade från {months.Min(m => m.Month).MonthText()}; ansökan kan inte ligga efter dem.",
                $"Months are recorded from {months.Min(m => m.Month).MonthText()}; the application cannot come after them."));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        pathway.FirstApplicationOn = first;
        pathway.HouseholdReference = household;
        var change = PathwayState.Apply(pathway, months, await settings.MonthsWithoutSupportAsync(ct));
        return await SaveAsync(pathway, change, months, http, db, settings, state, clock, ct);
    }

    /// <summary>Saves a change of the pathway as a new version, then records the outcome and moves the reviews.</summary>
    public static async Task<Results<Ok<PathwayResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Pathway pathway, PathwayState.Change change, List<MonthlyStatus> months, HttpContext http, IncomeSupportDbContext db, SettingsReader settings,
        PathwayState state, TimeProvider clock, CancellationToken ct)
    {
        pathway.Version++;
        pathway.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(
                "Samma månad registrerades samtidigt av någon annan. Läs vägen igen.",
                "The same month was recorded by someone else at the same time. Read the pathway again.");
        }

        await state.AfterSaveAsync(pathway, change, months, ct);
        http.Response.SetETag(pathway.Version);
        return TypedResults.Ok(await PathwayResponses.OneAsync(db, pathway, await settings.MonthsWithoutSupportAsync(ct), ct));
    }

    private static DateOnly CheckFirstApplication(FieldErrors errors, DateOnly? value, DateOnly today)
    {
        var first = errors.Date("firstApplicationOn", value, today);
        errors.Require(value is null || first >= today.AddYears(-MaxYearsBack), "firstApplicationOn", FieldRules.T(
            $"Ansökan kan ligga högst {MaxYearsBack} år tillbaka.", $"The application is at most {MaxYearsBack} years back."));
        return first;
    }

    private static ProblemHttpResult Exists(Guid? id) => Problems.Conflict(
        $"Deltagaren har redan en väg mot självförsörjning{(id is null ? string.Empty : $" ({id})")}: registrera månaderna där.",
        $"The participant already has a pathway{(id is null ? string.Empty : $" ({id})")}: record the months there.");
}
