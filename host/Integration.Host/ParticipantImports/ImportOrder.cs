using Integration.Host.Participants;

namespace Integration.Host.ParticipantImports;

/// <summary>
/// Puts an import's rows in the order of the indexes they go into. A B-tree takes rows in key order as appends to the
/// pages it last touched; in random order every row lands on another page, and on SQLite that costs several times the
/// insert itself once the index outgrows the page cache (100 000 participants bring 400 000 name rows).
/// </summary>
internal static class ImportOrder
{
    /// <summary>
    /// Orders the participants by name, as the name index holds them, and hands their own (random, unsaved) ids back out
    /// in ascending order, so that the primary key, the name index and everything keyed by participant id are written
    /// in order too. The ids stay as random as they were: only which participant gets which follows the names.
    /// </summary>
    public static void ByName(List<Participant> participants)
    {
        participants.Sort(static (a, b) =>
        {
            var family = string.CompareOrdinal(a.FamilyName, b.FamilyName);
            return family != 0 ? family : string.CompareOrdinal(a.GivenName, b.GivenName);
        });

        // Guid order is the order of its text form, which is how the ids are stored and compared.
        var ids = participants.Select(p => p.Id).Order().ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            participants[i].Id = ids[i];
        }
    }

    /// <summary>The name rows, built on every core, in the order of the search index (tenant, token, sort key, participant).</summary>
    public static List<ParticipantName> ByToken(List<Participant> participants)
    {
        // Built in parallel into a slot per participant, then sorted in place: PLINQ's parallel OrderBy measured slower
        // than one List.Sort here, and its SelectMany slower than these slots.
        var rows = new IReadOnlyList<ParticipantName>[participants.Count];
        Parallel.For(0, participants.Count, i => rows[i] = ParticipantWriter.NameRows(participants[i]));
        var list = new List<ParticipantName>(rows.Sum(r => r.Count));
        foreach (var participantRows in rows)
        {
            list.AddRange(participantRows);
        }

        list.Sort(NameOrder.Instance);
        return list;
    }

    private sealed class NameOrder : IComparer<ParticipantName>
    {
        public static readonly NameOrder Instance = new();

        public int Compare(ParticipantName? a, ParticipantName? b)
        {
            var token = string.CompareOrdinal(a!.Token, b!.Token);
            if (token != 0)
            {
                return token;
            }

            var sortKey = string.CompareOrdinal(a.SortKey, b.SortKey);
            return sortKey != 0 ? sortKey : a.ParticipantId.CompareTo(b.ParticipantId);
        }
    }
}
