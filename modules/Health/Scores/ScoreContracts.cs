using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;

namespace Integration.Modules.Health.Scores;

/// <summary>A WHO-5 questionnaire answered by a participant on the course.</summary>
/// <param name="Point"><c>start</c> or <c>end</c> of the course.</param>
/// <param name="MeasuredOn">The day it was answered: not in the future, from 30 days before the course to 30 days after it.</param>
/// <param name="Items">The five items in the questionnaire's order, each 0 (at no time) to 5 (all of the time).</param>
public sealed record RecordScoreRequest(Guid? ParticipantId, string? Point, DateOnly? MeasuredOn, IReadOnlyList<int>? Items);

/// <summary>A conversation about wellbeing after a score.</summary>
/// <param name="HeldOn">Not before the score's date and not in the future.</param>
/// <param name="ReferredToHealthCare">Whether the participant was referred to health care (vårdcentral).</param>
/// <param name="Note">At most 1 000 characters; health data, shown only with <c>health.read</c>.</param>
public sealed record RecordConversationRequest(DateOnly? HeldOn, bool? ReferredToHealthCare, string? Note);

/// <summary>A WHO-5 score with what it suggests.</summary>
/// <param name="Point"><c>start</c> or <c>end</c>.</param>
/// <param name="RawScore">The sum of the items, 0–25.</param>
/// <param name="Percentage">The raw score × 4, 0–100.</param>
/// <param name="ConversationSuggested">Raw score below 13 or an item answered 0 or 1: a conversation about wellbeing.</param>
/// <param name="ReferralSuggested">Percentage 28 or less: referral to health care.</param>
public sealed record ScoreResponse(
    Guid Id,
    Guid CourseId,
    Guid ParticipantId,
    string Point,
    DateOnly MeasuredOn,
    IReadOnlyList<int> Items,
    int RawScore,
    int Percentage,
    bool ConversationSuggested,
    bool ReferralSuggested,
    DateTime RecordedAt,
    IReadOnlyList<ConversationResponse> Conversations)
{
    internal static ScoreResponse From(Who5Score s, IEnumerable<WellbeingConversation> conversations)
    {
        var assessment = Who5.Assess(s.Items());
        return new(
            s.Id, s.CourseId, s.ParticipantId, EnumText.Of(s.Point), s.MeasuredOn, s.Items(), assessment.RawScore, assessment.Percentage,
            assessment.ConversationSuggested, assessment.ReferralSuggested, s.RecordedAt,
            conversations.Where(c => c.ScoreId == s.Id).OrderBy(c => c.HeldOn).Select(ConversationResponse.From).ToList());
    }
}

/// <summary>A recorded conversation about wellbeing.</summary>
public sealed record ConversationResponse(Guid Id, Guid ScoreId, DateOnly HeldOn, bool ReferredToHealthCare, string? Note, DateTime RecordedAt)
{
    internal static ConversationResponse From(WellbeingConversation c) => new(c.Id, c.ScoreId, c.HeldOn, c.ReferredToHealthCare, c.Note, c.RecordedAt);
}

/// <summary>One participant's WHO-5 at the start and the end of one course.</summary>
/// <param name="ChangePoints">End percentage minus start percentage, when both are measured.</param>
/// <param name="ClinicallyRelevantChange">A change of 10 percentage points or more, either way.</param>
public sealed record CourseResultResponse(
    Guid CourseId,
    string CourseName,
    Guid ParticipantId,
    ScoreResponse? Start,
    ScoreResponse? End,
    int? ChangePoints,
    bool? ClinicallyRelevantChange);

/// <summary>A participant's WHO-5 results; empty unless a consent for health data is in force today.</summary>
public sealed record ParticipantScoresResponse(Guid ParticipantId, bool ConsentInForce, IReadOnlyList<CourseResultResponse> Courses);

/// <summary>The WHO-5 results of a course's participants whose consent for health data is in force today.</summary>
public sealed record CourseScoresResponse(Guid CourseId, string CourseName, IReadOnlyList<CourseResultResponse> Participants);
