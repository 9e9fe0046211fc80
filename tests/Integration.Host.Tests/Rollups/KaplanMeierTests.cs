using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Host.Rollups;

namespace Integration.Host.Tests.Rollups;

public sealed class KaplanMeierTests
{
    // Gehan's 6-MP group (21 patients; weeks of remission, + = censored), the textbook example of the Kaplan–Meier
    // estimate: S(10) = 0.753, S(13) = 0.690, S(22) = 0.538, S(23) = 0.448, and S never falls to 0.25.
    private static readonly (decimal, bool)[] Gehan =
    [
        (6, false), (6, false), (6, false), (6, true), (7, false), (9, true), (10, false), (10, true), (11, true),
        (13, false), (16, false), (17, true), (19, true), (20, true), (22, false), (23, false), (25, true), (32, true),
        (32, true), (34, true), (35, true),
    ];

    [Fact]
    public void Textbook_quantiles_count_censored_observations_as_at_risk()
    {
        Assert.Equal(23m, KaplanMeier.Quantile(Gehan, 0.5m));
        Assert.Equal(13m, KaplanMeier.Quantile(Gehan, 0.25m));
        Assert.Null(KaplanMeier.Quantile(Gehan, 0.75m));
    }

    [Fact]
    public void Without_censoring_the_median_is_the_first_time_half_have_had_the_event()
    {
        Assert.Equal(20m, KaplanMeier.Quantile([(10, false), (20, false), (30, false), (40, false)], 0.5m));

        // The naive median of the closed observations (15) ignores the two still open at 50: the estimate waits for them.
        Assert.Equal(20m, KaplanMeier.Quantile([(10, false), (20, false), (50, true), (50, true)], 0.5m));
    }

    [Fact]
    public void The_aggregator_keeps_censoring_through_every_cell()
    {
        var facts = Gehan.Select((o, i) => new RollupFact("m", o.Item1, Guid.NewGuid(), i % 2 == 0 ? Gender.Woman : Gender.Man, AgeBand.From30To54) { Censored = o.Item2 });
        var cells = RollupAggregator.Aggregate(facts, new Dictionary<string, RollupAggregation> { ["m"] = RollupAggregation.SurvivalMedian }).ToList();

        var total = Assert.Single(cells, c => c.Gender == null && c.AgeBand == null);
        Assert.Equal(23m, total.Value);
        Assert.Equal(21, total.N);
        Assert.Contains(cells, c => c.Gender == Gender.Woman && c.AgeBand == null);
    }
}
