using Integration.Abstractions.Rollups;

namespace Integration.Host.Rollups;

/// <summary>
/// Kaplan–Meier estimates of time to an event (days from a first application for income support to self-sufficiency)
/// where some observations are censored: they end without the event, because the pathway is still open. Leaving them
/// out would make the time look shorter than it is; counting them as events would too.
/// </summary>
public static class KaplanMeier
{
    public static bool IsSurvival(RollupAggregation aggregation) =>
        aggregation is RollupAggregation.SurvivalMedian or RollupAggregation.SurvivalLowerQuartile or RollupAggregation.SurvivalUpperQuartile;

    /// <summary>The share who have had the event by the quantile: 0.5 for the median.</summary>
    public static decimal Probability(RollupAggregation aggregation) => aggregation switch
    {
        RollupAggregation.SurvivalLowerQuartile => 0.25m,
        RollupAggregation.SurvivalMedian => 0.5m,
        RollupAggregation.SurvivalUpperQuartile => 0.75m,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation)),
    };

    /// <summary>
    /// The smallest observed time at which the estimated share still without the event falls to 1 − <paramref name="probability"/>
    /// or below; null when it never does (too few events yet). Censoring at a time counts the observation as still at
    /// risk at that time, the usual convention.
    /// </summary>
    public static decimal? Quantile(IEnumerable<(decimal Time, bool Censored)> observations, decimal probability)
    {
        var sorted = observations.OrderBy(o => o.Time).ToList();
        var atRisk = sorted.Count;
        var survival = 1m;
        var target = 1m - probability;
        var i = 0;
        while (i < sorted.Count)
        {
            var time = sorted[i].Time;
            var events = 0;
            var leaving = 0;
            while (i < sorted.Count && sorted[i].Time == time)
            {
                events += sorted[i].Censored ? 0 : 1;
                leaving++;
                i++;
            }

            if (events > 0)
            {
                survival *= 1m - ((decimal)events / atRisk);
                // A small tolerance: products of fractions such as (1 - 1/3)(1 - 1/4) land exactly on 0.5 in exact arithmetic.
                if (survival <= target + 0.0000000001m)
                {
                    return time;
                }
            }

            atRisk -= leaving;
        }

        return null;
    }
}
