using Integration.Abstractions.Kernel;

namespace Integration.Abstractions.Participants;

/// <summary>
/// A module's read access to the host's participants, for the current tenant. Every read is written to the audit log
/// under the module's name, as the host's own reads are.
/// </summary>
public interface IParticipantDirectory
{
    /// <summary>The participant, or null when there is none with that id in the tenant.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="readBy">Who reads, for the audit log: the module id (<c>mentoring</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ParticipantSummary?> FindAsync(Guid participantId, string readBy, CancellationToken cancellationToken);

    /// <summary>True when the participant has a consent for <paramref name="purpose"/> that was given on or before
    /// <paramref name="onDate"/> and not withdrawn by then.</summary>
    Task<bool> HasConsentAsync(Guid participantId, ConsentPurpose purpose, DateOnly onDate, CancellationToken cancellationToken);
}

/// <summary>What a module may know of a participant.</summary>
/// <param name="Id">The participant id (a merged record gives the id of the record it was merged into).</param>
/// <param name="DisplayName">Given and family name.</param>
/// <param name="Gender">Gender as stated.</param>
/// <param name="BirthYear">Birth year, when known.</param>
/// <param name="Languages">Languages the participant speaks (ISO 639 codes).</param>
/// <param name="InterpreterNeeded">Whether an interpreter is needed.</param>
public sealed record ParticipantSummary(Guid Id, string DisplayName, Gender Gender, int? BirthYear, IReadOnlyList<string> Languages, bool InterpreterNeeded);
