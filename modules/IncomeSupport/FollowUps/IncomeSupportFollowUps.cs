using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.IncomeSupport.FollowUps;

/// <summary>The monthly review of an open pathway and the events that start and stop it.</summary>
internal static class IncomeSupportFollowUps
{
    /// <summary>A pathway was opened (created, or reopened by support paid again): monthly reviews start.</summary>
    public const string PathwayOpened = IncomeSupportModule.Id + ".pathway.opened";

    /// <summary>A pathway reached self-sufficiency: the open reviews are cancelled.</summary>
    public const string PathwayClosed = IncomeSupportModule.Id + ".pathway.closed";

    public const string ReviewKind = "income-support-monthly-review";

    public static readonly FollowUpPolicy MonthlyReview = new()
    {
        Id = IncomeSupportModule.Id + ":monthly-review",
        Name = new LocalizedText("Månadsuppföljning av väg mot självförsörjning", "Monthly review of the pathway to self-sufficiency"),
        Kind = ReviewKind,
        TriggerEvent = PathwayOpened,
        StopEvent = PathwayClosed,
        RepeatEvery = new FollowUpOffset(1, FollowUpOffsetUnit.Months),
    };

    /// <summary>Each open period of a pathway is its own series: a reopened pathway gets new reviews.</summary>
    public static string Subject(Guid pathwayId, int cycle) => $"pathway:{pathwayId:N}:{cycle}";
}
