using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>
/// Suggests records that may be the same person: a birth year within one year (or unknown) and a name that is the same
/// or nearly so once folded (the same words in another order, a letter or two apart, one name missing).
/// </summary>
public sealed class DuplicateFinder(IntegrationDbContext db)
{
    private const int MinimumScore = 60;

    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(string? givenName, string? familyName, int? birthYear, Guid? except, CancellationToken ct)
    {
        var wanted = NameFolding.Tokens(givenName, familyName);
        if (wanted.Count == 0)
        {
            return [];
        }

        // Narrow down in the database by birth year and by any shared name word; score the few that remain here.
        var query = db.Participants.AsNoTracking().Where(p => p.MergedIntoId == null && p.Id != except);
        if (birthYear is { } year)
        {
            query = query.Where(p => p.BirthYear == null || (p.BirthYear >= year - 1 && p.BirthYear <= year + 1));
        }

        var byWord = db.ParticipantNames.Where(n => wanted.Contains(n.Token)).Select(n => n.ParticipantId);
        var sameWord = await query.Where(p => byWord.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.BirthYear })
            .Take(500)
            .ToListAsync(ct);

        var folded = string.Join(' ', wanted.Order(StringComparer.Ordinal));
        return sameWord
            .Select(p => new DuplicateCandidate(p.Id, $"{p.GivenName} {p.FamilyName}".Trim(), p.BirthYear, Score(folded, wanted, p.GivenName, p.FamilyName, birthYear, p.BirthYear)))
            .Where(c => c.Score >= MinimumScore)
            .OrderByDescending(c => c.Score)
            .Take(10)
            .ToList();
    }

    private static int Score(string folded, IReadOnlyList<string> wanted, string given, string family, int? year, int? otherYear)
    {
        var theirs = NameFolding.Tokens(given, family);
        var theirFolded = string.Join(' ', theirs.Order(StringComparer.Ordinal));
        var shared = wanted.Intersect(theirs).Count();
        var wordScore = 100 * shared / Math.Max(wanted.Count, theirs.Count);
        var distance = NameFolding.Distance(folded, theirFolded);
        var spellingScore = Math.Max(0, 100 - (distance * 100 / Math.Max(4, Math.Max(folded.Length, theirFolded.Length))) * 2);
        var nameScore = Math.Max(wordScore, spellingScore);
        var yearPenalty = year is null || otherYear is null ? 10 : year == otherYear ? 0 : 15;
        return Math.Max(0, nameScore - yearPenalty);
    }
}
