using Integration.Abstractions.Kernel;

namespace Integration.Abstractions.Rollups;

/// <summary>
/// A module's part of the outcome rollups. The module returns facts about its own records; the host splits them by
/// gender and age band from its participant records, aggregates them per <see cref="RollupMeasure.Aggregation"/>,
/// stores them and suppresses small counts before publishing.
/// </summary>
/// <remarks>Register implementations in the module's services. The host calls it only for tenants that have enabled the module.</remarks>
public interface IRollupContributor
{
    /// <summary>The contributing module's id.</summary>
    string ModuleId { get; }

    /// <summary>The measures this contributor reports facts for.</summary>
    IReadOnlyList<RollupMeasure> Measures { get; }

    /// <summary>The facts of one tenant within the scope, read in the tenant's context.</summary>
    IAsyncEnumerable<RollupFact> GetFactsAsync(RollupScope scope, CancellationToken cancellationToken);
}

/// <summary>What a rollup run covers.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="ProgrammeId">The programme, or null for all of the tenant's programmes.</param>
/// <param name="From">First day of the period (inclusive).</param>
/// <param name="To">Last day of the period (inclusive).</param>
/// <param name="ParticipantIds">The participants enrolled in the module within the programme and period, when a programme is given.</param>
public sealed record RollupScope(Guid TenantId, Guid? ProgrammeId, DateOnly From, DateOnly To, IReadOnlySet<Guid>? ParticipantIds);

/// <summary>A figure a module contributes.</summary>
/// <param name="Id">Stable id, <c>{moduleId}.{measure}</c> (<c>mentoring.active-matches</c>).</param>
/// <param name="Name">Name in reports.</param>
/// <param name="Aggregation">How the host combines the facts of a group.</param>
public sealed record RollupMeasure(string Id, LocalizedText Name, RollupAggregation Aggregation)
{
    /// <summary>
    /// Small numbers of this measure are suppressed for every reader, tenant admins included: for figures built on
    /// special-category data (health), which may only ever be shown as suppressed aggregates.
    /// </summary>
    public bool AlwaysSuppressed { get; init; }
}

/// <summary>How facts are combined into a figure.</summary>
public enum RollupAggregation
{
    /// <summary>The number of facts.</summary>
    Count = 1,

    /// <summary>The number of distinct participants with a fact.</summary>
    DistinctParticipants = 2,

    /// <summary>The sum of the values.</summary>
    Sum = 3,

    /// <summary>The mean of the values.</summary>
    Mean = 4,

    /// <summary>The median of the values.</summary>
    Median = 5,

    /// <summary>The share of facts whose value is 1 (values are 0 or 1).</summary>
    Share = 6,

    /// <summary>
    /// The median time to an event as a Kaplan–Meier estimate: each fact's value is the time observed (days), and a fact
    /// with <see cref="RollupFact.Censored"/> is one whose event has not happened yet (a pathway still open). The
    /// figure is empty when fewer than half are estimated to have had the event.
    /// </summary>
    SurvivalMedian = 7,

    /// <summary>The time by which a quarter had the event (Kaplan–Meier 25th percentile); facts as for <see cref="SurvivalMedian"/>.</summary>
    SurvivalLowerQuartile = 8,

    /// <summary>The time by which three quarters had the event (Kaplan–Meier 75th percentile); facts as for <see cref="SurvivalMedian"/>.</summary>
    SurvivalUpperQuartile = 9,
}

/// <summary>
/// One fact for a measure. Give <see cref="ParticipantId"/> when the fact is about a participant: the host finds the
/// gender and age band. For anonymous facts (a head count at an open event) give <see cref="Gender"/> and
/// <see cref="AgeBand"/> directly.
/// </summary>
/// <param name="MeasureId">The measure.</param>
/// <param name="Value">The value: 1 for a count, a number of days, 0 or 1 for a share.</param>
/// <param name="ParticipantId">The participant the fact is about, if any.</param>
/// <param name="Gender">The gender of an anonymous fact.</param>
/// <param name="AgeBand">The age band of an anonymous fact.</param>
public readonly record struct RollupFact(string MeasureId, decimal Value, Guid? ParticipantId = null, Gender? Gender = null, AgeBand? AgeBand = null)
{
    /// <summary>
    /// For the survival aggregations: the event has not happened by the time in <see cref="Value"/> (the observation
    /// ends there, censored), as opposed to happening at that time.
    /// </summary>
    public bool Censored { get; init; }
}
