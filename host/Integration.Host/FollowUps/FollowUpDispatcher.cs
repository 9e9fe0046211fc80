using Autofac;
using Hangfire;
using Integration.Abstractions.FollowUps;
using Integration.Host.Configuration;
using Integration.Host.Data;
using Integration.Host.Jobs;
using Integration.Host.Modules;
using Integration.Host.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// The recurring dispatcher: holds follow-ups that may not be dispatched (module disabled, consent withdrawn), makes
/// due follow-ups due, marks those past the grace period overdue and those past the window missed, and writes one
/// notification per change to the outbox, then hands the outbox to <see cref="NotificationSender"/>.
/// </summary>
/// <remarks>
/// Every change is a conditional update (<c>WHERE State = 'Scheduled'</c>) that stamps the rows with this run's token,
/// committed in one transaction with the notifications of exactly the rows it changed. A run killed midway leaves
/// whole batches done and the rest untouched; two dispatchers never change the same row, so nothing is notified twice.
/// </remarks>
public sealed class FollowUpDispatcher(ILifetimeScope scope, StartupGate startup, IntegrationSettings settings, TimeProvider clock, ILogger<FollowUpDispatcher> logger)
{
    /// <summary>The stable id of the recurring job.</summary>
    public const string RecurringId = "core:follow-up-dispatcher";

