using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Modules.Health.Http;

/// <summary>Rules shared by the module's requests; each adds an error naming the field.</summary>
internal static partial class FieldRules
{
    /// <summary>A trimmed text of at most <paramref name="max"/> characters; null when left out (and not required).</summary>
    public static string? Text(this FieldErrors errors, string field, string? value, int max, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            errors.Add(field, LocalizedText.Pick("Fältet måste fyllas i.", "The field is required."));
        }
        else if (text is { Length: var length } && length > max)
        {
            errors.Add(field, LocalizedText.Pick($"Högst {max} tecken.", $"At most {max} characters."));
        }

        return text;
    }

    /// <summary>An ISO 639 language code (<c>sv</c>, <c>ar</c>, <c>prs</c>), lower-cased.</summary>
    public static string? Language(this FieldErrors errors, string field, string? value, bool required)
    {
        var code = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
        if (code is null ? required : !LanguagePattern().IsMatch(code))
        {
            errors.Add(field, LocalizedText.Pick("Ange en språkkod enligt ISO 639, till exempel sv, ar eller prs.", "Give an ISO 639 language code, such as sv, ar or prs."));
        }

        return code;
    }

    /// <summary>One of an enum's camelCase names.</summary>
    public static TEnum? Choice<TEnum>(this FieldErrors errors, string field, string? value, bool required)
        where TEnum : struct, Enum
    {
        var parsed = EnumText.Parse<TEnum>(value);
        if (parsed is null && (required || !string.IsNullOrWhiteSpace(value)))
        {
            errors.Add(field, LocalizedText.Pick($"Ange ett av: {EnumText.Names<TEnum>()}.", $"Give one of: {EnumText.Names<TEnum>()}."));
        }

        return parsed;
    }

    /// <summary>A date that is given.</summary>
    public static DateOnly Date(this FieldErrors errors, string field, DateOnly? value)
    {
        if (value is null)
        {
            errors.Add(field, LocalizedText.Pick("Ange ett datum.", "Give a date."));
        }

        return value ?? default;
    }

    /// <summary>A duration of 1 to 600 minutes, when given.</summary>
    public static void Duration(this FieldErrors errors, string field, int? minutes) =>
        errors.Require(minutes is null or (>= 1 and <= 600), field, LocalizedText.Pick("Ange 1–600 minuter.", "Give 1–600 minutes."));

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();
}
