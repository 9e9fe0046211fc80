using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Modules.Mentoring.Http;

/// <summary>Rules shared by the module's requests; each adds a bilingual error naming the field.</summary>
internal static partial class FieldRules
{
    /// <summary>A trimmed text of at most <paramref name="max"/> characters; null when left out (and not required).</summary>
    public static string? Text(this FieldErrors errors, string field, string? value, int max, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            errors.Add(field, T("Fältet måste fyllas i.", "The field is required."));
        }
        else if (text is { Length: var length } && length > max)
        {
            errors.Add(field, T($"Högst {max} tecken.", $"At most {max} characters."));
        }

        return text;
    }

    /// <summary>An ISO 639 language code (<c>sv</c>, <c>ar</c>, <c>prs</c>), lower-cased; null when left out.</summary>
    public static string? Language(this FieldErrors errors, string field, string? value, bool required)
    {
        var code = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
        if (code is null ? required : !LanguagePattern().IsMatch(code))
        {
            errors.Add(field, T("Ange en språkkod enligt ISO 639, till exempel sv, ar eller prs.", "Give an ISO 639 language code, such as sv, ar or prs."));
            return null;
        }

        return code;
    }

    /// <summary>ISO 639 language codes (<c>sv</c>, <c>ar</c>, <c>prs</c>), lower-cased, each once; errors name <c>field[i]</c>.</summary>
    public static List<string> Languages(this FieldErrors errors, string field, IReadOnlyList<string?>? values, int max)
    {
        var codes = new List<string>();
        var list = values ?? [];
        errors.Require(list.Count <= max, field, T($"Högst {max} språk.", $"At most {max} languages."));
        for (var i = 0; i < list.Count && i < max; i++)
        {
            if (errors.Language($"{field}[{i}]", list[i], required: true) is { } code && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    /// <summary>One of an enum's camelCase names.</summary>
    public static TEnum? Choice<TEnum>(this FieldErrors errors, string field, string? value, bool required)
        where TEnum : struct, Enum
    {
        var parsed = EnumText.Parse<TEnum>(value);
        if (parsed is null && (required || !string.IsNullOrWhiteSpace(value)))
        {
            errors.Add(field, T($"Ange ett av: {EnumText.Names<TEnum>()}.", $"Give one of: {EnumText.Names<TEnum>()}."));
        }

        return parsed;
    }

    /// <summary>Several of an enum's camelCase names, each once; errors name <c>field[i]</c>.</summary>
    public static List<TEnum> Choices<TEnum>(this FieldErrors errors, string field, IReadOnlyList<string?>? values, int max)
        where TEnum : struct, Enum
    {
        var chosen = new List<TEnum>();
        var list = values ?? [];
        errors.Require(list.Count <= max, field, T($"Högst {max} val.", $"At most {max} choices."));
        for (var i = 0; i < list.Count && i < max; i++)
        {
            if (errors.Choice<TEnum>($"{field}[{i}]", list[i], required: true) is { } value && !chosen.Contains(value))
            {
                chosen.Add(value);
            }
        }

        return chosen;
    }

    /// <summary>A date that is given.</summary>
    public static DateOnly Date(this FieldErrors errors, string field, DateOnly? value)
    {
        if (value is null)
        {
            errors.Add(field, T("Ange ett datum.", "Give a date."));
        }

        return value ?? default;
    }

    /// <summary>A date, when given, that is not after today.</summary>
    public static void NotFuture(this FieldErrors errors, string field, DateOnly? value, DateOnly today) =>
        errors.Require(value is null || value <= today, field, T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));

    /// <summary>Hours in quarter-hours from <paramref name="min"/> to <paramref name="max"/>, as minutes; 0 with an error otherwise.</summary>
    public static int Hours(this FieldErrors errors, string field, decimal? hours, decimal min, decimal max)
    {
        if (hours is not { } h || h < min || h > max || h * 4 != decimal.Truncate(h * 4))
        {
            errors.Add(field, T($"Ange timmar från {min} till {max}, i kvartar (till exempel 2,5).", $"Give hours from {min} to {max}, in quarters (such as 2.5)."));
            return 0;
        }

        return (int)(h * 60);
    }

    public static decimal ToHours(int minutes) => minutes / 60m;

    public static string T(string sv, string en) => LocalizedText.Pick(sv, en);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();
}
