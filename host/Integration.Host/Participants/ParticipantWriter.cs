using Integration.Host.Audit;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>Creates and changes participants with their name index and audit entries, in one save.</summary>
public sealed class ParticipantWriter(IntegrationDbContext db, AuditLog audit, TimeProvider clock)
{
    internal const string RecordType = "participant";

    /// <summary>The tenant's participant with this identity number (or the record it was merged into), if any.</summary>
    public async Task<Guid?> FindByIdentityAsync(string number, Guid? except, CancellationToken ct)
    {
        var existing = await db.Participants.AsNoTracking()
            .Where(p => p.IdentityNumber == number && p.Id != except)
            .Select(p => new { p.Id, p.MergedIntoId })
            .FirstOrDefaultAsync(ct);
        return existing is null ? null : existing.MergedIntoId ?? existing.Id;
    }

    /// <summary>Adds a new participant (not saved).</summary>
    public Participant Add(ParticipantRequest request, (IdentityKind Kind, string Number)? identity)
    {
        var participant = Build(request, identity);
        db.Participants.Add(participant);
        db.ParticipantNames.AddRange(NameRows(participant));
        audit.Add(AuditAction.Create, RecordType, participant.Id, participant.Id);
        return participant;
    }

    /// <summary>A new participant from a validated request, with its values at entry; not tracked (imports write it in bulk).</summary>
    public Participant Build(ParticipantRequest request, (IdentityKind Kind, string Number)? identity)
    {
        var participant = new Participant
        {
            Id = Guid.NewGuid(),
            GivenName = string.Empty,
            FamilyName = string.Empty,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Version = 1,
        };
        Apply(participant, request, identity);
        participant.Entry = participant.Current.Copy();
        return participant;
    }

    /// <summary>
    /// The searchable words of a participant's name, and their sound keys marked with <c>~</c> (for duplicate
    /// suggestions; a name search never reaches them, since its words hold letters and digits only).
    /// </summary>
    public static IReadOnlyList<ParticipantName> NameRows(Participant participant) => NameRows(participant, FoldedName.Of(participant));

    /// <summary>The same, from the participant's name folded already (an import folds it once to order the participants).</summary>
    internal static IReadOnlyList<ParticipantName> NameRows(Participant participant, FoldedName name)
    {
        // Written out rather than as LINQ chains: an import builds the rows of 100 000 participants at once.
        var words = new List<string>(4);
        NameFolding.AddWords(words, name.Given);
        NameFolding.AddWords(words, name.Family);
        var tokens = new List<string>(words.Count * 2);
        foreach (var key in NameKeys(words))
        {
            AddOnce(tokens, key.Length > MaxTokenLength ? key[..MaxTokenLength] : key);
        }

        tokens.Sort(StringComparer.Ordinal);
        var rows = new ParticipantName[tokens.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new ParticipantName
            {
                TenantId = participant.TenantId,
                ParticipantId = participant.Id,
                Token = tokens[i],
                SortKey = name.SortKey,
                PreviousToken = i == 0 ? null : tokens[i - 1],
            };
        }

        return rows;
    }

    /// <summary>The longest index word (the column's length).</summary>
    public const int MaxTokenLength = 100;

    /// <summary>The longest sort key (the column's length); a longer one is cut.</summary>
    public const int MaxSortKeyLength = 200;

    /// <summary>
    /// A participant's given and family names folded, and the sort key their name rows carry: how search results are
    /// ordered, by folded family name, then given name.
    /// </summary>
    internal readonly record struct FoldedName(string Given, string Family, string SortKey)
    {
        public static FoldedName Of(Participant participant)
        {
            var given = NameFolding.Fold(participant.GivenName);
            var family = NameFolding.Fold(participant.FamilyName);
            var key = string.Concat(family, " | ", given);
            return new(given, family, key.Length > MaxSortKeyLength ? key[..MaxSortKeyLength] : key);
        }
    }

    /// <summary>Folded words and their <c>~</c>sound keys, each once.</summary>
    public static IReadOnlyList<string> NameKeys(IReadOnlyList<string> words)
    {
        var keys = new List<string>(words.Count * 2);
        foreach (var word in words)
        {
            AddOnce(keys, word);
        }

        foreach (var word in words)
        {
            if (NameFolding.Skeleton(word, "~") is { } key)
            {
                AddOnce(keys, key);
            }
        }

        return keys;
    }

