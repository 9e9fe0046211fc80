using System.Globalization;
using System.Text.RegularExpressions;

namespace Integration.Host.Rollups;

/// <summary>A reporting period: a month (<c>2026-11</c>), a quarter (<c>2026-Q4</c>), a year (<c>2026</c>) or the programme to date (<c>ptd</c>).</summary>
public sealed partial record RollupPeriod(string Key, DateOnly From, DateOnly To)
{
    public const string ProgrammeToDate = "ptd";

    /// <summary>Reads a key; <paramref name="programmeStart"/> and <paramref name="today"/> bound the programme to date.</summary>
    public static bool TryParse(string? key, DateOnly programmeStart, DateOnly today, out RollupPeriod period)
    {
        period = null!;
        var text = key?.Trim() ?? string.Empty;
        if (string.Equals(text, ProgrammeToDate, StringComparison.OrdinalIgnoreCase))
        {
            period = new RollupPeriod(ProgrammeToDate, programmeStart < today ? programmeStart : today, today);
            return true;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            var from = new DateOnly(year, month, 1);
            period = new RollupPeriod($"{year:D4}-{month:D2}", from, from.AddMonths(1).AddDays(-1));
            return true;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            if (quarter is < 1 or > 4)
            {
                return false;
            }

            var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            period = new RollupPeriod($"{year:D4}-Q{quarter}", from, from.AddMonths(3).AddDays(-1));
            return true;
        }

        period = new RollupPeriod($"{year:D4}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return true;
    }

    /// <summary>What a run computes when no period is named: this and last month, this quarter, this year, the programme to date.</summary>
    public static IReadOnlyList<string> DefaultKeys(DateOnly today)
    {
        var lastMonth = today.AddMonths(-1);
        return
        [
            $"{today.Year:D4}-{today.Month:D2}",
            $"{lastMonth.Year:D4}-{lastMonth.Month:D2}",
            $"{today.Year:D4}-Q{((today.Month - 1) / 3) + 1}",
            $"{today.Year:D4}",
            ProgrammeToDate,
        ];
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;

    [GeneratedRegex(@"^(?<year>[0-9]{4})(-(?<month>[0-9]{2})|-[Qq](?<quarter>[0-9]))?$")]
    private static partial Regex Pattern();
}
