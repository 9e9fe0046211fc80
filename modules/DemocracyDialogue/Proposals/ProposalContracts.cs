namespace Integration.Modules.DemocracyDialogue.Proposals;

/// <summary>A proposal raised at a held event, new or changed.</summary>
/// <param name="Text">The proposal (at most 4 000 characters).</param>
/// <param name="Theme"><c>housing</c>, <c>transport</c>, <c>schools</c>, <c>leisure</c> or <c>other</c>.</param>
/// <param name="RaisedBy">Registered participants of the event who raised it, first the one who brought it up; may be empty.</param>
public sealed record ProposalRequest(string? Text, string? Theme, IReadOnlyList<Guid?>? RaisedBy);

/// <summary>The proposal was sent to a municipal body.</summary>
/// <param name="BodyKind"><c>committee</c> (nämnd), <c>board</c> (styrelse) or <c>council</c> (fullmäktige).</param>
/// <param name="BodyName">The body's name, such as Barn- och utbildningsnämnden.</param>
/// <param name="SentOn">Not before the event, not in the future.</param>
public sealed record SendProposalRequest(string? BodyKind, string? BodyName, DateOnly? SentOn);

/// <summary>The municipal body's answer, or the closing of a proposal that got none.</summary>
/// <param name="Decision"><c>accepted</c>, <c>partly</c>, <c>rejected</c> or <c>noAnswer</c> (closed without an answer).</param>
/// <param name="AnsweredOn">The date of the answer (for <c>noAnswer</c>, of the closing): not before it was sent, not in the future.</param>
/// <param name="Content">What the answer says; required unless the decision is <c>noAnswer</c>.</param>
public sealed record AnswerProposalRequest(string? Decision, DateOnly? AnsweredOn, string? Content);

/// <summary>A proposal and where it is; <see cref="Version"/> is its ETag.</summary>
/// <param name="Status"><c>raised</c>, <c>sent</c>, <c>answered</c> or <c>closed</c> (no answer).</param>
/// <param name="DaysToAnswer">Days from sending to the answer, once answered.</param>
/// <param name="Reminder">
/// <c>notSent</c>, <c>followUp</c> (a reminder follow-up is on <see cref="ReminderParticipantId"/>'s list),
/// <c>noParticipant</c> (no raiser could carry one: find it with <c>unansweredForDays</c>) or <c>closed</c>.
/// </param>
public sealed record ProposalResponse(
    Guid Id,
    Guid EventId,
    string Text,
    string Theme,
    IReadOnlyList<Guid> RaisedBy,
    string Status,
    MunicipalBodyResponse? SentTo,
    DateOnly? SentOn,
    ProposalAnswerResponse? Answer,
    int? DaysToAnswer,
    string Reminder,
    Guid? ReminderParticipantId,
    long Version);

/// <summary>The municipal body a proposal went to.</summary>
public sealed record MunicipalBodyResponse(string Kind, string Name);

/// <summary>The answer to a proposal.</summary>
public sealed record ProposalAnswerResponse(string Decision, DateOnly AnsweredOn, string? Content);
