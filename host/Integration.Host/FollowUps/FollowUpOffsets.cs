using System.Globalization;
using System.Text.RegularExpressions;
using Integration.Abstractions.FollowUps;

namespace Integration.Host.FollowUps;

/// <summary>Offsets as the API writes them: <c>4 weeks</c>, <c>6 months</c>, <c>14 days</c> (Swedish units accepted too).</summary>
internal static partial class FollowUpOffsets
{
    public const int MaxAmount = 120;

    public static string Format(FollowUpOffset offset) => offset.Unit switch
    {
        FollowUpOffsetUnit.Days => $"{offset.Amount} {(offset.Amount == 1 ? "day" : "days")}",
        FollowUpOffsetUnit.Weeks => $"{offset.Amount} {(offset.Amount == 1 ? "week" : "weeks")}",
        _ => $"{offset.Amount} {(offset.Amount == 1 ? "month" : "months")}",
    };

    public static string Format(IEnumerable<FollowUpOffset> offsets) => string.Join(", ", offsets.Select(Format));

    public static bool TryParse(string? text, out FollowUpOffset offset)
    {
        offset = default;
        var match = text is null ? Match.Empty : OffsetPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount < 1 || amount > MaxAmount)
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "day" or "days" or "dag" or "dagar" => FollowUpOffsetUnit.Days,
            "week" or "weeks" or "vecka" or "veckor" => FollowUpOffsetUnit.Weeks,
            _ => FollowUpOffsetUnit.Months,
        };
        offset = new FollowUpOffset(amount, unit);
        return true;
    }

    /// <summary>Reads a stored list (<c>4 weeks, 6 months</c>); stored lists were checked when written.</summary>
    public static IReadOnlyList<FollowUpOffset> ParseStored(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TryParse(s, out var o) ? o : throw new InvalidOperationException($"Stored offset '{s}' is not valid."))
            .ToList();

    [GeneratedRegex(@"^\s*(?<amount>[0-9]{1,3})\s*(?<unit>days?|weeks?|months?|dagar|dag|veckor|vecka|månader|månad)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
