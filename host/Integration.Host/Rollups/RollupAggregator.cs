using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;

namespace Integration.Host.Rollups;

/// <summary>
/// Turns facts into cells: every measure for every gender and age band, each alone and together, and the total.
/// Facts are accumulated once into the finest cells (gender × age band); the coarser cells are merged from them. That
/// is exact for distinct participants too, because a participant has one gender and one age band (the host assigns
/// them), so the participants of two fine cells never overlap.
/// </summary>
public static class RollupAggregator
{
    /// <summary>The cells of one scope; <paramref name="facts"/> carry gender and age band already.</summary>
    public static IEnumerable<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)> Aggregate(
        IEnumerable<RollupFact> facts, IReadOnlyDictionary<string, RollupAggregation> aggregations)
    {
        var fine = new Dictionary<(string Measure, Gender Gender, AgeBand AgeBand), Accumulator>();
        foreach (var fact in facts)
        {
            if (!aggregations.TryGetValue(fact.MeasureId, out var aggregation))
            {
                continue;
            }

            var key = (fact.MeasureId, fact.Gender ?? Gender.NotStated, fact.AgeBand ?? AgeBand.Unknown);
            if (!fine.TryGetValue(key, out var accumulator))
            {
                accumulator = new Accumulator(aggregation);
                fine[key] = accumulator;
            }

            accumulator.Add(fact);
        }

        foreach (var measure in fine.GroupBy(c => c.Key.Measure, StringComparer.Ordinal))
        {
            var cells = measure.ToList();
            var merged = new List<(Gender?, AgeBand?, string, decimal?, int)> { Cell(null, null, measure.Key, cells.Select(c => c.Value)) };
            merged.AddRange(cells.GroupBy(c => c.Key.Gender).Select(gender => Cell(gender.Key, null, measure.Key, gender.Select(c => c.Value))));
            merged.AddRange(cells.GroupBy(c => c.Key.AgeBand).Select(band => Cell(null, band.Key, measure.Key, band.Select(c => c.Value))));
            merged.AddRange(cells.Select(cell => Cell(cell.Key.Gender, cell.Key.AgeBand, measure.Key, [cell.Value])));

            // A Kaplan–Meier quantile that is not reached has no value: no cell, so the report shows an empty figure.
            foreach (var (gender, ageBand, id, value, n) in merged)
            {
                if (value is { } v)
                {
                    yield return (gender, ageBand, id, v, n);
                }
            }
        }
    }

    private static (Gender?, AgeBand?, string, decimal?, int) Cell(Gender? gender, AgeBand? ageBand, string measure, IEnumerable<Accumulator> parts)
    {
        var (value, n) = Accumulator.Merge(parts.ToList());
        return (gender, ageBand, measure, value, n);
    }

    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>What a cell needs to be merged with others: counts, sums, the participants seen, the values of a median.</summary>
    private sealed class Accumulator(RollupAggregation aggregation)
    {
        private readonly HashSet<Guid>? participants = aggregation == RollupAggregation.DistinctParticipants ? [] : null;
        private readonly List<decimal>? values = aggregation == RollupAggregation.Median || KaplanMeier.IsSurvival(aggregation) ? [] : null;
        private readonly List<bool>? censored = KaplanMeier.IsSurvival(aggregation) ? [] : null;
        private readonly RollupAggregation kind = aggregation;
        private int count;
        private int anonymous;
        private decimal sum;

        public void Add(RollupFact fact)
        {
            count++;
            sum += fact.Value;
            if (participants is not null)
            {
                if (fact.ParticipantId is { } id)
                {
                    participants.Add(id);
                }
                else
                {
                    anonymous++;
                }
            }

            values?.Add(fact.Value);
            censored?.Add(fact.Censored);
        }

        public static (decimal? Value, int N) Merge(IReadOnlyList<Accumulator> parts)
        {
            var aggregation = parts[0].kind;
            var count = parts.Sum(p => p.count);
            switch (aggregation)
            {
                case RollupAggregation.Count:
                    return (count, count);
                case RollupAggregation.DistinctParticipants:
                    var distinct = parts.Sum(p => p.participants!.Count + p.anonymous);
                    return (distinct, distinct);
                case RollupAggregation.Sum:
                    return (parts.Sum(p => p.sum), count);
                case RollupAggregation.Mean:
                case RollupAggregation.Share:
                    return (Math.Round(parts.Sum(p => p.sum) / count, 4), count);
                case RollupAggregation.Median:
                    return (Median(parts.SelectMany(p => p.values!)), count);
                case RollupAggregation.SurvivalMedian or RollupAggregation.SurvivalLowerQuartile or RollupAggregation.SurvivalUpperQuartile:
                    var observations = parts.SelectMany(p => p.values!.Zip(p.censored!, (time, c) => (time, c)));
                    return (KaplanMeier.Quantile(observations, KaplanMeier.Probability(aggregation)), count);
                default:
                    throw new InvalidOperationException($"Unknown aggregation {aggregation}.");
            }
        }
    }
}