    /// <summary>One run over every tenant with work.</summary>
    [JobDisplayName("core:follow-up-dispatcher")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<DispatchReport> RunAsync(CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var overdueOn = today.AddDays(-settings.FollowUps.OverdueAfterDays);
        var missedOn = today.AddDays(-settings.FollowUps.MissedAfterDays);

        List<Guid> tenants;
        await using (var lookup = scope.BeginLifetimeScope())
        {
            var db = lookup.Resolve<IntegrationDbContext>();
            tenants = await db.FollowUps.IgnoreQueryFilters()
                .Where(f => (f.State == FollowUpState.Scheduled && f.DueOn <= today) || (f.State == FollowUpState.Due && f.DueOn <= overdueOn))
                .Select(f => f.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        var report = new DispatchReport();
        foreach (var tenantId in tenants)
        {
            // One tenant's failure is logged and retried by the next run; it does not hold up the other tenants.
            try
            {
                await using var tenantScope = scope.BeginLifetimeScope();
                tenantScope.Resolve<CurrentTenant>().Use(tenantId);
                await new TenantDispatch(tenantScope, tenantId, today, overdueOn, missedOn, settings.FollowUps.BatchSize, clock).RunAsync(report, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                report.FailedTenants++;
                logger.LogError(ex, "Follow-up dispatch for tenant {TenantId} failed; the next run tries again", tenantId);
            }
        }

        await using (var sending = scope.BeginLifetimeScope())
        {
            report.NotificationsSent = await sending.Resolve<NotificationSender>().SendPendingAsync(cancellationToken);
        }

        var changed = report.MadeDue + report.Overdue + report.Missed + report.Held;
        if (changed >= BatchMemory.LargeBatchRows)
        {
            BatchMemory.Release();
        }

        if (changed > 0)
        {
            logger.LogInformation(
                "Follow-ups dispatched: {Due} due, {Overdue} overdue, {Missed} missed, {Held} held, {Sent} e-mail(s) sent, {Tenants} tenant(s)",
                report.MadeDue, report.Overdue, report.Missed, report.Held, report.NotificationsSent, tenants.Count);
        }

        return report;
    }

    private sealed class TenantDispatch(ILifetimeScope scope, Guid tenantId, DateOnly today, DateOnly overdueOn, DateOnly missedOn, int batchSize, TimeProvider clock)
    {
        private readonly IntegrationDbContext db = scope.Resolve<IntegrationDbContext>();

        // The outbox rows of a batch are written as one multi-row statement in the batch's transaction, not one by one
        // through the change tracker: a run may make thousands of follow-ups due.
        private readonly BulkInsert<Notification> notifications = new(scope.Resolve<IntegrationDbContext>());

        public async Task RunAsync(DispatchReport report, CancellationToken ct)
        {
            report.Held += await HoldAsync(ct);
            var repeating = (await scope.Resolve<FollowUpPolicies>().ForTenantAsync(ct))
                .Where(p => p.Enabled && p.RepeatEvery is not null)
                .ToDictionary(p => p.Policy.Id, p => p.RepeatEvery!.Value, StringComparer.Ordinal);
            report.MadeDue += await ClaimAsync(
                db.FollowUps.Where(f => f.State == FollowUpState.Scheduled && f.HoldReason == null && f.DueOn <= today),
                NotificationKind.Due, repeating, ct);
            report.Overdue += await ClaimAsync(
                db.FollowUps.Where(f => f.State == FollowUpState.Due && f.OverdueAt == null && f.DueOn <= overdueOn),
                NotificationKind.Overdue, repeating, ct);

            var now = clock.GetUtcNow().UtcDateTime;
            report.Missed += await TransientConflicts.RetryAsync(db, () => db.FollowUps
                .Where(f => f.State == FollowUpState.Due && f.DueOn <= missedOn)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FollowUpState.Missed).SetProperty(f => f.ClosedAt, now).SetProperty(f => f.Version, f => f.Version + 1), ct));
        }

        /// <summary>Sets or clears the hold reason of follow-ups that have come due; returns how many are held.</summary>
        private async Task<int> HoldAsync(CancellationToken ct)
        {
            var catalog = scope.Resolve<ModuleCatalog>();
            var enablement = scope.Resolve<ModuleEnablement>();
            var modules = await db.FollowUps.Where(f => f.State == FollowUpState.Scheduled && f.DueOn <= today && f.ModuleId != null)
                .Select(f => f.ModuleId!).Distinct().ToListAsync(ct);
            var disabled = new List<string>();
            foreach (var moduleId in modules)
            {
                if (!catalog.IsAvailable(moduleId) || !await enablement.IsEnabledAsync(tenantId, moduleId, ct))
                {
                    disabled.Add(moduleId);
                }
            }

            // Only rows whose reason changes are written: a module switched off for months is not rewritten every minute.
            var scheduled = db.FollowUps.Where(f => f.State == FollowUpState.Scheduled && f.DueOn <= today);
            var withdrawn = FollowUpConsent.WithdrawnParticipants(db, today);
            await TransientConflicts.RetryAsync(db, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await scheduled.Where(f => (f.HoldReason == FollowUpHoldReason.ModuleDisabled && !disabled.Contains(f.ModuleId!))
                        || (f.HoldReason == FollowUpHoldReason.ConsentWithdrawn && !withdrawn.Contains(f.ParticipantId)))
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.HoldReason, (FollowUpHoldReason?)null), ct);
                await scheduled.Where(f => f.HoldReason != FollowUpHoldReason.ModuleDisabled && disabled.Contains(f.ModuleId!))
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.HoldReason, FollowUpHoldReason.ModuleDisabled), ct);
                await scheduled.Where(f => f.HoldReason == null && withdrawn.Contains(f.ParticipantId))
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.HoldReason, FollowUpHoldReason.ConsentWithdrawn), ct);
                await transaction.CommitAsync(ct);
            });
            return await scheduled.CountAsync(f => f.HoldReason != null, ct);
        }

        /// <summary>Moves the matching follow-ups a batch at a time, each batch with its notifications in one transaction.</summary>
        private async Task<int> ClaimAsync(IQueryable<FollowUp> candidates, NotificationKind kind, IReadOnlyDictionary<string, FollowUpOffset> repeating, CancellationToken ct)
        {
            var total = 0;
            while (true)
            {
                var (found, claimed) = await TransientConflicts.RetryAsync(db, () => ClaimBatchAsync(candidates, kind, repeating, ct));
                total += claimed;
                if (found < batchSize)
                {
                    return total;
                }
            }
        }

        /// <summary>One batch: how many candidates it found, and how many of them it moved (another dispatcher may have moved the rest).</summary>
        private async Task<(int Found, int Claimed)> ClaimBatchAsync(IQueryable<FollowUp> candidates, NotificationKind kind, IReadOnlyDictionary<string, FollowUpOffset> repeating, CancellationToken ct)
        {
            var token = Guid.NewGuid();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await candidates.OrderBy(f => f.DueOn).Select(f => f.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return (0, 0);
            }

            // The condition is repeated in the update: a row another dispatcher moved meanwhile is left alone.
            var claimed = candidates.Where(f => ids.Contains(f.Id));
            _ = kind == NotificationKind.Due
                ? await claimed.ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FollowUpState.Due).SetProperty(f => f.DueAt, now)
                    .SetProperty(f => f.ClaimToken, token).SetProperty(f => f.Version, f => f.Version + 1), ct)
                : await claimed.ExecuteUpdateAsync(u => u.SetProperty(f => f.OverdueAt, now)
                    .SetProperty(f => f.ClaimToken, token).SetProperty(f => f.Version, f => f.Version + 1), ct);

            // Found by id and token: the ids keep the lookup on the primary key, the token keeps only the rows this run moved.
            var rows = await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.Id) && f.ClaimToken == token).ToListAsync(ct);
            await notifications.InsertAsync(db, rows.Select(row => new Notification
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                FollowUpId = row.Id,
                Kind = kind,
                RecipientId = row.AssigneeId,
                DueOn = row.DueOn,
                FollowUpKind = row.Kind,
                CreatedAt = now,
                Delivery = NotificationDelivery.Pending,
            }).ToList(), ct);

            if (kind == NotificationKind.Due)
            {
                await AddNextInSeriesAsync(rows, repeating, now, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return (ids.Count, rows.Count);
        }

        /// <summary>A repeating policy's next follow-up, created as the previous one comes due, never already in the past.</summary>
        private async Task AddNextInSeriesAsync(List<FollowUp> due, IReadOnlyDictionary<string, FollowUpOffset> repeating, DateTime now, CancellationToken ct)
        {
            var next = due.Where(r => r.PolicyId is not null && r.SubjectId is not null && repeating.ContainsKey(r.PolicyId))
                .Select(r => FollowUpPlanner.NextInSeries(r, repeating[r.PolicyId!], today, now))
                .ToList();
            if (next.Count == 0)
            {
                return;
            }

            var keys = next.Select(n => n.Key).ToList();
            var existing = (await db.FollowUps.Where(f => keys.Contains(f.Key)).Select(f => f.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            db.FollowUps.AddRange(next.Where(n => !existing.Contains(n.Key)));
        }
    }
}

/// <summary>What one dispatcher run did.</summary>
public sealed class DispatchReport
{
    public int MadeDue { get; set; }

    public int Overdue { get; set; }

    public int Missed { get; set; }

    public int Held { get; set; }

    public int NotificationsSent { get; set; }

    /// <summary>Tenants whose dispatch failed in this run (logged; the next run tries again).</summary>
    public int FailedTenants { get; set; }
}
