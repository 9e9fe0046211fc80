using Integration.Host.ParticipantImports;
using Integration.Host.Participants;

namespace Integration.Host.Tests.ParticipantImports;

/// <summary>
/// An import writes its participants and name rows in the order of the indexes they go into. The name rows are
/// gathered word by word rather than sorted, which holds only if the participants come in sort key order with
/// ascending ids: checked here against a plain sort of the same rows.
/// </summary>
public sealed class ImportOrderTests
{
    [Fact]
    public void Participants_get_ascending_ids_in_name_order_and_their_name_rows_come_in_the_index_order()
    {
        var random = new Random(11);
        string[] words = ["Anna", "anna", "Åsa", "Ali", "Alisson", "Berg", "Björk", "O'Brien", "de la Cruz", "Hassan", "Hasan", "Li", "Ng", "Zoë", "Müller", "Mohammed", "Muhammad"];
        string Name() => string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => words[random.Next(words.Length)]));
        var tenant = Guid.NewGuid();
        var participants = Enumerable.Range(0, 2000)
            .Select(_ => new Participant { Id = Guid.NewGuid(), TenantId = tenant, GivenName = Name(), FamilyName = Name() })
            .ToList();
        var ids = participants.Select(p => p.Id).ToHashSet();

        var names = ImportOrder.NameRows(ImportOrder.Order(participants));

        // The same ids, handed out ascending in sort key order.
        Assert.True(ids.SetEquals(participants.Select(p => p.Id)));
        for (var i = 1; i < participants.Count; i++)
        {
            Assert.True(string.CompareOrdinal(ParticipantWriter.FoldedName.Of(participants[i - 1]).SortKey, ParticipantWriter.FoldedName.Of(participants[i]).SortKey) <= 0);
            Assert.True(string.CompareOrdinal(participants[i - 1].Id.ToString(), participants[i].Id.ToString()) < 0);
        }

        // Every participant's rows, once, in (word, sort key, participant) order.
        var expected = participants.SelectMany(ParticipantWriter.NameRows)
            .OrderBy(n => n.Token, StringComparer.Ordinal)
            .ThenBy(n => n.SortKey, StringComparer.Ordinal)
            .ThenBy(n => n.ParticipantId.ToString(), StringComparer.Ordinal)
            .Select(n => (n.Token, n.SortKey, n.ParticipantId, n.PreviousToken))
            .ToList();
        Assert.Equal(expected, names.Select(n => (n.Token, n.SortKey, n.ParticipantId, n.PreviousToken)));
    }
}
