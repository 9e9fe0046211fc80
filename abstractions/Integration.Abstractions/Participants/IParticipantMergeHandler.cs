namespace Integration.Abstractions.Participants;

/// <summary>
/// Called when a tenant admin merges two records of the same person: the module moves its rows of the duplicate record to
/// the surviving one. Register an implementation in the module's services if the module stores participant ids.
/// </summary>
public interface IParticipantMergeHandler
{
    /// <summary>The module's id, for the audit log.</summary>
    string ModuleId { get; }

    /// <summary>Moves the module's rows from the duplicate to the survivor; runs in the current tenant's context.</summary>
    /// <returns>How many rows were moved.</returns>
    Task<int> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken);
}