    // A name has a handful of words: a list search beats a set.
    private static void AddOnce(List<string> keys, string key)
    {
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    /// <summary>Changes a participant's current record (the entry values stay) and returns the changed fields (not saved).</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(Participant participant, ParticipantRequest request, (IdentityKind Kind, string Number)? identity, CancellationToken ct)
    {
        var before = ParticipantResponse.From(participant);
        var storedWords = IndexWords(participant);
        Apply(participant, request, identity);
        var after = ParticipantResponse.From(participant);
        var changed = ChangedFields(before, after);
        if (changed.Count == 0)
        {
            return changed;
        }

        if (changed.Contains("givenName") || changed.Contains("familyName"))
        {
            await ReplaceNameRowsAsync(participant, storedWords, ct);
        }

        participant.Version++;
        audit.Add(AuditAction.Update, RecordType, participant.Id, participant.Id, changed);
        return changed;
    }

    /// <summary>
    /// The name rows stored for a participant whose name is still the one they were written for. The rows have no index
    /// by participant (see <see cref="ParticipantName"/>): they are found by the participant's words, so a change to the
    /// words <see cref="NameRows(Participant)"/> makes needs a migration that writes the index again.
    /// </summary>
    internal Task<List<ParticipantName>> StoredNameRowsAsync(Participant participant, CancellationToken ct) =>
        RowsByWordsAsync(participant.Id, IndexWords(participant), ct);

    private static List<string> IndexWords(Participant participant) => NameRows(participant).Select(n => n.Token).ToList();

    private Task<List<ParticipantName>> RowsByWordsAsync(Guid participantId, List<string> words, CancellationToken ct) =>
        db.ParticipantNames.Where(n => words.Contains(n.Token) && n.ParticipantId == participantId).ToListAsync(ct);

    /// <summary>
    /// Brings the name rows in line with the participant's new name, through the change tracker, so that the old words
    /// go in the same save as the rest or not at all. A row whose key stays (a word and sort key that fold the same,
    /// such as a change of case) is kept, not deleted and added again under the same key.
    /// </summary>
    private async Task ReplaceNameRowsAsync(Participant participant, List<string> storedWords, CancellationToken ct)
    {
        var stored = await RowsByWordsAsync(participant.Id, storedWords, ct);
        var wanted = NameRows(participant);
        foreach (var row in stored)
        {
            var same = wanted.FirstOrDefault(w => w.Token == row.Token && w.SortKey == row.SortKey);
            if (same is null)
            {
                db.ParticipantNames.Remove(row);
            }
            else
            {
                row.PreviousToken = same.PreviousToken;
            }
        }

        db.ParticipantNames.AddRange(wanted.Where(w => !stored.Exists(row => row.Token == w.Token && row.SortKey == w.SortKey)));
    }

    private void Apply(Participant participant, ParticipantRequest request, (IdentityKind Kind, string Number)? identity)
    {
        participant.GivenName = request.GivenName?.Trim() ?? string.Empty;
        participant.FamilyName = request.FamilyName?.Trim() ?? string.Empty;
        participant.IdentityKind = identity?.Kind;
        participant.IdentityNumber = identity?.Number;
        participant.Gender = request.Gender!.Value;
        participant.BirthYear = request.EffectiveBirthYear(identity);
        participant.CountryOfBirth = request.CountryOfBirth?.ToUpperInvariant();
        participant.ArrivalDate = request.ArrivalDate;
        participant.Languages = (request.Languages ?? []).Distinct(StringComparer.Ordinal).ToList();
        participant.InterpreterNeeded = request.InterpreterNeeded ?? false;
        participant.Current = request.Status();
        participant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The JSON names of the fields that differ (never their values: those stay out of the audit log).</summary>
    private static List<string> ChangedFields(ParticipantResponse before, ParticipantResponse after)
    {
        var changed = new List<string>();
        void Check(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changed.Add(name);
            }
        }

        Check("givenName", before.GivenName, after.GivenName);
        Check("familyName", before.FamilyName, after.FamilyName);
        Check("identityKind", before.IdentityKind, after.IdentityKind);
        Check("identityNumber", before.IdentityNumber, after.IdentityNumber);
        Check("gender", before.Gender, after.Gender);
        Check("birthYear", before.BirthYear, after.BirthYear);
        Check("countryOfBirth", before.CountryOfBirth, after.CountryOfBirth);
        Check("arrivalDate", before.ArrivalDate, after.ArrivalDate);
        Check("languages", string.Join(',', before.Languages), string.Join(',', after.Languages));
        Check("interpreterNeeded", before.InterpreterNeeded, after.InterpreterNeeded);
        Check("labourMarketStatus", before.Current.LabourMarketStatus, after.Current.LabourMarketStatus);
        Check("educationLevel", before.Current.EducationLevel, after.Current.EducationLevel);
        Check("thirdCountryNational", before.Current.ThirdCountryNational, after.Current.ThirdCountryNational);
        Check("disability", before.Current.Disability, after.Current.Disability);
        Check("incomeSupport", before.Current.IncomeSupport, after.Current.IncomeSupport);
        return changed;
    }
}
