namespace Integration.Modules.DemocracyDialogue.Events;

/// <summary>A dialogue event, new or changed (a change sends every field again).</summary>
/// <param name="ProgrammeId">The programme the event is run in.</param>
/// <param name="Topic">What the event is about (at most 200 characters).</param>
/// <param name="Format"><c>dialogueMeeting</c>, <c>studyVisitToCouncil</c>, <c>citizenPanel</c> or <c>interreligiousDialogue</c>.</param>
/// <param name="Date">The day of the event: from 2000, at most two years ahead.</param>
/// <param name="Place">Where it is held.</param>
/// <param name="Facilitator">The name of the member of staff or partner who leads it.</param>
/// <param name="Languages">ISO 639 codes of the languages it is held in (at least one).</param>
/// <param name="Interpretation">ISO 639 codes of the languages interpreted into, other than those it is held in.</param>
/// <param name="PartnerOrganisations">Partner organisations (associations, faith communities, study associations).</param>
/// <param name="Open">True for an open event, where visitors may be counted anonymously; false when only registered participants take part.</param>
public sealed record DialogueEventRequest(
    Guid? ProgrammeId,
    string? Topic,
    string? Format,
    DateOnly? Date,
    string? Place,
    string? Facilitator,
    IReadOnlyList<string?>? Languages,
    IReadOnlyList<string?>? Interpretation,
    IReadOnlyList<string?>? PartnerOrganisations,
    bool? Open);

/// <summary>A dialogue event with its attendance and proposal counts; <see cref="Version"/> is its ETag.</summary>
/// <param name="RegisteredAttendance">Registered participants who attended.</param>
/// <param name="AnonymousAttendance">Visitors counted anonymously (open events).</param>
public sealed record DialogueEventResponse(
    Guid Id,
    Guid ProgrammeId,
    string Topic,
    string Format,
    DateOnly Date,
    string Place,
    string Facilitator,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Interpretation,
    IReadOnlyList<string> PartnerOrganisations,
    bool Open,
    int RegisteredAttendance,
    int AnonymousAttendance,
    int Proposals,
    long Version);

/// <summary>One page of a list.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="PageNumber">The page, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items on all pages.</param>
public sealed record DialoguePage<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
