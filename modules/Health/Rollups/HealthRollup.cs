using System.Runtime.CompilerServices;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Privacy;
using Integration.Modules.Health.Scores;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Rollups;

/// <summary>
/// WHO-5 in the rollups: per course a participant measured at the start and the end (the end in the period) is one
/// fact of each measure. Built on health data, so every measure is suppressed below 5 for every reader, tenant admins
/// included, and only participants whose consent for health data is in force today are counted.
/// </summary>
internal sealed class HealthRollup(HealthDbContext db, HealthConsent consent) : IRollupContributor
{
    public const string MeasuredStartAndEnd = HealthModule.Id + ".measured-start-and-end";
    public const string ClinicallyRelevantImprovement = HealthModule.Id + ".clinically-relevant-improvement";
    public const string MeanChange = HealthModule.Id + ".mean-change";

    public string ModuleId => HealthModule.Id;

    public IReadOnlyList<RollupMeasure> Measures { get; } =
    [
        new(MeasuredStartAndEnd, new LocalizedText("Deltagare med WHO-5 vid start och slut", "Participants with WHO-5 at start and end"), RollupAggregation.DistinctParticipants) { AlwaysSuppressed = true },
        new(ClinicallyRelevantImprovement, new LocalizedText("Andel med kliniskt relevant förbättring (≥ 10 procentenheter)", "Share with a clinically relevant improvement (≥ 10 points)"), RollupAggregation.Share) { AlwaysSuppressed = true },
        new(MeanChange, new LocalizedText("Genomsnittlig förändring av WHO-5 (procentenheter)", "Mean change in WHO-5 (percentage points)"), RollupAggregation.Mean) { AlwaysSuppressed = true },
    ];

    public async IAsyncEnumerable<RollupFact> GetFactsAsync(RollupScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ends = await db.Scores.AsNoTracking()
            .Where(s => s.Point == MeasurementPoint.End && s.MeasuredOn >= scope.From && s.MeasuredOn <= scope.To)
            .ToListAsync(cancellationToken);
        ends = ends.Where(s => scope.ParticipantIds is null || scope.ParticipantIds.Contains(s.ParticipantId)).ToList();
        var places = ends.Select(s => s.PlaceId).ToList();
        var starts = await db.Scores.AsNoTracking()
            .Where(s => s.Point == MeasurementPoint.Start && places.Contains(s.PlaceId))
            .ToDictionaryAsync(s => s.PlaceId, cancellationToken);
        var pairs = ends.Where(e => starts.ContainsKey(e.PlaceId)).ToList();
        var allowed = await consent.InForceTodayAsync(pairs.Select(p => p.ParticipantId), cancellationToken);

        foreach (var end in pairs.Where(p => allowed.Contains(p.ParticipantId)))
        {
            var change = Who5.Change(starts[end.PlaceId].Items(), end.Items());
            yield return new RollupFact(MeasuredStartAndEnd, 1, end.ParticipantId);
            yield return new RollupFact(ClinicallyRelevantImprovement, change >= Who5.ClinicallyRelevantChange ? 1 : 0, end.ParticipantId);
            yield return new RollupFact(MeanChange, change, end.ParticipantId);
        }
    }
}
