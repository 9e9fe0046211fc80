using Integration.Abstractions.Data;

namespace Integration.Host.Participants;

/// <summary>
/// One searchable word of a participant's name, folded (lower case, no diacritics), so that a name search is an index
/// range scan on every database instead of a scan of every participant.
/// </summary>
public sealed class ParticipantName : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Token { get; set; }

    public Guid ParticipantId { get; set; }

    /// <summary>
    /// The participant's folded "family given" name, so that a name search can count and order its hits from this
    /// index alone and read only the participants it shows.
    /// </summary>
    public string SortKey { get; set; } = string.Empty;
}
