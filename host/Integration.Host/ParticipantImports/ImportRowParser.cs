using System.Globalization;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Participants;

namespace Integration.Host.ParticipantImports;

/// <summary>
/// Turns the text of one CSV row into a <see cref="ParticipantRequest"/>: the API's own rules then check it. Values are
/// read the way people write them in spreadsheets, in English or Swedish (kvinna, ja, arbetslös, 3-4).
/// </summary>
internal static class ImportRowParser
{
    private static readonly Dictionary<string, Gender> Genders = Synonyms<Gender>(new()
    {
        [Gender.Woman] = ["woman", "kvinna", "k", "f", "female"],
        [Gender.Man] = ["man", "m", "male"],
        [Gender.NonBinaryOrOther] = ["nonBinaryOrOther", "annat", "icke-binär", "icke binär", "ickebinär", "other", "non-binary"],
        [Gender.NotStated] = ["notStated", "ej angivet", "vill ej ange", "okänt", "unknown"],
    });

    private static readonly Dictionary<string, LabourMarketStatus> Statuses = Synonyms<LabourMarketStatus>(new()
    {
        [LabourMarketStatus.Unemployed] = ["unemployed", "arbetslös", "arbetssökande"],
        [LabourMarketStatus.LongTermUnemployed] = ["longTermUnemployed", "långtidsarbetslös"],
        [LabourMarketStatus.Inactive] = ["inactive", "inaktiv", "utanför arbetskraften", "ej i arbetskraften"],
        [LabourMarketStatus.Employed] = ["employed", "anställd", "sysselsatt", "i arbete"],
    });

    private static readonly Dictionary<string, EducationLevel> Levels = Synonyms<EducationLevel>(new()
    {
        [EducationLevel.Isced0To2] = ["isced0To2", "0-2", "0–2", "isced 0-2", "förgymnasial"],
        [EducationLevel.Isced3To4] = ["isced3To4", "3-4", "3–4", "isced 3-4", "gymnasial"],
        [EducationLevel.Isced5To8] = ["isced5To8", "5-8", "5–8", "isced 5-8", "eftergymnasial"],
    });

    private static readonly Dictionary<string, IdentityKind> Kinds = Synonyms<IdentityKind>(new()
    {
        [IdentityKind.Personnummer] = ["personnummer"],
        [IdentityKind.Samordningsnummer] = ["samordningsnummer"],
        [IdentityKind.LmaCard] = ["lmaCard", "lma", "lma-kort"],
        [IdentityKind.DossierNumber] = ["dossierNumber", "dossiernummer", "ärendenummer"],
        [IdentityKind.OtherReference] = ["otherReference", "annan", "other"],
    });

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.Ordinal)
    {
        ["ja"] = true, ["yes"] = true, ["true"] = true, ["1"] = true, ["x"] = true, ["j"] = true, ["y"] = true,
        ["nej"] = false, ["no"] = false, ["false"] = false, ["0"] = false, ["n"] = false,
    };

    public static ParticipantRequest Parse(CsvRow values, FieldErrors errors)
    {
        string? Text(string field) => values[field] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        return new ParticipantRequest(
            GivenName: Text("givenName"),
            FamilyName: Text("familyName"),
            IdentityKind: Lookup(Text("identityKind"), Kinds, "identityKind", errors),
            IdentityNumber: Text("identityNumber"),
            Gender: Text("gender") is null ? Gender.NotStated : Lookup(Text("gender"), Genders, "gender", errors),
            BirthYear: Number(Text("birthYear"), "birthYear", errors),
            CountryOfBirth: Text("countryOfBirth")?.ToUpperInvariant(),
            ArrivalDate: Date(Text("arrivalDate"), "arrivalDate", errors),
            Languages: Text("languages")?.Split([',', ';', '|', ' '], StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).ToList(),
            InterpreterNeeded: Boolean(Text("interpreterNeeded"), "interpreterNeeded", errors),
            LabourMarketStatus: Lookup(Text("labourMarketStatus"), Statuses, "labourMarketStatus", errors),
            EducationLevel: Lookup(Text("educationLevel"), Levels, "educationLevel", errors),
            ThirdCountryNational: Boolean(Text("thirdCountryNational"), "thirdCountryNational", errors),
            Disability: Boolean(Text("disability"), "disability", errors),
            IncomeSupport: Boolean(Text("incomeSupport"), "incomeSupport", errors));
    }

    private static T? Lookup<T>(string? text, Dictionary<string, T> synonyms, string field, FieldErrors errors)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (synonyms.TryGetValue(text, out var value) || synonyms.TryGetValue(NameFolding.Fold(text), out value))
        {
            return value;
        }

        errors.Add(field, LocalizedText.Pick($"Okänt värde '{text}'.", $"Unknown value '{text}'."));
        return null;
    }

    private static bool? Boolean(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Booleans.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        errors.Add(field, LocalizedText.Pick($"'{text}' är inte ja eller nej.", $"'{text}' is not yes or no."));
        return null;
    }

    private static int? Number(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, LocalizedText.Pick($"'{text}' är inget årtal.", $"'{text}' is not a year."));
        return null;
    }

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors.Add(field, LocalizedText.Pick($"'{text}' är inget datum (ÅÅÅÅ-MM-DD).", $"'{text}' is not a date (YYYY-MM-DD)."));
        return null;
    }

    private static Dictionary<string, T> Synonyms<T>(Dictionary<T, string[]> names)
        where T : struct, Enum
    {
        // The words as written (any case) for the common case, and folded for the rest (Långtidsarbetslös, 3–4).
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, words) in names)
        {
            foreach (var word in words)
            {
                map[word] = value;
                map[NameFolding.Fold(word)] = value;
            }
        }

        return map;
    }
}
