using Integration.Abstractions.Validation;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Http;
using Integration.Modules.IncomeSupport.Pathways;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Plans;

/// <summary>The plan of a pathway: steps (SFI, internship, work, education) and barriers, each with its dates and version.</summary>
internal static class PlanEndpoints
{
    public const int MaxYearsAhead = 2;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/pathways/{pathwayId:guid}/steps", AddStep).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportAddStep").WithSummary("Adds a step to the pathway's plan.");
        endpoints.MapPut("/pathways/{pathwayId:guid}/steps/{stepId:guid}", UpdateStep).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportUpdateStep").WithSummary("Changes a plan step (If-Match).");
        endpoints.MapDelete("/pathways/{pathwayId:guid}/steps/{stepId:guid}", DeleteStep).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportDeleteStep").WithSummary("Removes a plan step.");
        endpoints.MapPost("/pathways/{pathwayId:guid}/barriers", AddBarrier).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportAddBarrier").WithSummary("Records a barrier to self-sufficiency.");
        endpoints.MapPut("/pathways/{pathwayId:guid}/barriers/{barrierId:guid}", UpdateBarrier).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportUpdateBarrier").WithSummary("Changes a barrier, for example when it is resolved (If-Match).");
        endpoints.MapDelete("/pathways/{pathwayId:guid}/barriers/{barrierId:guid}", DeleteBarrier).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportDeleteBarrier").WithSummary("Removes a barrier recorded by mistake.");
    }

    private static async Task<Results<Created<StepResponse>, ValidationProblem, ProblemHttpResult>> AddStep(
        Guid pathwayId, StepRequest request, HttpContext http, IncomeSupportDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Pathways.AnyAsync(p => p.Id == pathwayId, ct))
        {
            return Problems.PathwayNotFound();
        }

        var step = new PlanStep { Id = Guid.NewGuid(), PathwayId = pathwayId, Version = 1, CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (Check(request, step, clock) is { } problem)
        {
            return problem;
        }

        db.Steps.Add(step);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(step.Version);
        return TypedResults.Created($"/api/modules/{IncomeSupportModule.Id}/pathways/{pathwayId}", PathwayResponses.Step(step));
    }

    private static async Task<Results<Ok<StepResponse>, ValidationProblem, ProblemHttpResult>> UpdateStep(
        Guid pathwayId, Guid stepId, StepRequest request, HttpContext http, IncomeSupportDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var step = await db.Steps.FirstOrDefaultAsync(s => s.Id == stepId && s.PathwayId == pathwayId, ct);
        if (step is null)
        {
            return Problems.StepNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, step.Version) is { } precondition)
        {
            return precondition;
        }

        if (Check(request, step, clock) is { } problem)
        {
            return problem;
        }

        step.Version++;
        if (!await SaveAsync(db, ct))
        {
            return Versions.Stale();
        }

        http.Response.SetETag(step.Version);
        return TypedResults.Ok(PathwayResponses.Step(step));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteStep(Guid pathwayId, Guid stepId, IncomeSupportDbContext db, CancellationToken ct) =>
        await db.Steps.Where(s => s.Id == stepId && s.PathwayId == pathwayId).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : Problems.StepNotFound();

    private static async Task<Results<Created<BarrierResponse>, ValidationProblem, ProblemHttpResult>> AddBarrier(
        Guid pathwayId, BarrierRequest request, HttpContext http, IncomeSupportDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Pathways.AnyAsync(p => p.Id == pathwayId, ct))
        {
            return Problems.PathwayNotFound();
        }

        var barrier = new PlanBarrier { Id = Guid.NewGuid(), PathwayId = pathwayId, Version = 1, CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (Check(request, barrier, clock) is { } problem)
        {
            return problem;
        }

        db.Barriers.Add(barrier);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(barrier.Version);
        return TypedResults.Created($"/api/modules/{IncomeSupportModule.Id}/pathways/{pathwayId}", PathwayResponses.PlanBarrier(barrier));
    }

    private static async Task<Results<Ok<BarrierResponse>, ValidationProblem, ProblemHttpResult>> UpdateBarrier(
        Guid pathwayId, Guid barrierId, BarrierRequest request, HttpContext http, IncomeSupportDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var barrier = await db.Barriers.FirstOrDefaultAsync(b => b.Id == barrierId && b.PathwayId == pathwayId, ct);
        if (barrier is null)
        {
            return Problems.BarrierNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, barrier.Version) is { } precondition)
        {
            return precondition;
        }

        if (Check(request, barrier, clock) is { } problem)
        {
            return problem;
        }

        barrier.Version++;
        if (!await SaveAsync(db, ct))
        {
            return Versions.Stale();
        }

        http.Response.SetETag(barrier.Version);
        return TypedResults.Ok(PathwayResponses.PlanBarrier(barrier));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteBarrier(Guid pathwayId, Guid barrierId, IncomeSupportDbContext db, CancellationToken ct) =>
        await db.Barriers.Where(b => b.Id == barrierId && b.PathwayId == pathwayId).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : Problems.BarrierNotFound();

    /// <summary>Validates the request and, when it is valid, applies it to <paramref name="step"/>.</summary>
    private static ValidationProblem? Check(StepRequest request, PlanStep step, TimeProvider clock)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var kind = errors.Choice<StepKind>("kind", request.Kind, required: true);
        var start = errors.Date("startDate", request.StartDate, today, futureAllowed: true);
        errors.Require(request.StartDate is null || start <= today.AddYears(MaxYearsAhead), "startDate", FieldRules.T(
            $"Steget börjar högst {MaxYearsAhead} år framåt.", $"The step starts at most {MaxYearsAhead} years ahead."));
        errors.NotBefore("endDate", request.EndDate, start, "startDate");
        var note = errors.Text("note", request.Note, IncomeSupportDbContext.NoteLength);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        step.Kind = kind!.Value;
        step.StartDate = start;
        step.EndDate = request.EndDate;
        step.Note = note;
        return null;
    }

    private static ValidationProblem? Check(BarrierRequest request, PlanBarrier barrier, TimeProvider clock)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var kind = errors.Choice<BarrierKind>("kind", request.Kind, required: true);
        var identified = errors.Date("identifiedOn", request.IdentifiedOn, today);
        errors.NotBefore("resolvedOn", request.ResolvedOn, identified, "identifiedOn");
        errors.Require(request.ResolvedOn is null || request.ResolvedOn <= today, "resolvedOn", FieldRules.T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
        var note = errors.Text("note", request.Note, IncomeSupportDbContext.NoteLength);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        barrier.Kind = kind!.Value;
        barrier.IdentifiedOn = identified;
        barrier.ResolvedOn = request.ResolvedOn;
        barrier.Note = note;
        return null;
    }

    private static async Task<bool> SaveAsync(IncomeSupportDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
