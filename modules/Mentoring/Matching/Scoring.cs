using Integration.Abstractions.Kernel;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Matching;

/// <summary>
/// The matching score, out of 100, as a sum of parts a case worker can read: a shared language other than Swedish
/// (30; only Swedish 10), a sector the participant wishes to work in (30), the wished gender (20) and kind of mentor
/// (15), and free capacity (up to 5, by the share of places free).
/// </summary>
internal static class Scoring
{
    public const int LanguagePoints = 30;
    public const int SwedishOnlyPoints = 10;
    public const int SectorPoints = 30;
    public const int GenderPoints = 20;
    public const int KindPoints = 15;
    public const int CapacityPoints = 5;
    public const string Swedish = "sv";

    public static MentorSuggestion Suggest(IReadOnlyList<string> languages, Preferences? preferences, Mentor mentor, int activeMatches)
    {
        var free = Math.Max(0, mentor.Capacity - activeMatches);
        var parts = new List<ScorePart>
        {
            Language(languages, mentor),
            Sector(preferences?.SectorWishes ?? [], mentor),
            Gender(preferences?.PreferredMentorGender, mentor),
            Kind(preferences?.PreferredMentorKind, mentor),
            new("capacity", (int)Math.Round(CapacityPoints * (decimal)free / mentor.Capacity, MidpointRounding.AwayFromZero), CapacityPoints,
                FieldRules.T($"{free} av {mentor.Capacity} platser lediga.", $"{free} of {mentor.Capacity} places free.")),
        };
        return new MentorSuggestion(
            mentor.Id, mentor.Name, EnumText.Of(mentor.Kind), EnumText.Of(mentor.Gender), mentor.Languages, mentor.Sectors.Select(EnumText.Of).ToList(),
            mentor.Availability, mentor.Capacity, free, parts.Sum(p => p.Points), parts);
    }

    private static ScorePart Language(IReadOnlyList<string> languages, Mentor mentor)
    {
        var shared = languages.Where(mentor.Languages.Contains).ToList();
        var besidesSwedish = shared.Where(l => l != Swedish).ToList();
        if (besidesSwedish.Count > 0)
        {
            var list = string.Join(", ", besidesSwedish);
            return new("language", LanguagePoints, LanguagePoints, FieldRules.T($"Talar också deltagarens språk: {list}.", $"Also speaks the participant's language: {list}."));
        }

        return shared.Count > 0
            ? new("language", SwedishOnlyPoints, LanguagePoints, FieldRules.T("Delar bara svenska med deltagaren.", "Shares only Swedish with the participant."))
            : new("language", 0, LanguagePoints, FieldRules.T("Inget gemensamt språk.", "No shared language."));
    }

    private static ScorePart Sector(List<Sector> wishes, Mentor mentor)
    {
        if (wishes.Count == 0)
        {
            return new("sector", 0, SectorPoints, FieldRules.T("Deltagaren har inte angett någon önskad bransch.", "The participant has given no sector wish."));
        }

        var shared = wishes.Where(mentor.Sectors.Contains).Select(EnumText.Of).ToList();
        return shared.Count > 0
            ? new("sector", SectorPoints, SectorPoints, FieldRules.T($"Känner den önskade branschen: {string.Join(", ", shared)}.", $"Knows the wished sector: {string.Join(", ", shared)}."))
            : new("sector", 0, SectorPoints, FieldRules.T("Känner ingen av de önskade branscherna.", "Knows none of the wished sectors."));
    }

    private static ScorePart Gender(Gender? wished, Mentor mentor) => wished switch
    {
        null => new("gender", 0, GenderPoints, FieldRules.T("Inget önskemål om mentorns kön.", "No wish about the mentor's gender.")),
        var g when g == mentor.Gender => new("gender", GenderPoints, GenderPoints, FieldRules.T($"Har det önskade könet ({EnumText.Of(g.Value)}).", $"Has the wished gender ({EnumText.Of(g.Value)}).")),
        var g => new("gender", 0, GenderPoints, FieldRules.T($"Deltagaren önskar en mentor som är {EnumText.Of(g.Value)}.", $"The participant wishes a mentor who is {EnumText.Of(g.Value)}.")),
    };

    private static ScorePart Kind(MentorKind? wished, Mentor mentor) => wished switch
    {
        null => new("kind", 0, KindPoints, FieldRules.T("Inget önskemål om slags mentor.", "No wish about the kind of mentor.")),
        var k when k == mentor.Kind => new("kind", KindPoints, KindPoints, FieldRules.T($"Är det önskade slaget av mentor ({EnumText.Of(k.Value)}).", $"Is the wished kind of mentor ({EnumText.Of(k.Value)}).")),
        var k => new("kind", 0, KindPoints, FieldRules.T($"Deltagaren önskar en mentor av slaget {EnumText.Of(k.Value)}.", $"The participant wishes a mentor of kind {EnumText.Of(k.Value)}.")),
    };
}
