using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.Mentoring.FollowUps;

/// <summary>The module's follow-up policies and the events that drive them.</summary>
internal static class MentoringFollowUps
{
    /// <summary>A match became active: created, or resumed after a pause. Dated on its first active day.</summary>
    public const string MatchStarted = MentoringModule.Id + ".match.started";

    /// <summary>A match stopped being active: paused or ended. Cancels the open check-ins of that active period.</summary>
    public const string MatchStopped = MentoringModule.Id + ".match.stopped";

    /// <summary>Raised when an internship is recorded, dated on its (planned) last day.</summary>
    public const string InternshipEnding = MentoringModule.Id + ".internship.ending";

    /// <summary>The internship's last day moved: the follow-up counted from the old day is cancelled.</summary>
    public const string InternshipEndMoved = MentoringModule.Id + ".internship.end-moved";

    public const string CheckInKind = "mentoring-check-in";
    public const string InternshipEndKind = "mentoring-internship-end";

    public static readonly FollowUpPolicy CheckIn = new()
    {
        Id = MentoringModule.Id + ":check-in",
        Name = new LocalizedText("Avstämning under matchning med mentor", "Check-in while matched with a mentor"),
        Kind = CheckInKind,
        TriggerEvent = MatchStarted,
        StopEvent = MatchStopped,
        RepeatEvery = new FollowUpOffset(14, FollowUpOffsetUnit.Days),
    };

    public static readonly FollowUpPolicy InternshipEnd = new()
    {
        Id = MentoringModule.Id + ":internship-end",
        Name = new LocalizedText("Uppföljning när praktiken slutar: ledde den till jobb?", "Follow-up when the internship ends: did it lead to a job?"),
        Kind = InternshipEndKind,
        TriggerEvent = InternshipEnding,
        StopEvent = InternshipEndMoved,
        Offsets = [new FollowUpOffset(1, FollowUpOffsetUnit.Days)],
    };

    /// <summary>The check-ins of one active period of a match: a resumed match is a new subject.</summary>
    public static string CheckInSubject(Guid matchId, DateOnly activeSince) => $"check-in:{matchId:N}:{activeSince:yyyyMMdd}";

    /// <summary>The follow-up of one internship for one last day: a new last day is a new subject.</summary>
    public static string InternshipSubject(Guid internshipId, DateOnly endDate) => $"internship-end:{internshipId:N}:{endDate:yyyyMMdd}";
}
