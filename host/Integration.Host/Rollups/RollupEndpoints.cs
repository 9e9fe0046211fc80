using System.Globalization;
using System.Text;
using Hangfire;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Rollups;

/// <summary><c>/api/rollups</c>: runs on demand with progress, and the published figures, exact for tenant admins and suppressed for everyone else and every export.</summary>
internal static class RollupEndpoints
{
    public static void MapRollupEndpoints(this IEndpointRouteBuilder app)
    {
        var rollups = app.MapGroup("/api/rollups").WithTags("Rollups").RequireAuthorization(Policies.TenantStaff);
        rollups.MapGet("/", Read).WithName("ReadRollups")
            .WithSummary("A programme's figures for a period (2026-11, 2026-Q4, 2026 or ptd), grouped by gender, ageBand and/or module, with planned against actual participants.");
        rollups.MapGet("/export", Export).WithName("ExportRollups").WithSummary("The same figures as CSV, always with small numbers suppressed.");
        rollups.MapPost("/run", Run).RequireAuthorization(Policies.TenantRecordsAdmin).WithName("RunRollups")
            .WithSummary("Computes the figures now (one programme or all, one period or the default set); returns the run to follow.");
        rollups.MapGet("/runs/{runId:guid}", GetRun).WithName("GetRollupRun").WithSummary("A rollup run's state and progress.");
    }

    private static async Task<Results<Ok<RollupReportResponse>, ValidationProblem>> Read(
        Guid? programmeId, string? period, string? groupBy, HttpContext http, IntegrationDbContext db, RollupReport report, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await ParseAsync(programmeId, period, groupBy, db, clock, ct);
        if (problem is not null)
        {
            return problem;
        }

        var suppress = !http.User.IsInRole(StaffRoles.TenantAdmin);
        return TypedResults.Ok(await report.BuildAsync(request!.Value.Programme, request.Value.Period, request.Value.GroupBy, suppress, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        Guid? programmeId, string? period, string? groupBy, IntegrationDbContext db, RollupReport report, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await ParseAsync(programmeId, period, groupBy, db, clock, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (programme, parsedPeriod, grouping) = request!.Value;
        var figures = await report.BuildAsync(programme, parsedPeriod, grouping, suppress: true, ct);
        var csv = new StringBuilder();
        csv.AppendLine("programme;period;module;gender;ageBand;measure;value");
        foreach (var row in figures.Rows.Select(r => (r.Module, Gender: r.Gender?.ToString(), AgeBand: r.AgeBand?.ToString(), r.Figures))
            .Append((Module: "*", Gender: "*", AgeBand: "*", Figures: figures.Total)))
        {
            foreach (var measure in figures.Measures)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Escape(programme.Name)};{figures.Period};{row.Module ?? "*"};{row.Gender ?? "*"};{row.AgeBand ?? "*"};{measure.Id};{row.Figures[measure.Id].Display}\n");
            }
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"rollup-{figures.Period}.csv");
    }

    private static async Task<Results<Accepted<RollupRunResponse>, ValidationProblem>> Run(
        RunRollupsRequest? request, HttpContext http, IntegrationDbContext db, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (request?.ProgrammeId is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId, ct))
        {
            errors.Add("programmeId", T("Programmet finns inte.", "The programme does not exist."));
        }

        string? periodKey = null;
        if (request?.Period is { } text)
        {
            if (RollupPeriod.TryParse(text, today, today, out var parsed))
            {
                periodKey = parsed.Key;
            }
            else
            {
                errors.Add("period", PeriodMessage());
            }
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var run = await RollupJob.QueueAsync(db, jobs, request?.ProgrammeId, periodKey, RollupTrigger.OnDemand, http.User.GetUserId(), clock, ct);
        return TypedResults.Accepted($"/api/rollups/runs/{run.Id}", RollupRunResponse.From(run));
    }

    private static async Task<Results<Ok<RollupRunResponse>, ProblemHttpResult>> GetRun(Guid runId, IntegrationDbContext db, CancellationToken ct)
    {
        var run = await db.RollupRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        return run is null ? Problems.NotFound("Körningen finns inte.", "The run does not exist.") : TypedResults.Ok(RollupRunResponse.From(run));
    }

    private static async Task<((Programmes.Programme Programme, RollupPeriod Period, IReadOnlySet<string> GroupBy)? Request, ValidationProblem? Problem)> ParseAsync(
        Guid? programmeId, string? period, string? groupBy, IntegrationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var programme = programmeId is { } id ? await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        errors.Require(programme is not null, "programmeId", programmeId is null ? T("Ange programmet.", "Give the programme.") : T("Programmet finns inte.", "The programme does not exist."));
        var dimensions = (groupBy ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = dimensions.Where(d => !RollupReport.Dimensions.Contains(d, StringComparer.Ordinal)).ToList();
        errors.Require(unknown.Count == 0, "groupBy", T($"Okänd gruppering: {string.Join(", ", unknown)}; möjliga: gender, ageBand, module.", $"Unknown grouping: {string.Join(", ", unknown)}; possible: gender, ageBand, module."));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RollupPeriod? parsed = null;
        if (programme is not null && !RollupPeriod.TryParse(period ?? RollupPeriod.ProgrammeToDate, programme.PeriodStart, today, out parsed))
        {
            errors.Add("period", PeriodMessage());
        }

        return errors.IsEmpty
            ? ((programme!, parsed!, dimensions.ToHashSet(StringComparer.Ordinal)), null)
            : (null, Problems.Validation(errors));
    }

    /// <summary>A CSV field: quoted when it holds a separator, quote or line break; a leading =, +, - or @ is made text so that a spreadsheet does not run it.</summary>
    private static string Escape(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static string PeriodMessage() => T(
        "Ange perioden som månad (2026-11), kvartal (2026-Q4), år (2026) eller ptd (programmet hittills).",
        "Give the period as a month (2026-11), a quarter (2026-Q4), a year (2026) or ptd (programme to date).");

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);
}

/// <summary>What to compute: one programme or all, one period or the default set.</summary>
public sealed record RunRollupsRequest(Guid? ProgrammeId, string? Period);

/// <summary>A rollup run.</summary>
/// <param name="Done">Programme periods published so far, of <paramref name="Total"/>.</param>
public sealed record RollupRunResponse(Guid Id, Guid? ProgrammeId, string? Period, RollupRunState State, RollupTrigger Trigger, int Total, int Done, string? Error, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    internal static RollupRunResponse From(RollupRun r) => new(r.Id, r.ProgrammeId, r.Period, r.State, r.Trigger, r.Total, r.Done, r.Error, r.CreatedAt, r.StartedAt, r.FinishedAt);
}
