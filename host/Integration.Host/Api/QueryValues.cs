using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Host.Api;

/// <summary>Query-string values parsed the way the JSON bodies name them.</summary>
public static class QueryValues
{
    /// <summary>
    /// An enum value by name, in any case (<c>succeeded</c>, as the JSON bodies write it); numbers are refused.
    /// Null when <paramref name="value"/> is empty; an error for <paramref name="field"/> when it is not a name.
    /// </summary>
    public static TEnum? ParseEnum<TEnum>(string? value, string field, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!char.IsAsciiDigit(value[0]) && value[0] != '-' && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        errors.Add(field, LocalizedText.Pick($"Okänt värde '{value}'; använd {names}.", $"Unknown value '{value}'; use {names}."));
        return null;
    }
}
