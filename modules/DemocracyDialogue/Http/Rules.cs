using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Modules.DemocracyDialogue.Http;

/// <summary>Field rules shared by the module's requests; each adds a bilingual error naming the field.</summary>
internal static partial class Rules
{
    /// <summary>A required text, trimmed, of at most <paramref name="max"/> characters; null when it is missing or too long.</summary>
    public static string? Text(this FieldErrors errors, string? value, string field, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors.Add(field, T("Fältet måste fyllas i.", "The field is required."));
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, T($"Högst {max} tecken.", $"At most {max} characters."));
            return null;
        }

        return text;
    }

    /// <summary>An optional text, trimmed (blank is none), of at most <paramref name="max"/> characters.</summary>
    public static string? OptionalText(this FieldErrors errors, string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : errors.Text(value, field, max);

    /// <summary>A required date from <paramref name="notBefore"/> to <paramref name="today"/>.</summary>
    public static void CheckDate(this FieldErrors errors, DateOnly? value, string field, DateOnly notBefore, DateOnly today, string tooEarly)
    {
        if (value is not { } date)
        {
            errors.Add(field, T("Ange datum.", "Give the date."));
            return;
        }

        errors.Require(date >= notBefore, field, tooEarly);
        errors.Require(date <= today, field, T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
    }

    /// <summary>
    /// An enum value by its camelCase API name (<c>studyVisitToCouncil</c>, also with hyphens); numbers are refused.
    /// Null with an error listing the names when the value is missing or unknown.
    /// </summary>
    public static TEnum? Enum<TEnum>(this FieldErrors errors, string? value, string field)
        where TEnum : struct, Enum
    {
        var name = value?.Replace("-", string.Empty, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(name) && char.IsAsciiLetter(name[0]) && System.Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var names = string.Join(", ", System.Enum.GetValues<TEnum>().Select(ApiName));
        errors.Add(field, string.IsNullOrWhiteSpace(value)
            ? T($"Ange ett av: {names}.", $"Give one of: {names}.")
            : T($"Okänt värde '{value}'; använd {names}.", $"Unknown value '{value}'; use {names}."));
        return null;
    }

    /// <summary>The camelCase name an enum value has in the API.</summary>
    public static string ApiName<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>ISO 639 codes (two or three lower-case letters), each once; at least <paramref name="min"/>.</summary>
    public static List<string> LanguageCodes(this FieldErrors errors, IReadOnlyList<string?>? codes, string field, int min)
    {
        var list = codes ?? [];
        if (list.Count < min)
        {
            errors.Add(field, T("Ange minst ett språk (ISO 639-kod, till exempel sv).", "Give at least one language (an ISO 639 code such as sv)."));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } code || !LanguageCode().IsMatch(code))
            {
                errors.Add($"{field}[{i}]", T($"'{list[i]}' är ingen språkkod enligt ISO 639 (två eller tre små bokstäver).", $"'{list[i]}' is not an ISO 639 language code (two or three lower-case letters)."));
            }
            else if (list.Take(i).Contains(code, StringComparer.Ordinal))
            {
                errors.Add($"{field}[{i}]", T($"Språket '{code}' står redan i listan.", $"The language '{code}' is already listed."));
            }
        }

        errors.Require(list.Count <= MaxListItems, field, T($"Högst {MaxListItems} språk.", $"At most {MaxListItems} languages."));
        return list.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    public const int MaxListItems = 20;

    /// <summary>Today in the host's local time zone, as the host's own endpoints count it.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string T(string sv, string en) => LocalizedText.Pick(sv, en);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
