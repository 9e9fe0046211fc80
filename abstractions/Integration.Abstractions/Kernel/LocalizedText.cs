using System.Globalization;
using System.Text.Json.Serialization;

namespace Integration.Abstractions.Kernel;

/// <summary>A user-facing text in Swedish and English.</summary>
/// <param name="Sv">The Swedish text.</param>
/// <param name="En">The English text.</param>
public sealed record LocalizedText(string Sv, string En)
{
    /// <summary>True when both languages have a non-blank text.</summary>
    [JsonIgnore]
    public bool IsComplete => !string.IsNullOrWhiteSpace(Sv) && !string.IsNullOrWhiteSpace(En);

    /// <summary>
    /// The text in the current UI culture: Swedish for <c>sv</c>, English otherwise. The host sets the culture of each
    /// request from its <c>Accept-Language</c> header (Swedish by default).
    /// </summary>
    [JsonIgnore]
    public string Current => Pick(Sv, En);

    /// <summary>Picks the Swedish or the English text for the current UI culture.</summary>
    public static string Pick(string sv, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? sv : en;
}
