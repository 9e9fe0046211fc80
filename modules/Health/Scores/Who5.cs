namespace Integration.Modules.Health.Scores;

/// <summary>
/// The WHO-5 Well-Being Index (WHO Collaborating Centre in Mental Health, 1998): five statements about the last two
/// weeks, each scored 0 (at no time) to 5 (all of the time). The raw score is their sum (0–25) and the percentage score
/// the raw score × 4 (0–100).
/// </summary>
internal static class Who5
{
    public const int Items = 5;
    public const int MinItem = 0;
    public const int MaxItem = 5;

    /// <summary>A raw score below this (a percentage of 50 or less) suggests a conversation about wellbeing.</summary>
    public const int ConversationBelowRaw = 13;

    /// <summary>Any item answered at or below this (0 or 1) suggests a conversation as well.</summary>
    public const int ConversationItemAtOrBelow = 1;

    /// <summary>A percentage at or below this suggests referral to health care (screening for depression).</summary>
    public const int ReferralAtOrBelowPercentage = 28;

    /// <summary>A change of at least this many percentage points between two measurements is clinically relevant.</summary>
    public const int ClinicallyRelevantChange = 10;

    public static Who5Assessment Assess(IReadOnlyList<int> items)
    {
        var raw = items.Sum();
        var percentage = raw * 4;
        return new Who5Assessment(
            raw,
            percentage,
            raw < ConversationBelowRaw || items.Any(i => i <= ConversationItemAtOrBelow),
            percentage <= ReferralAtOrBelowPercentage);
    }

    /// <summary>The change in percentage points from the start to the end.</summary>
    public static int Change(IReadOnlyList<int> start, IReadOnlyList<int> end) => Assess(end).Percentage - Assess(start).Percentage;

    public static bool IsClinicallyRelevant(int change) => Math.Abs(change) >= ClinicallyRelevantChange;
}

/// <param name="RawScore">0–25.</param>
/// <param name="Percentage">0–100.</param>
/// <param name="ConversationSuggested">Raw score below 13 or any item 0 or 1: a conversation about wellbeing.</param>
/// <param name="ReferralSuggested">Percentage 28 or less: referral to health care.</param>
internal readonly record struct Who5Assessment(int RawScore, int Percentage, bool ConversationSuggested, bool ReferralSuggested)
{
    public bool Flagged => ConversationSuggested || ReferralSuggested;
}
