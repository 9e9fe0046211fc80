using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Matches;

/// <summary>A match of the participant with a mentor, active from <paramref name="StartDate"/>.</summary>
/// <param name="MentorId">An active mentor of the tenant with a free place.</param>
/// <param name="StartDate">Not in the future, not before the participant's enrolment started.</param>
/// <param name="Note">At most 1000 characters.</param>
public sealed record MatchRequest(Guid? MentorId, DateOnly? StartDate, string? Note);

/// <summary>Pausing, resuming or ending a match.</summary>
/// <param name="Date">Not in the future, not before the match's current state began.</param>
/// <param name="Reason">Only for ending: <c>goalsReached</c>, <c>participantLeft</c>, <c>mentorLeft</c>, <c>notAFit</c> or <c>other</c>.</param>
public sealed record MatchChangeRequest(DateOnly? Date, string? Reason, string? Note);

/// <summary>A match; the ETag is its version.</summary>
/// <param name="Status"><c>active</c>, <c>paused</c> or <c>ended</c>.</param>
/// <param name="ActiveSince">The first day of the current (or last) active period: the start or the last resume.</param>
/// <param name="Meetings">Meetings recorded for the match.</param>
/// <param name="LastMeetingOn">The latest of them, if any.</param>
/// <param name="OpenGoals">Goals neither achieved nor dropped.</param>
public sealed record MatchResponse(
    Guid Id,
    Guid ParticipantId,
    Guid EnrolmentId,
    Guid MentorId,
    string MentorName,
    string MentorKind,
    string Status,
    DateOnly StartDate,
    DateOnly ActiveSince,
    DateOnly? PausedOn,
    DateOnly? EndDate,
    string? EndReason,
    string? Note,
    int Meetings,
    DateOnly? LastMeetingOn,
    int OpenGoals,
    long Version)
{
    internal static MatchResponse From(Match m, Mentor mentor, int meetings, DateOnly? lastMeeting, int openGoals) => new(
        m.Id, m.ParticipantId, m.EnrolmentId, m.MentorId, mentor.Name, EnumText.Of(mentor.Kind), EnumText.Of(m.Status), m.StartDate, m.ActiveSince, m.PausedOn,
        m.EndDate, m.EndReason is { } r ? EnumText.Of(r) : null, m.Note, meetings, lastMeeting, openGoals, m.Version);
}

/// <summary>A meeting of a match.</summary>
/// <param name="Date">Not in the future, within the match (from its start, up to its end once ended).</param>
/// <param name="DurationMinutes">1–600 minutes.</param>
/// <param name="Kind"><c>inPerson</c> (also <c>in-person</c>), <c>phone</c>, <c>video</c> or <c>groupActivity</c>.</param>
/// <param name="Note">At most 1000 characters.</param>
public sealed record MeetingRequest(DateOnly? Date, int? DurationMinutes, string? Kind, string? Note)
{
    public const int MaxMinutes = 600;

    internal FieldErrors Validate(Match match, DateOnly today, out Meeting values)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", Date);
        errors.NotFuture("date", Date, today);
        errors.Require(Date is null || (date >= match.StartDate && (match.EndDate is null || date <= match.EndDate)), "date", FieldRules.T(
            "Mötet ligger utanför matchningens datum.", "The meeting lies outside the match's dates."));
        errors.Require(DurationMinutes is > 0 and <= MaxMinutes, "durationMinutes", FieldRules.T(
            $"Ange mötets längd i minuter, 1–{MaxMinutes}.", $"Give the meeting's length in minutes, 1–{MaxMinutes}."));
        values = new Meeting
        {
            MatchId = match.Id,
            ParticipantId = match.ParticipantId,
            Date = date,
            DurationMinutes = DurationMinutes ?? 0,
            Kind = errors.Choice<MeetingKind>("kind", Kind, required: true) ?? default,
            Note = errors.Text("note", Note, MentoringDbContext.NoteLength, required: false),
        };
        return errors;
    }
}

/// <summary>A recorded meeting.</summary>
public sealed record MeetingResponse(Guid Id, Guid MatchId, DateOnly Date, int DurationMinutes, string Kind, string? Note)
{
    internal static MeetingResponse From(Meeting m) => new(m.Id, m.MatchId, m.Date, m.DurationMinutes, EnumText.Of(m.Kind), m.Note);
}

/// <summary>A goal of a match.</summary>
/// <param name="Title">At most 200 characters ("Klara ett anställningsintervju på svenska").</param>
/// <param name="TargetDate">When it should be reached, not before the match's start.</param>
public sealed record GoalRequest(string? Title, DateOnly? TargetDate);

/// <summary>A step of a goal's progress; needs the goal's ETag in If-Match.</summary>
/// <param name="Date">Not in the future, not before the match's start.</param>
/// <param name="Progress">0–100 per cent; left out keeps the current (100 with <c>achieved</c>).</param>
/// <param name="Status"><c>open</c>, <c>achieved</c> or <c>dropped</c>; left out keeps the current.</param>
/// <param name="Note">At most 1000 characters.</param>
public sealed record GoalProgressRequest(DateOnly? Date, int? Progress, string? Status, string? Note);

/// <summary>A goal with its progress and updates, oldest first; the ETag is its version.</summary>
/// <param name="Status"><c>open</c>, <c>achieved</c> or <c>dropped</c>.</param>
public sealed record GoalResponse(Guid Id, Guid MatchId, string Title, DateOnly? TargetDate, int Progress, string Status, IReadOnlyList<GoalUpdateResponse> Updates, long Version)
{
    internal static GoalResponse From(Goal g) => new(
        g.Id, g.MatchId, g.Title, g.TargetDate, g.Progress, EnumText.Of(g.Status),
        g.Updates.OrderBy(u => u.Date).ThenBy(u => u.RecordedAt).Select(u => new GoalUpdateResponse(u.Date, u.Progress, EnumText.Of(u.Status), u.Note)).ToList(), g.Version);
}

/// <summary>One recorded step of a goal.</summary>
public sealed record GoalUpdateResponse(DateOnly Date, int Progress, string Status, string? Note);
