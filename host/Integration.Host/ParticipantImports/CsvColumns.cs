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

    /// <summary>Every field, in the order of a <see cref="CsvRow"/>'s values.</summary>
    public static readonly IReadOnlyList<string> Fields = ByHeader.Values.Distinct(StringComparer.Ordinal).ToArray();

    private static readonly Dictionary<string, int> Positions = Fields.Select((field, i) => (field, i)).ToDictionary(f => f.field, f => f.i, StringComparer.Ordinal);

    /// <summary>The field a header names, or null.</summary>
    public static string? FieldFor(string header) => ByHeader.GetValueOrDefault(Key(header));

    /// <summary>Where a field's value is in a <see cref="CsvRow"/>.</summary>
    public static int PositionOf(string field) => Positions[field];

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

/// <summary>
/// One data row's values, by field (<see cref="CsvColumns.Fields"/>); null for a field the file has no column for.
/// An array per row rather than a dictionary: an import reads 100 000 rows.
/// </summary>
internal readonly struct CsvRow(string?[] values)
{
    public string? this[string field] => values[CsvColumns.PositionOf(field)];
}
