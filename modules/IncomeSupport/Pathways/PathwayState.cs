using Integration.Abstractions.Participants;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.FollowUps;
using Integration.Modules.IncomeSupport.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>
/// Keeps a pathway's state in step with its months: <see cref="Apply"/> before the save sets the date of
/// self-sufficiency (or clears it when support was paid again), <see cref="AfterSaveAsync"/> after it records the
/// <c>selfSufficient</c> outcome through the contract and starts or stops the monthly review.
/// </summary>
internal sealed class PathwayState(IncomeSupportDbContext db, IOutcomeRecorder outcomes, PathwayEvents events, ILogger<PathwayState> logger)
{
    public enum Change
    {
        None,
        Reached,
        Reopened,
        Moved,
    }

    /// <summary>Evaluates the months (tracked or not) and updates the tracked pathway.</summary>
    public static Change Apply(Pathway pathway, IEnumerable<MonthlyStatus> months, int required)
    {
        var state = SelfSufficiency.Evaluate(pathway.FirstApplicationOn, months.Select(m => (m.Month, m.SupportPaid)), required);
        var before = pathway.SelfSufficientOn;
        pathway.SelfSufficientOn = state.SelfSufficientOn;
        if (before is null && state.SelfSufficientOn is not null)
        {
            return Change.Reached;
        }

        if (before is not null && state.SelfSufficientOn is null)
        {
            pathway.Cycle++;
            return Change.Reopened;
        }

        return before != state.SelfSufficientOn ? Change.Moved : Change.None;
    }

    /// <summary>The pathway's months, the tracked ones of this context included.</summary>
    public async Task<List<MonthlyStatus>> MonthsAsync(Guid pathwayId, CancellationToken ct)
    {
        var stored = await db.Months.Where(m => m.PathwayId == pathwayId).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<MonthlyStatus>().Where(e => e.State == EntityState.Added && e.Entity.PathwayId == pathwayId).Select(e => e.Entity);
        return stored.Concat(added).Distinct().ToList();
    }

    /// <summary>After the pathway was saved: the outcome and the review follow-ups.</summary>
    public async Task AfterSaveAsync(Pathway pathway, Change change, IEnumerable<MonthlyStatus> months, CancellationToken ct)
    {
        if (change == Change.Reopened)
        {
            var paid = months.Where(m => m.SupportPaid).Max(m => (DateOnly?)m.Month) ?? pathway.FirstApplicationOn;
            await events.OpenedAsync(pathway, paid > pathway.FirstApplicationOn ? paid : pathway.FirstApplicationOn, ct);
        }
        else if (change == Change.Reached)
        {
            await events.ClosedAsync(pathway, pathway.SelfSufficientOn!.Value, ct);
        }

        await RecordOutcomeAsync(pathway, ct);
    }

    /// <summary>
    /// Records the <c>selfSufficient</c> outcome once per date of self-sufficiency: the pathway is claimed with a
    /// conditional update first, so that two requests at once record it once, and released again when the host refuses it.
    /// </summary>
    public async Task RecordOutcomeAsync(Pathway pathway, CancellationToken ct)
    {
        if (pathway.SelfSufficientOn is not { } date || pathway.OutcomeRecordedFor == date)
        {
            return;
        }

        var claimed = await db.Pathways.Where(p => p.Id == pathway.Id && (p.OutcomeRecordedFor == null || p.OutcomeRecordedFor != date))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.OutcomeRecordedFor, date), ct);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            var id = await outcomes.RecordAsync(
                new OutcomeToRecord(pathway.ParticipantId, OutcomeType.SelfSufficient, null, date, OutcomeSource.CaseWorkerVerified, IncomeSupportModule.Id, pathway.EnrolmentId,
                    $"Inget ekonomiskt bistånd från {date.FirstOfMonth().MonthText()} (No income support from {date.FirstOfMonth().MonthText()})."),
                ct);
            await db.Pathways.Where(p => p.Id == pathway.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OutcomeId, id), ct);
            pathway.OutcomeRecordedFor = date;
            pathway.OutcomeId = id;
        }
        catch (ArgumentException e)
        {
            logger.LogWarning(e, "Self-sufficiency outcome of pathway {PathwayId} not recorded", pathway.Id);
            await db.Pathways.Where(p => p.Id == pathway.Id && p.OutcomeRecordedFor == date)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.OutcomeRecordedFor, pathway.OutcomeRecordedFor), ct);
        }
    }
}
