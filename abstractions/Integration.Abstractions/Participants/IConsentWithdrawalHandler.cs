namespace Integration.Abstractions.Participants;

/// <summary>
/// Called when a participant withdraws a consent, so that a module removes or stops using what the consent covered
/// (the health module deletes stored WHO-5 scores when the consent for health data is withdrawn).
/// </summary>
/// <remarks>
/// The host calls every handler after the withdrawal is saved, in the current tenant's context, one after the other.
/// A handler that fails is logged and does not undo the withdrawal: make the handler idempotent and let the module
/// check the consent again where it reads (<see cref="IParticipantDirectory.HasConsentAsync"/>) or in a recurring job,
/// so that nothing stays in use after a failed handler.
/// </remarks>
public interface IConsentWithdrawalHandler
{
    /// <summary>Removes or stops using what the withdrawn consent covered.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="purpose">The purpose of the withdrawn consent.</param>
    /// <param name="withdrawnOn">When it was withdrawn.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task WithdrawnAsync(Guid participantId, ConsentPurpose purpose, DateOnly withdrawnOn, CancellationToken cancellationToken);
}
