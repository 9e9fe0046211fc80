using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Jobs;

/// <summary><c>GET /api/tenants/{tenantId}/jobs</c>: a tenant admin follows the tenant's own job runs.</summary>
internal static class JobRunEndpoints
{
    public static void MapJobRunEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tenants/{tenantId:guid}/jobs", List)
            .RequireAuthorization(Policies.TenantAdmin)
            .WithTags("Jobs")
            .WithName("ListJobRuns")
            .WithSummary("Lists the tenant's module job runs, newest first: running, succeeded, failed (with the error) or skipped (with the reason).");
    }

    private static async Task<Results<Ok<Page<JobRunResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid tenantId, string? moduleId, string? state, int? page, int? pageSize, IntegrationDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var stateFilter = QueryValues.ParseEnum<JobRunState>(state, "state", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
        {
            return TenantRouteGuardMiddleware.TenantNotFound();
        }

        var query = db.JobRuns.AsNoTracking().Where(r => r.TenantId == tenantId);
        if (!string.IsNullOrEmpty(moduleId))
        {
            query = query.Where(r => r.ModuleId == moduleId);
        }

        if (stateFilter is { } wanted)
        {
            query = query.Where(r => r.State == wanted);
        }

        var total = await query.CountAsync(ct);
        var runs = await query.OrderByDescending(r => r.StartedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<JobRunResponse>(runs.Select(JobRunResponse.From).ToList(), p, size, total));
    }
}

/// <summary>A job run.</summary>
public sealed record JobRunResponse(Guid Id, string ModuleId, string JobName, string? BackgroundJobId, JobRunState State, string? Detail, DateTime StartedAt, DateTime? FinishedAt)
{
    public static JobRunResponse From(JobRun r) => new(r.Id, r.ModuleId, r.JobName, r.BackgroundJobId, r.State, r.Detail, r.StartedAt, r.FinishedAt);
}
