using Integration.Host.Participants;

namespace Integration.Host.Tests.Participants;

/// <summary>
/// The rows a participant's name puts in the name index: its folded words and their <c>~</c>sound keys, each once, in
/// ordinal order with the word before it, and the sort key. Search and duplicate suggestions read exactly these.
/// </summary>
public sealed class NameIndexRowsTests
{
    [Fact]
    public void A_name_gives_its_folded_words_and_sound_keys_once_each_in_order_with_the_sort_key()
    {
        var participant = new Participant { Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), GivenName = " Anna-Lisa  Anna", FamilyName = "Åström--O'Brien " };

        var rows = ParticipantWriter.NameRows(participant);

        Assert.Equal(["anna", "astrom", "brien", "lisa", "o", "~an", "~astrm", "~brn", "~ls"], rows.Select(r => r.Token));
        Assert.Equal([null, "anna", "astrom", "brien", "lisa", "o", "~an", "~astrm", "~brn"], rows.Select(r => r.PreviousToken));
        Assert.All(rows, r => Assert.Equal("astrom o brien | anna lisa anna", r.SortKey));
        Assert.All(rows, r => Assert.Equal((participant.Id, participant.TenantId), (r.ParticipantId, r.TenantId)));
    }

    [Fact]
    public void A_word_longer_than_the_column_is_cut_and_kept_once()
    {
        var word = new string('k', ParticipantWriter.MaxTokenLength + 20);
        var participant = new Participant { Id = Guid.NewGuid(), GivenName = word, FamilyName = word + "a" };

        var rows = ParticipantWriter.NameRows(participant);

        // Both words cut to the same 100 letters: one row for them; their sound keys ("k") are one letter, so one row.
        Assert.Equal([new string('k', ParticipantWriter.MaxTokenLength), "~k"], rows.Select(r => r.Token));
    }
}
