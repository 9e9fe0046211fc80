namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>
/// The rule of self-sufficiency: a run of <c>required</c> consecutive calendar months recorded without support, after
/// the last month in which support was paid. The first month of the first such run is the date (never before the first
/// application). A month paid after the run reopens the pathway; a month left unrecorded breaks a run.
/// </summary>
internal static class SelfSufficiency
{
    /// <summary>What the months say.</summary>
    /// <param name="SelfSufficientOn">The date of self-sufficiency, or null while the pathway is open.</param>
    /// <param name="MonthsWithoutSupport">The run of months without support that ends with the latest recorded month.</param>
    public readonly record struct State(DateOnly? SelfSufficientOn, int MonthsWithoutSupport);

    public static State Evaluate(DateOnly firstApplicationOn, IEnumerable<(DateOnly Month, bool SupportPaid)> months, int required)
    {
        var ordered = months.OrderBy(m => m.Month).ToList();
        var lastPaid = ordered.FindLastIndex(m => m.SupportPaid);
        DateOnly? reached = null;
        var run = 0;
        DateOnly? previous = null;
        DateOnly runStart = default;
        foreach (var (month, _) in ordered.Skip(lastPaid + 1))
        {
            run = previous is { } p && p.AddMonths(1) == month ? run + 1 : 1;
            runStart = run == 1 ? month : runStart;
            previous = month;
            if (reached is null && run >= required)
            {
                reached = runStart > firstApplicationOn ? runStart : firstApplicationOn;
            }
        }

        return new State(reached, run);
    }
}
