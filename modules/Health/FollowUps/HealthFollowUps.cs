using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.Health.FollowUps;

/// <summary>
/// The module's follow-up policies and the events that drive them. Follow-up kinds are what every case worker sees in
/// the worklist, so they name the task, never a score or a flag.
/// </summary>
internal static class HealthFollowUps
{
    /// <summary>
    /// Raised when a start score is recorded, dated a week before the course's last day (the follow-up engine counts
    /// offsets of at least a day after an event), so that the default offset of 7 days makes the end measurement due on
    /// the last day. A tenant admin moving it to 14 days makes it due a week after the course.
    /// </summary>
    public const string CourseFinalWeek = HealthModule.Id + ".course.final-week";

    /// <summary>The end score is recorded (or the start score or the course's end date went away): no re-measurement to remind of.</summary>
    public const string ReMeasured = HealthModule.Id + ".who5.re-measured";

    /// <summary>A score was flagged for a conversation about wellbeing or referral, on the day it was measured.</summary>
    public const string Flagged = HealthModule.Id + ".who5.flagged";

    /// <summary>A conversation about a flagged score was recorded (or the score removed): the reminder is not needed.</summary>
    public const string ConversationRecorded = HealthModule.Id + ".who5.conversation-recorded";

    public const int ReMeasureDaysBeforeEnd = 7;

    public static readonly FollowUpPolicy ReMeasure = new()
    {
        Id = HealthModule.Id + ":re-measure",
        Name = new LocalizedText("Ny WHO-5-mätning vid kursens slut", "WHO-5 re-measurement at the end of the course"),
        Kind = "health-re-measure",
        TriggerEvent = CourseFinalWeek,
        StopEvent = ReMeasured,
        Offsets = [new FollowUpOffset(ReMeasureDaysBeforeEnd, FollowUpOffsetUnit.Days)],
    };

    public static readonly FollowUpPolicy FlaggedConversation = new()
    {
        Id = HealthModule.Id + ":flagged-conversation",
        Name = new LocalizedText("Påminnelse: samtal om välbefinnande efter 14 dagar", "Reminder: conversation about wellbeing after 14 days"),
        Kind = "health-conversation",
        TriggerEvent = Flagged,
        StopEvent = ConversationRecorded,
        Offsets = [new FollowUpOffset(14, FollowUpOffsetUnit.Days)],
    };

    /// <summary>The re-measurement of one course place for one end date: a new end date is a new subject.</summary>
    public static string ReMeasureSubject(Guid placeId, DateOnly endDate) => $"re-measure:{placeId:N}:{endDate:yyyyMMdd}";

    public static string ConversationSubject(Guid scoreId) => $"conversation:{scoreId:N}";
}
