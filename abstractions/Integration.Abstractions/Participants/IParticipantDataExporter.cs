namespace Integration.Abstractions.Participants;

/// <summary>
/// A module's part of the register extract of one participant (<c>GET /api/participants/{id}/export</c>, what a
/// municipality hands out when a person asks for the personal data it holds, GDPR article 15). Register one in the
/// module's services if the module stores anything about participants.
/// </summary>
/// <remarks>
/// Special-category data (health) names the permission in <see cref="SensitivePermission"/>: the host leaves the
/// module's part out of every export unless the user has that permission and asks for sensitive data, and says so in the
/// export. The host writes the export to the audit log; a module writes its own audit entries through its reads.
/// </remarks>
public interface IParticipantDataExporter
{
    /// <summary>The module's id.</summary>
    string ModuleId { get; }

    /// <summary>The permission a user needs for the module's part to be included (<c>health.read</c>), or null when
    /// anyone who may read the participant may read it.</summary>
    string? SensitivePermission => null;

    /// <summary>
    /// The module's records of the participant in the current tenant as a JSON-serialisable value (records and lists of
    /// records), or null when the module holds nothing about them.
    /// </summary>
    Task<object?> ExportAsync(Guid participantId, CancellationToken cancellationToken);
}
