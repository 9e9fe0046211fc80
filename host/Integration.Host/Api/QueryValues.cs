using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Host.Api;

/// <summary>Query-string values parsed the way the JSON bodies name them.</summary>
public static class QueryValues
{
    /// <summary>
    /// An enum value by name, in any case and with or without hyphens (<c>allOrNothing</c>, <c>all-or-nothing</c>);
    /// numbers are refused.
    /// Null when <paramref name="value"/> is empty; an error for <paramref name="field"/> when it is not a name.
    /// </summary>
    public static TEnum? ParseEnum<TEnum>(string? value, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // all-or-nothing, all_or_nothing and allOrNothing name the same value.
        var name = value.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (name.Length > 0 && !char.IsAsciiDigit(name[0]) && value[0] != '-' && Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        errors.Add(field, LocalizedText.Pick($"Okänt värde '{value}'; använd {names}.", $"Unknown value '{value}'; use {names}."));
        return null;
    }
}
