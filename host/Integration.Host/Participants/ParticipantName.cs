using Integration.Abstractions.Data;

namespace Integration.Host.Participants;

/// <summary>
/// One searchable word of a participant's name, folded (lower case, no diacritics), so that a name search is an index
/// range scan on every database instead of a scan of every participant.
/// </summary>
/// <remarks>
/// The key is the search's own order (tenant, word, sort key, participant), so the table is the search index: on SQLite
/// a table without row ids, and on PostgreSQL the primary key's index. There is no index by participant: an import
/// writes 400 000 of these rows for 100 000 participants, and one in participant order cost as much as the rest of the
/// table. A participant's rows are found by its words instead (<see cref="ParticipantWriter.StoredNameRowsAsync"/>).
/// </remarks>
public sealed class ParticipantName : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Token { get; set; }

    public Guid ParticipantId { get; set; }

    /// <summary>
    /// The participant's folded "family given" name, so that a name search can count and order its hits from this
    /// index alone and read only the participants it shows.
    /// </summary>
    public string SortKey { get; set; } = string.Empty;

    /// <summary>
    /// The participant's index word that comes just before this one in ordinal order (null for the first). A prefix
    /// matches a run of consecutive words, so the row whose previous word is below the prefix is the participant's only
    /// first match: a name search counts and pages those rows alone, with no de-duplication of participants whose
    /// given and family names both match.
    /// </summary>
    public string? PreviousToken { get; set; }
}
