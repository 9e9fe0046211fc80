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
    /// Orders the participants by their name's sort key (folded family name, then given name: the name index's order,
    /// and nearly the participants' own name index's), and hands their own (random, unsaved) ids back out in ascending
    /// order, so that the primary key and everything keyed by participant id are written in order too. The ids stay as
    /// random as they were: only which participant gets which follows the names. Returns each participant with its
    /// folded name, in that order, for <see cref="NameRows"/>.
    /// </summary>
    public static (Participant Participant, ParticipantWriter.FoldedName Name)[] Order(List<Participant> participants)
    {
        // Each name folded once, on every core: for the order here and for the name rows.
        var ordered = new (Participant Participant, ParticipantWriter.FoldedName Name)[participants.Count];
        var keys = new string[ordered.Length];
        Parallel.For(0, ordered.Length, i =>
        {
            ordered[i] = (participants[i], ParticipantWriter.FoldedName.Of(participants[i]));
            keys[i] = ordered[i].Name.SortKey;
        });
        Array.Sort(keys, ordered, StringComparer.Ordinal);

        // Guid order is the order of its text form, which is how the ids are stored and compared.
        var ids = participants.Select(p => p.Id).Order().ToArray();
        participants.Clear();
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i].Participant.Id = ids[i];
            participants.Add(ordered[i].Participant);
        }

        return ordered;
    }

    /// <summary>
    /// The name rows of participants put in order by <see cref="Order"/>, in the name index's order (tenant, word, sort
    /// key, participant). Reads the participants only, so it can run while they are being written.
    /// </summary>
    public static List<ParticipantName> NameRows(IReadOnlyList<(Participant Participant, ParticipantWriter.FoldedName Name)> ordered)
    {
        // Built on every core into a slot per participant, then gathered word by word in participant order: within a
        // word, that is already the order of sort key and id, so only the distinct words are sorted, not all 400 000
        // rows.
        var rows = new IReadOnlyList<ParticipantName>[ordered.Count];
        Parallel.For(0, ordered.Count, i => rows[i] = ParticipantWriter.NameRows(ordered[i].Participant, ordered[i].Name));
        var byWord = new Dictionary<string, List<ParticipantName>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var participantRows in rows)
        {
            foreach (var row in participantRows)
            {
                if (!byWord.TryGetValue(row.Token, out var word))
                {
                    byWord[row.Token] = word = [];
                }

                word.Add(row);
                count++;
            }
        }

        var words = byWord.Keys.ToArray();
        Array.Sort(words, StringComparer.Ordinal);
        var names = new List<ParticipantName>(count);
        foreach (var word in words)
        {
            names.AddRange(byWord[word]);
        }

        return names;
    }
}
