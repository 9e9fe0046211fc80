using System.Globalization;
using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Host.Participants;

/// <summary>Registers or updates a participant.</summary>
/// <param name="GivenName">Given name(s).</param>
/// <param name="FamilyName">Family name; may be left out for someone with one name.</param>
/// <param name="IdentityKind"><c>personnummer</c>, <c>samordningsnummer</c>, <c>lmaCard</c>, <c>dossierNumber</c> or
/// <c>otherReference</c>; may be left out for a personnummer or samordningsnummer, which are recognised.</param>
/// <param name="IdentityNumber">Personnummer or samordningsnummer in any usual written form, or another reference.</param>
/// <param name="Gender">As stated: <c>woman</c>, <c>man</c>, <c>nonBinaryOrOther</c>, <c>notStated</c>.</param>
/// <param name="BirthYear">Birth year; follows from a personnummer when left out, and must agree with it.</param>
/// <param name="CountryOfBirth">ISO 3166 two-letter code (SY, AF, ER).</param>
/// <param name="ArrivalDate">Arrival in Sweden.</param>
/// <param name="Languages">ISO 639 codes of the languages spoken (ar, ti, prs).</param>
/// <param name="InterpreterNeeded">Whether an interpreter is needed.</param>
/// <param name="LabourMarketStatus"><c>unemployed</c>, <c>longTermUnemployed</c>, <c>inactive</c> or <c>employed</c>.</param>
/// <param name="EducationLevel"><c>isced0To2</c>, <c>isced3To4</c> or <c>isced5To8</c>.</param>
/// <param name="ThirdCountryNational">A citizen of a country outside the EU/EEA.</param>
/// <param name="Disability">Optional and sensitive: only when the participant chooses to say.</param>
/// <param name="IncomeSupport">Receives income support (ekonomiskt bistånd).</param>
public sealed partial record ParticipantRequest(
    string? GivenName,
    string? FamilyName,
    IdentityKind? IdentityKind,
    string? IdentityNumber,
    Gender? Gender,
    int? BirthYear,
    string? CountryOfBirth,
    DateOnly? ArrivalDate,
    IReadOnlyList<string>? Languages,
    bool? InterpreterNeeded,
    LabourMarketStatus? LabourMarketStatus,
    EducationLevel? EducationLevel,
    bool? ThirdCountryNational,
    bool? Disability,
    bool? IncomeSupport)
{
    /// <summary>Checks every field; returns the normalised identity (kind and number), or null when none was given.</summary>
    internal (IdentityKind Kind, string Number)? Validate(FieldErrors errors, DateOnly today)
    {
        var given = GivenName?.Trim() ?? string.Empty;
        var family = FamilyName?.Trim() ?? string.Empty;
        if (given.Length == 0 && family.Length == 0)
        {
            errors.Add("givenName", T("Ange ett namn.", "Give a name."));
        }

        errors.Require(given.Length <= 100, "givenName", T("Förnamnet har högst 100 tecken.", "The given name has at most 100 characters."));
        errors.Require(family.Length <= 100, "familyName", T("Efternamnet har högst 100 tecken.", "The family name has at most 100 characters."));
        errors.Require(Gender is not null, "gender", T("Ange kön som deltagaren uppger: woman, man, nonBinaryOrOther eller notStated.", "Give the gender as stated: woman, man, nonBinaryOrOther or notStated."));

        var identity = ValidateIdentity(errors, today, out var birthDate);
        if (BirthYear is { } year)
        {
            if (year < 1900 || year > today.Year)
            {
                errors.Add("birthYear", T($"Födelseåret ligger mellan 1900 och {today.Year}.", $"The birth year is from 1900 to {today.Year}."));
            }
            else if (birthDate is { } born && born.Year != year)
            {
                errors.Add("birthYear", T($"Födelseåret stämmer inte med identitetsnumret ({born.Year}).", $"The birth year does not match the identity number ({born.Year})."));
            }
        }

        if (CountryOfBirth is { } country && !IsCountryCode(country))
        {
            errors.Add("countryOfBirth", T("Ange landet som en tvåbokstavskod enligt ISO 3166, till exempel SY.", "Give the country as an ISO 3166 two-letter code, such as SY."));
        }

        if (ArrivalDate is { } arrived)
        {
            if (arrived > today)
            {
                errors.Add("arrivalDate", T("Ankomstdatumet kan inte ligga i framtiden.", "The arrival date cannot be in the future."));
            }
            else if ((birthDate?.Year ?? BirthYear) is { } bornYear && arrived.Year < bornYear)
            {
                errors.Add("arrivalDate", T("Ankomstdatumet ligger före födelseåret.", "The arrival date is before the birth year."));
            }
        }

        foreach (var language in Languages ?? [])
        {
            if (language is null || !LanguageCode().IsMatch(language))
            {
                errors.Add("languages", T($"'{language}' är ingen språkkod enligt ISO 639 (två eller tre små bokstäver).", $"'{language}' is not an ISO 639 language code (two or three lower-case letters)."));
            }
        }

        return identity;
    }

    internal int? EffectiveBirthYear((IdentityKind Kind, string Number)? identity) =>
        BirthYear ?? (identity is { Kind: Participants.IdentityKind.Personnummer or Participants.IdentityKind.Samordningsnummer } id
            ? int.Parse(id.Number[..4], CultureInfo.InvariantCulture)
            : null);

    internal ParticipantStatus Status() => new()
    {
        LabourMarketStatus = LabourMarketStatus,
        EducationLevel = EducationLevel,
        ThirdCountryNational = ThirdCountryNational,
        Disability = Disability,
        IncomeSupport = IncomeSupport,
    };

    private (IdentityKind Kind, string Number)? ValidateIdentity(FieldErrors errors, DateOnly today, out DateOnly? birthDate)
    {
        birthDate = null;
        var number = IdentityNumber?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            if (IdentityKind is not null)
            {
                errors.Add("identityNumber", T("Ange numret, eller ta bort typen.", "Give the number, or leave out the kind."));
            }

            return null;
        }

        if (IdentityKind is null or Participants.IdentityKind.Personnummer or Participants.IdentityKind.Samordningsnummer)
        {
            if (SwedishIdentityNumber.TryParse(number, today, out var parsed, out var error))
            {
                if (IdentityKind is { } stated && stated != parsed.Kind)
                {
                    errors.Add("identityNumber", T($"Numret är ett {Name(parsed.Kind)}, inte ett {Name(stated)}.", $"The number is a {parsed.Kind}, not a {stated}."));
                    return null;
                }

                birthDate = parsed.BirthDate;
                return (parsed.Kind, parsed.Normalized);
            }

            errors.Add("identityNumber", IdentityKind is null
                ? T($"{error.Sv} Är det ett annat slags nummer, ange identityKind.", $"{error.En} If it is another kind of number, give identityKind.")
                : T(error.Sv, error.En));
            return null;
        }

        if (number.Length is < 3 or > 40)
        {
            errors.Add("identityNumber", T("En referens har 3 till 40 tecken.", "A reference has 3 to 40 characters."));
            return null;
        }

        return (IdentityKind.Value, number.ToUpperInvariant());
    }

    private static string Name(IdentityKind kind) => kind == Participants.IdentityKind.Samordningsnummer ? "samordningsnummer" : "personnummer";

    private static bool IsCountryCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return false;
        }

        // RegionInfo asks ICU each time; there are few codes, so remember the answers (imports check 100 000 rows).
        return CountryCodes.GetOrAdd(code.ToUpperInvariant(), static upper =>
        {
            try
            {
                return string.Equals(new RegionInfo(upper).TwoLetterISORegionName, upper, StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                return false;
            }
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> CountryCodes = new(StringComparer.Ordinal);

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
