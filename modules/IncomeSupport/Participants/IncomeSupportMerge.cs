using Integration.Abstractions.Participants;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.FollowUps;
using Integration.Modules.IncomeSupport.Pathways;
using Integration.Modules.IncomeSupport.Settings;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Participants;

/// <summary>
/// Moves a merged duplicate's pathway to the surviving record. When both have one, the duplicate's months (where the
/// survivor has no status for the month), steps and barriers join the survivor's pathway, which starts at the earlier
/// first application and is evaluated again; the duplicate's pathway and its reviews end. A second merge finds nothing.
/// </summary>
internal sealed class IncomeSupportMerge(IncomeSupportDbContext db, PathwayEvents events, PathwayReevaluation reevaluation, SettingsReader settings, TimeProvider clock)
    : IParticipantMergeHandler
{
    public string ModuleId => IncomeSupportModule.Id;

    public async Task<int> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var duplicate = await db.Pathways.FirstOrDefaultAsync(p => p.ParticipantId == duplicateId, cancellationToken);
        if (duplicate is null)
        {
            return 0;
        }

        var survivor = await db.Pathways.FirstOrDefaultAsync(p => p.ParticipantId == survivorId, cancellationToken);
        if (survivor is null)
        {
            duplicate.ParticipantId = survivorId;
            duplicate.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }

        var taken = await db.Months.Where(m => m.PathwayId == survivor.Id).Select(m => m.Month).ToListAsync(cancellationToken);
        var months = await db.Months.Where(m => m.PathwayId == duplicate.Id && !taken.Contains(m.Month)).ToListAsync(cancellationToken);
        var steps = await db.Steps.Where(s => s.PathwayId == duplicate.Id).ToListAsync(cancellationToken);
        var barriers = await db.Barriers.Where(b => b.PathwayId == duplicate.Id).ToListAsync(cancellationToken);
        months.ForEach(m => m.PathwayId = survivor.Id);
        steps.ForEach(s => s.PathwayId = survivor.Id);
        barriers.ForEach(b => b.PathwayId = survivor.Id);
        if (duplicate.FirstApplicationOn < survivor.FirstApplicationOn)
        {
            survivor.FirstApplicationOn = duplicate.FirstApplicationOn;
        }

        survivor.HouseholdReference ??= duplicate.HouseholdReference;
        if (survivor.OutcomeRecordedFor is null)
        {
            // The host moves the duplicate's outcomes to the survivor: the same date is not recorded twice.
            survivor.OutcomeRecordedFor = duplicate.OutcomeRecordedFor;
            survivor.OutcomeId = duplicate.OutcomeId;
        }

        survivor.Version++;
        survivor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var ended = new Pathway { Id = duplicate.Id, ParticipantId = survivorId, EnrolmentId = duplicate.EnrolmentId, Cycle = duplicate.Cycle };
        await db.Pathways.Where(p => p.Id == duplicate.Id).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await events.ClosedAsync(ended, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), cancellationToken);
        await reevaluation.OneAsync(survivor.Id, await settings.MonthsWithoutSupportAsync(cancellationToken), cancellationToken);
        return months.Count + steps.Count + barriers.Count + 1;
    }
}
