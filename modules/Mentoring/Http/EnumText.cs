using System.Text.Json;

namespace Integration.Modules.Mentoring.Http;

/// <summary>
/// The module's choices as the API writes them (<c>mentalHealth</c>, <c>physicalActivity</c>): camelCase names of
/// internal enums, so that the public records carry strings and the module's public surface stays records only.
/// </summary>
internal static class EnumText
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The value named <paramref name="text"/> (camelCase, any case, hyphens ignored, starting with a letter so that numbers are refused), or null.</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        var name = text?.Replace("-", string.Empty, StringComparison.Ordinal);
        return !string.IsNullOrWhiteSpace(name) && char.IsAsciiLetter(name[0]) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
    }

    /// <summary>The allowed names, for error messages.</summary>
    public static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => Of(v)));
}
