namespace Integration.Host.Rollups;

/// <summary>
/// Small-number suppression for reports outside the tenant's admins: a count between 1 and 4 is shown as "&lt;5"
/// (primary), and where the rows of a measure add up to a total that is shown, one more row is suppressed when only
/// one is (secondary), so that the total cannot give the hidden number away. Rates, means and medians made of 1 to 4
/// facts are suppressed too.
/// </summary>
public static class RollupSuppression
{
    public const int Threshold = 5;

    public static bool IsSmall(int n) => n is > 0 and < Threshold;

    /// <summary>
    /// Secondary suppression along each line whose sum another report publishes: where a line has exactly one hidden
    /// cell, the smallest other non-zero cell of the line is hidden too; repeated until no line changes, because hiding
    /// a cell can leave another line with a single hidden cell.
    /// </summary>
    public static void ProtectMargins(IReadOnlyList<List<RollupFigureCell>> lines)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                changed |= ProtectLine(line);
            }
        }
        while (changed);
    }

    /// <summary>Applies both kinds to the cells of one measure: the rows and their total (each value with its N).</summary>
    public static void Apply(IReadOnlyList<RollupFigureCell> rows, RollupFigureCell total, bool isCount)
    {
        foreach (var cell in rows.Append(total))
        {
            cell.Suppressed = IsSmall(cell.N);
        }

        if (!isCount || rows.Count < 2 || total.Suppressed || rows.Count(r => r.Suppressed) != 1)
        {
            return;
        }

        if (!ProtectLine(rows))
        {
            // Every other row is zero: the total is the hidden number.
            total.Suppressed = true;
        }
    }

    /// <summary>Where exactly one cell of a line is hidden, hides the smallest other non-zero one; false when there is none.</summary>
    private static bool ProtectLine(IReadOnlyList<RollupFigureCell> line)
    {
        if (line.Count(c => c.Suppressed) != 1 || line.Where(c => !c.Suppressed && c.N > 0).MinBy(c => c.N) is not { } next)
        {
            return false;
        }

        next.Suppressed = true;
        return true;
    }
}

/// <summary>A value on its way to a report, with what suppression needs.</summary>
public sealed class RollupFigureCell(decimal? value, int n)
{
    public decimal? Value { get; } = value;

    public int N { get; } = n;

    public bool Suppressed { get; set; }

    public RollupFigure ToFigure() => Suppressed
        ? new RollupFigure(null, "<5", true)
        : new RollupFigure(Value, Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, false);
}

/// <summary>A figure in a report.</summary>
/// <param name="Value">The number; null when suppressed or when there is nothing to compute it from (a median of no one).</param>
/// <param name="Display">The number as text, or <c>&lt;5</c>.</param>
/// <param name="Suppressed">True when hidden by small-number suppression.</param>
public sealed record RollupFigure(decimal? Value, string Display, bool Suppressed);
