using Integration.Abstractions.Participants;
using Integration.Modules.Health.Http;

namespace Integration.Modules.Health.Privacy;

/// <summary>
/// Whether health data of a participant may be kept and used today. Every read and count of scores asks, so that a
/// score whose consent is no longer in force is never shown, even when the withdrawal handler failed and the nightly
/// purge has not run yet.
/// </summary>
internal sealed class HealthConsent(IParticipantDirectory participants, TimeProvider clock)
{
    public Task<bool> InForceOnAsync(Guid participantId, DateOnly date, CancellationToken ct) =>
        participants.HasConsentAsync(participantId, ConsentPurpose.HealthData, date, ct);

    public Task<bool> InForceTodayAsync(Guid participantId, CancellationToken ct) => InForceOnAsync(participantId, clock.Today(), ct);

    /// <summary>The participants among <paramref name="participantIds"/> whose consent for health data is in force today.</summary>
    public async Task<HashSet<Guid>> InForceTodayAsync(IEnumerable<Guid> participantIds, CancellationToken ct)
    {
        var result = new HashSet<Guid>();
        foreach (var id in participantIds.Distinct())
        {
            if (await InForceTodayAsync(id, ct))
            {
                result.Add(id);
            }
        }

        return result;
    }
}
