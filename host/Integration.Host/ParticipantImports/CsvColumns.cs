using Integration.Host.Participants;

namespace Integration.Host.ParticipantImports;

/// <summary>
/// The columns an import understands, by their English field names and the Swedish headers municipalities use
/// (Förnamn, Efternamn, Personnummer, Kön, Födelseår…). Header matching ignores case, diacritics, spaces and punctuation.
/// </summary>
internal static class CsvColumns
{
    private static readonly Dictionary<string, string> ByHeader = Build(new Dictionary<string, string[]>
    {
        ["givenName"] = ["givenName", "förnamn", "firstName", "tilltalsnamn"],
        ["familyName"] = ["familyName", "efternamn", "lastName", "surname"],
        ["identityKind"] = ["identityKind", "identitetstyp", "typ av id", "id-typ"],
        ["identityNumber"] = ["identityNumber", "personnummer", "samordningsnummer", "identitetsnummer", "personnummer/samordningsnummer", "id-nummer"],
        ["gender"] = ["gender", "kön"],
        ["birthYear"] = ["birthYear", "födelseår"],
        ["countryOfBirth"] = ["countryOfBirth", "födelseland"],
        ["arrivalDate"] = ["arrivalDate", "ankomstdatum", "ankomst till sverige", "ankomst"],
        ["languages"] = ["languages", "språk"],
        ["interpreterNeeded"] = ["interpreterNeeded", "tolkbehov", "behov av tolk", "tolk"],
        ["labourMarketStatus"] = ["labourMarketStatus", "arbetsmarknadsstatus", "status på arbetsmarknaden"],
        ["educationLevel"] = ["educationLevel", "utbildningsnivå", "isced"],
        ["thirdCountryNational"] = ["thirdCountryNational", "tredjelandsmedborgare"],
        ["disability"] = ["disability", "funktionsnedsättning"],
        ["incomeSupport"] = ["incomeSupport", "försörjningsstöd", "ekonomiskt bistånd"],
    });

    /// <summary>The field a header names, or null.</summary>
    public static string? FieldFor(string header) => ByHeader.GetValueOrDefault(Key(header));

    private static Dictionary<string, string> Build(Dictionary<string, string[]> names)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, headers) in names)
        {
            foreach (var header in headers)
            {
                map[Key(header)] = field;
            }
        }

        return map;
    }

    private static string Key(string header) => NameFolding.Fold(header).Replace(" ", string.Empty, StringComparison.Ordinal);
}
