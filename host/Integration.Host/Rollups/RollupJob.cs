using Autofac;
using Hangfire;
using Integration.Host.Data;
using Integration.Host.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Rollups;

/// <summary>
/// Executes rollup runs (<see cref="RollupRun"/> rows) and, nightly, queues one run per tenant. A run only ever
/// replaces whole periods, so running it again after a restart or a retry is safe.
/// </summary>
public sealed class RollupJob(ILifetimeScope scope, StartupGate startup, TimeProvider clock, ILogger<RollupJob> logger)
{
    /// <summary>The stable id of the nightly recurring job.</summary>
    public const string NightlyId = "core:rollups-nightly";

    /// <summary>Runs one run to its end.</summary>
    [JobDisplayName("core:rollups (run {0})")]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);
        await using var runScope = scope.BeginLifetimeScope();
        var db = runScope.Resolve<IntegrationDbContext>();
        var run = await db.RollupRuns.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.State == RollupRunState.Succeeded)
        {
            return;
        }

        runScope.Resolve<CurrentTenant>().Use(run.TenantId);
        var runs = db.RollupRuns.Where(r => r.Id == runId);
        try
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var programmes = await db.Programmes.AsNoTracking().Where(p => run.ProgrammeId == null || p.Id == run.ProgrammeId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
            var keys = run.Period is { } period ? [period] : RollupPeriod.DefaultKeys(today);
            var started = clock.GetUtcNow().UtcDateTime;
            await runs.ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RollupRunState.Running).SetProperty(r => r.StartedAt, started)
                .SetProperty(r => r.Total, programmes.Count * keys.Count).SetProperty(r => r.Done, 0).SetProperty(r => r.Error, (string?)null), cancellationToken);

            var calculator = runScope.Resolve<RollupCalculator>();
            foreach (var programme in programmes)
            {
                var periods = keys.Select(k => RollupPeriod.TryParse(k, programme.PeriodStart, today, out var p) ? p : throw new InvalidOperationException($"Period '{k}' is not valid.")).ToList();
                await calculator.PublishAsync(programme, periods, run.Id, cancellationToken);
                await runs.ExecuteUpdateAsync(u => u.SetProperty(r => r.Done, r => r.Done + periods.Count), cancellationToken);
            }

            var finished = clock.GetUtcNow().UtcDateTime;
            await runs.ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RollupRunState.Succeeded).SetProperty(r => r.FinishedAt, finished), cancellationToken);
            logger.LogInformation("Rollup run {RunId} for tenant {TenantId}: {Programmes} programme(s), periods {Periods}", runId, run.TenantId, programmes.Count, string.Join(", ", keys));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = $"{ex.GetType().Name}: {ex.Message}";
            var finished = clock.GetUtcNow().UtcDateTime;
            await runs.ExecuteUpdateAsync(
                u => u.SetProperty(r => r.State, RollupRunState.Failed).SetProperty(r => r.Error, error.Length > 1000 ? error[..1000] : error).SetProperty(r => r.FinishedAt, finished),
                CancellationToken.None);
            logger.LogError(ex, "Rollup run {RunId} failed", runId);
            throw;
        }
    }

    /// <summary>Queues a run of the default periods for every tenant with programmes.</summary>
    [JobDisplayName("core:rollups-nightly")]
    [AutomaticRetry(Attempts = 2)]
    public async Task NightlyAsync(CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);
        List<Guid> tenants;
        await using (var lookup = scope.BeginLifetimeScope())
        {
            tenants = await lookup.Resolve<IntegrationDbContext>().Programmes.IgnoreQueryFilters().Select(p => p.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var tenantId in tenants)
        {
            await using var tenantScope = scope.BeginLifetimeScope();
            tenantScope.Resolve<CurrentTenant>().Use(tenantId);
            await QueueAsync(tenantScope.Resolve<IntegrationDbContext>(), tenantScope.Resolve<IBackgroundJobClient>(), null, null, RollupTrigger.Nightly, null, clock, cancellationToken);
        }
    }

    /// <summary>Saves a run row for the current tenant, then hands it to Hangfire.</summary>
    internal static async Task<RollupRun> QueueAsync(
        IntegrationDbContext db, IBackgroundJobClient jobs, Guid? programmeId, string? period, RollupTrigger trigger, Guid? requestedBy, TimeProvider clock, CancellationToken ct)
    {
        var run = new RollupRun
        {
            Id = Guid.NewGuid(),
            ProgrammeId = programmeId,
            Period = period,
            State = RollupRunState.Queued,
            Trigger = trigger,
            RequestedById = requestedBy,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RollupRuns.Add(run);
        await db.SaveChangesAsync(ct);
        run.BackgroundJobId = jobs.Enqueue<RollupJob>(j => j.RunAsync(run.Id, CancellationToken.None));
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>At start-up: runs queued or cut off by the last stop are handed to Hangfire again (its queue is in memory).</summary>
    internal static async Task ResumePendingAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var resume = services.CreateAsyncScope();
        var pending = await resume.ServiceProvider.GetRequiredService<IntegrationDbContext>().RollupRuns.IgnoreQueryFilters()
            .Where(r => r.State == RollupRunState.Queued || r.State == RollupRunState.Running)
            .Select(r => r.Id)
            .ToListAsync(ct);
        var jobs = resume.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        foreach (var id in pending)
        {
            jobs.Enqueue<RollupJob>(j => j.RunAsync(id, CancellationToken.None));
        }
    }
}
