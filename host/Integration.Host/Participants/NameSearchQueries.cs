using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>
/// The name searches case workers type most, one word or two (a given name and the start of a family name), as
/// queries compiled once. For a query written in LINQ, EF Core walks its expression tree on every request to find the
/// parameters and the cached plan; under load that was about 5 % of the host's CPU. The SQL is the general search's
/// (<c>ParticipantEndpoints.SearchByNameAsync</c>), which answers every other shape.
/// </summary>
/// <remarks>
/// One shape serves both: the longest word's index range, and the other word checked on the sort key. For one word the
/// other word is empty, which every sort key contains, so the index lookup for a cut sort key never runs.
/// </remarks>
#pragma warning disable CA1309, CA1310 // EF Core turns CompareTo into SQL comparisons, ordinal on both providers.
internal static class NameSearchQueries
{
    // Scalar parameters: EF Core cannot translate a member of a parameter object inside the subquery.
    private static readonly Func<IntegrationDbContext, string, string, string, string, string, int, int, IAsyncEnumerable<ParticipantListItem>> Page = EF.CompileAsyncQuery(
        (IntegrationDbContext db, string term, string termEnd, string other, string otherEnd, string otherWord, int skip, int take) => db.ParticipantNames.AsNoTracking()
            .Where(n => n.Token.CompareTo(term) >= 0 && n.Token.CompareTo(termEnd) < 0
                && (n.PreviousToken == null || n.PreviousToken.CompareTo(term) < 0)
                && ((" " + n.SortKey).Contains(otherWord)
                    || (n.SortKey.Length >= ParticipantWriter.MaxSortKeyLength && db.ParticipantNames
                        .Where(m => m.Token.CompareTo(other) >= 0 && m.Token.CompareTo(otherEnd) < 0)
                        .Any(m => m.ParticipantId == n.ParticipantId))))
            .OrderBy(n => n.SortKey).ThenBy(n => n.ParticipantId).Skip(skip).Take(take)
            .Join(db.Participants.AsNoTracking(), n => n.ParticipantId, x => x.Id, (n, x) => new { n.SortKey, x.Id, x.GivenName, x.FamilyName, x.Gender, x.BirthYear, x.IdentityKind, x.IdentityNumber })
            .OrderBy(r => r.SortKey).ThenBy(r => r.Id)
            .Select(r => new ParticipantListItem(r.Id, r.GivenName, r.FamilyName, r.Gender, r.BirthYear, r.IdentityKind, r.IdentityNumber)));

    /// <summary>How many participants match.</summary>
    private static readonly Func<IntegrationDbContext, string, string, string, string, string, CancellationToken, Task<int>> Count = EF.CompileAsyncQuery(
        (IntegrationDbContext db, string term, string termEnd, string other, string otherEnd, string otherWord, CancellationToken ct) => db.ParticipantNames.AsNoTracking()
            .Count(n => n.Token.CompareTo(term) >= 0 && n.Token.CompareTo(termEnd) < 0
                && (n.PreviousToken == null || n.PreviousToken.CompareTo(term) < 0)
                && ((" " + n.SortKey).Contains(otherWord)
                    || (n.SortKey.Length >= ParticipantWriter.MaxSortKeyLength && db.ParticipantNames
                        .Where(m => m.Token.CompareTo(other) >= 0 && m.Token.CompareTo(otherEnd) < 0)
                        .Any(m => m.ParticipantId == n.ParticipantId)))));

    /// <summary>Reads a page of hits with their participants, in name order (see <see cref="NameSearch.For"/>).</summary>
    public static ValueTask<List<ParticipantListItem>> PageAsync(IntegrationDbContext db, NameSearch search, int skip, int take, CancellationToken ct) =>
        Page(db, search.Term, search.TermEnd, search.Other, search.OtherEnd, search.OtherWord, skip, take).ToListAsync(ct);

    /// <summary>How many participants match.</summary>
    public static Task<int> CountAsync(IntegrationDbContext db, NameSearch search, CancellationToken ct) =>
        Count(db, search.Term, search.TermEnd, search.Other, search.OtherEnd, search.OtherWord, ct);
}
#pragma warning restore CA1309, CA1310

/// <summary>
/// The parameters of a compiled name search: the longest word's index range (<see cref="Term"/> up to
/// <see cref="TermEnd"/>) and the other word (empty for a one-word search).
/// </summary>
internal sealed record NameSearch(string Term, string TermEnd, string Other, string OtherEnd, string OtherWord)
{
    /// <summary>The compiled search for one or two words, or null for more.</summary>
    public static NameSearch? For(IReadOnlyList<string> terms)
    {
        if (terms.Count is 0 or > 2)
        {
            return null;
        }

        var longest = terms.OrderByDescending(t => t.Length).First();
        var other = terms.Count == 2 ? terms[ReferenceEquals(terms[0], longest) ? 1 : 0] : "";
        return new NameSearch(longest, longest + char.MaxValue, other, other + char.MaxValue, other.Length == 0 ? "" : " " + other);
    }
}
