using Integration.Abstractions.Participants;

namespace Integration.Modules.Health.Privacy;

/// <summary>The participant withdrew the consent for health data: their stored scores are removed at once.</summary>
internal sealed class HealthConsentWithdrawal(HealthDataEraser eraser) : IConsentWithdrawalHandler
{
    public async Task WithdrawnAsync(Guid participantId, ConsentPurpose purpose, DateOnly withdrawnOn, CancellationToken cancellationToken)
    {
        if (purpose == ConsentPurpose.HealthData)
        {
            await eraser.EraseAsync(participantId, cancellationToken);
        }
    }
}
