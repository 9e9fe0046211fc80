using System.Globalization;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;

namespace Integration.Modules.IncomeSupport.Http;

/// <summary>Rules shared by the module's requests; each adds a bilingual error naming the field.</summary>
internal static class FieldRules
{
    /// <summary>A trimmed text of at most <paramref name="max"/> characters; null when left out (and not required).</summary>
    public static string? Text(this FieldErrors errors, string field, string? value, int max, bool required = false)
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

    /// <summary>A date that is given and, unless <paramref name="futureAllowed"/>, not after today.</summary>
    public static DateOnly Date(this FieldErrors errors, string field, DateOnly? value, DateOnly today, bool futureAllowed = false)
    {
        if (value is null)
        {
            errors.Add(field, T("Ange ett datum.", "Give a date."));
            return default;
        }

        errors.Require(futureAllowed || value <= today, field, T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
        return value.Value;
    }

    /// <summary>An optional end date: not before <paramref name="start"/>.</summary>
    public static void NotBefore(this FieldErrors errors, string field, DateOnly? end, DateOnly start, string startField)
    {
        if (end is { } date && date < start)
        {
            errors.Add(field, T($"Datumet kan inte ligga före {startField}.", $"The date cannot be before {startField}."));
        }
    }

    /// <summary>A calendar month written <c>yyyy-MM</c>, as its first day; null with an error otherwise.</summary>
    public static DateOnly? Month(this FieldErrors errors, string field, string? value)
    {
        if (DateOnly.TryParseExact(value?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        errors.Add(field, T("Ange månaden som ÅÅÅÅ-MM, till exempel 2026-03.", "Give the month as yyyy-MM, for example 2026-03."));
        return null;
    }

    public static DateOnly FirstOfMonth(this DateOnly date) => new(date.Year, date.Month, 1);

    public static string MonthText(this DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string T(string sv, string en) => LocalizedText.Pick(sv, en);
}
