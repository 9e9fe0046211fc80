using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>
/// Suggests records that may be the same person: a birth year within one year (or unknown) and a name that is the same
/// or nearly so once folded: the same words in another order, a letter or two apart, one name missing, or the same
/// name transliterated another way (Mohammed Hassan, Muhammad Hasan), found through sound keys.
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

        // Candidates sharing the most words or sound keys first, so that a common name does not crowd out the best ones.
        var keys = ParticipantWriter.NameKeys(wanted);
        var byWord = db.ParticipantNames.Where(n => keys.Contains(n.Token))
            .GroupBy(n => n.ParticipantId)
            .OrderByDescending(g => g.Count())
            .Take(500)
            .Select(g => g.Key);
        var sameWord = await query.Where(p => byWord.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.BirthYear })
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
        var mySounds = wanted.Select(NameFolding.Skeleton).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var theirSounds = theirs.Select(NameFolding.Skeleton).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var soundScore = mySounds.Count == 0 ? 0 : 85 * mySounds.Intersect(theirSounds).Count() / Math.Max(mySounds.Count, theirSounds.Count);
        var distance = NameFolding.Distance(folded, theirFolded);
        var spellingScore = Math.Max(0, 100 - (distance * 100 / Math.Max(4, Math.Max(folded.Length, theirFolded.Length))) * 2);
        var nameScore = Math.Max(Math.Max(wordScore, spellingScore), soundScore);
        var yearPenalty = year is null || otherYear is null ? 10 : year == otherYear ? 0 : 15;
        return Math.Max(0, nameScore - yearPenalty);
    }
}
