using System.Runtime.CompilerServices;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Rollups;

/// <summary>
/// The module's part of the rollups. Each pathway of a participant in the scope that started (first application) by
/// the end of the observation, the end of the period or today if earlier, is one observation of the time from the
/// first application to self-sufficiency: an event when it was reached by then, censored at the end of the observation
/// while still open. The host turns them into Kaplan–Meier quartiles; the naive median of the closed pathways stands
/// beside them to show how much leaving the open ones out shortens the figure.
/// </summary>
internal sealed class IncomeSupportRollup(IncomeSupportDbContext db, TimeProvider clock) : IRollupContributor
{
    public const string Pathways = IncomeSupportModule.Id + ".pathways";
    public const string ReachedInPeriod = IncomeSupportModule.Id + ".self-sufficient";
    public const string MedianDays = IncomeSupportModule.Id + ".days-to-self-sufficiency";
    public const string LowerQuartileDays = IncomeSupportModule.Id + ".days-to-self-sufficiency-p25";
    public const string UpperQuartileDays = IncomeSupportModule.Id + ".days-to-self-sufficiency-p75";
    public const string NaiveMedianDays = IncomeSupportModule.Id + ".days-to-self-sufficiency-closed-only";
    public const string SixMonths = IncomeSupportModule.Id + ".self-sufficient-6-months";
    public const string TwelveMonths = IncomeSupportModule.Id + ".self-sufficient-12-months";

    public string ModuleId => IncomeSupportModule.Id;

    public IReadOnlyList<RollupMeasure> Measures { get; } =
    [
        new(Pathways, new LocalizedText("Deltagare med väg mot självförsörjning", "Participants with an income-support pathway"), RollupAggregation.DistinctParticipants),
        new(ReachedInPeriod, new LocalizedText("Blev självförsörjande under perioden", "Became self-sufficient in the period"), RollupAggregation.Count),
        new(MedianDays, new LocalizedText("Dagar från första ansökan till självförsörjning (median, Kaplan–Meier)", "Days from first application to self-sufficiency (median, Kaplan–Meier)"), RollupAggregation.SurvivalMedian),
        new(LowerQuartileDays, new LocalizedText("Dagar till självförsörjning, 25:e percentilen (Kaplan–Meier)", "Days to self-sufficiency, 25th percentile (Kaplan–Meier)"), RollupAggregation.SurvivalLowerQuartile),
        new(UpperQuartileDays, new LocalizedText("Dagar till självförsörjning, 75:e percentilen (Kaplan–Meier)", "Days to self-sufficiency, 75th percentile (Kaplan–Meier)"), RollupAggregation.SurvivalUpperQuartile),
        new(NaiveMedianDays, new LocalizedText("Dagar till självförsörjning, median av enbart avslutade (underskattar)", "Days to self-sufficiency, median of closed pathways only (underestimates)"), RollupAggregation.Median),
        new(SixMonths, new LocalizedText("Andel självförsörjande inom 6 månader från första ansökan", "Share self-sufficient within 6 months of the first application"), RollupAggregation.Share),
        new(TwelveMonths, new LocalizedText("Andel självförsörjande inom 12 månader från första ansökan", "Share self-sufficient within 12 months of the first application"), RollupAggregation.Share),
    ];

    public async IAsyncEnumerable<RollupFact> GetFactsAsync(RollupScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var end = scope.To < today ? scope.To : today;
        var pathways = await db.Pathways.AsNoTracking().Where(p => p.FirstApplicationOn <= end)
            .Select(p => new { p.ParticipantId, p.FirstApplicationOn, p.SelfSufficientOn })
            .ToListAsync(cancellationToken);
        foreach (var p in pathways.Where(p => scope.ParticipantIds is null || scope.ParticipantIds.Contains(p.ParticipantId)))
        {
            var reached = p.SelfSufficientOn is { } on && on <= end ? on : (DateOnly?)null;
            yield return new RollupFact(Pathways, 1, p.ParticipantId);
            if (reached is { } r && r >= scope.From)
            {
                yield return new RollupFact(ReachedInPeriod, 1, p.ParticipantId);
            }

            var days = (reached ?? end).DayNumber - p.FirstApplicationOn.DayNumber;
            foreach (var measure in new[] { MedianDays, LowerQuartileDays, UpperQuartileDays })
            {
                yield return new RollupFact(measure, days, p.ParticipantId) { Censored = reached is null };
            }

            if (reached is not null)
            {
                yield return new RollupFact(NaiveMedianDays, days, p.ParticipantId);
            }

            foreach (var (measure, months) in new[] { (SixMonths, 6), (TwelveMonths, 12) })
            {
                var by = p.FirstApplicationOn.AddMonths(months);
                if (by <= end)
                {
                    yield return new RollupFact(measure, reached is { } x && x <= by ? 1 : 0, p.ParticipantId);
                }
            }
        }
    }
}
