using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;

namespace Integration.Host.Rollups;

/// <summary>Turns facts into cells: every measure for every gender and age band, each alone and together, and the total.</summary>
public static class RollupAggregator
{
    /// <summary>The cells of one scope; <paramref name="facts"/> carry gender and age band already.</summary>
    public static IEnumerable<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)> Aggregate(
        IEnumerable<RollupFact> facts, IReadOnlyDictionary<string, RollupAggregation> aggregations)
    {
        var byMeasure = facts.Where(f => aggregations.ContainsKey(f.MeasureId)).GroupBy(f => f.MeasureId);
        foreach (var measure in byMeasure)
        {
            var aggregation = aggregations[measure.Key];
            var list = measure.ToList();
            foreach (var (gender, ageBand, cell) in Groupings(list))
            {
                var (value, n) = Combine(cell, aggregation);
                yield return (gender, ageBand, measure.Key, value, n);
            }
        }
    }

    private static IEnumerable<(Gender?, AgeBand?, List<RollupFact>)> Groupings(List<RollupFact> facts)
    {
        yield return (null, null, facts);
        foreach (var g in facts.GroupBy(f => f.Gender ?? Gender.NotStated))
        {
            yield return (g.Key, null, g.ToList());
        }

        foreach (var a in facts.GroupBy(f => f.AgeBand ?? AgeBand.Unknown))
        {
            yield return (null, a.Key, a.ToList());
        }

        foreach (var ga in facts.GroupBy(f => (f.Gender ?? Gender.NotStated, f.AgeBand ?? AgeBand.Unknown)))
        {
            yield return (ga.Key.Item1, ga.Key.Item2, ga.ToList());
        }
    }

    /// <summary>The value of a group of facts and how many facts (or participants) it is made of.</summary>
    public static (decimal Value, int N) Combine(IReadOnlyList<RollupFact> facts, RollupAggregation aggregation)
    {
        switch (aggregation)
        {
            case RollupAggregation.Count:
                return (facts.Count, facts.Count);
            case RollupAggregation.DistinctParticipants:
                var distinct = facts.Where(f => f.ParticipantId is not null).Select(f => f.ParticipantId).Distinct().Count() + facts.Count(f => f.ParticipantId is null);
                return (distinct, distinct);
            case RollupAggregation.Sum:
                return (facts.Sum(f => f.Value), facts.Count);
            case RollupAggregation.Mean:
            case RollupAggregation.Share:
                return (Math.Round(facts.Average(f => f.Value), 4), facts.Count);
            case RollupAggregation.Median:
                return (Median(facts.Select(f => f.Value)), facts.Count);
            default:
                throw new InvalidOperationException($"Unknown aggregation {aggregation}.");
        }
    }

    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
