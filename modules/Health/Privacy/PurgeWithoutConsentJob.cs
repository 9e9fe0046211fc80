using Integration.Abstractions.Jobs;
using Integration.Modules.Health.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Integration.Modules.Health.Privacy;

/// <summary>
/// Nightly, per tenant: removes the health data of every participant whose consent for health data is no longer in
/// force, in case a withdrawal handler failed (the host logs and goes on) or a consent was withdrawn with a later date.
/// </summary>
internal sealed class PurgeWithoutConsentJob(HealthDbContext db, HealthConsent consent, HealthDataEraser eraser, ILogger<PurgeWithoutConsentJob> logger) : IModuleJob
{
    public const string Name = "purge-without-consent";

    public async Task ExecuteAsync(ModuleJobContext context, CancellationToken cancellationToken)
    {
        var participants = await db.Scores.AsNoTracking().Select(s => s.ParticipantId).Distinct().ToListAsync(cancellationToken);
        var keep = await consent.InForceTodayAsync(participants, cancellationToken);
        var removed = 0;
        foreach (var participantId in participants.Where(p => !keep.Contains(p)))
        {
            removed += await eraser.EraseAsync(participantId, cancellationToken);
        }

        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} WHO-5 scores without a consent for health data in force (tenant {TenantId})", removed, context.TenantId);
        }
    }
}
