using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Matching;

/// <summary>What the participant wishes of a mentor. The participant's languages come from their record in the host.</summary>
/// <param name="SectorWishes">Up to 12 sectors the participant wishes to work in (<c>care</c>, <c>construction</c>, …).</param>
/// <param name="PreferredMentorGender">A wished gender of the mentor (<c>woman</c>, <c>man</c>, <c>nonBinaryOrOther</c>), for example the participant's own; left out for no wish.</param>
/// <param name="PreferredMentorKind"><c>languageBuddy</c>, <c>workplaceSupervisor</c> or <c>leadSupervisor</c>; left out for no wish.</param>
/// <param name="Note">At most 1000 characters.</param>
public sealed record PreferencesRequest(IReadOnlyList<string?>? SectorWishes, string? PreferredMentorGender, string? PreferredMentorKind, string? Note)
{
    internal FieldErrors Validate(out Preferences values)
    {
        var errors = new FieldErrors();
        var gender = errors.Choice<Gender>("preferredMentorGender", PreferredMentorGender, required: false);
        errors.Require(gender != Gender.NotStated, "preferredMentorGender", FieldRules.T(
            "Lämna fältet tomt om deltagaren inte har något önskemål om mentorns kön.", "Leave the field out when the participant has no wish about the mentor's gender."));
        values = new Preferences
        {
            SectorWishes = errors.Choices<Sector>("sectorWishes", SectorWishes, Enum.GetValues<Sector>().Length),
            PreferredMentorGender = gender,
            PreferredMentorKind = errors.Choice<MentorKind>("preferredMentorKind", PreferredMentorKind, required: false),
            Note = errors.Text("note", Note, MentoringDbContext.NoteLength, required: false),
        };
        return errors;
    }
}

/// <summary>The participant's wishes; <c>version</c> 0 (and no ETag) while none are stored.</summary>
/// <param name="Languages">The languages of the participant's record in the host (ISO 639), used for matching.</param>
public sealed record PreferencesResponse(
    Guid ParticipantId,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> SectorWishes,
    string? PreferredMentorGender,
    string? PreferredMentorKind,
    string? Note,
    long Version)
{
    internal static PreferencesResponse From(Guid participantId, IReadOnlyList<string> languages, Preferences? p) => new(
        participantId, languages, p?.SectorWishes.Select(EnumText.Of).ToList() ?? [],
        p?.PreferredMentorGender is { } g ? EnumText.Of(g) : null, p?.PreferredMentorKind is { } k ? EnumText.Of(k) : null, p?.Note, p?.Version ?? 0);
}

/// <summary>A mentor suggested for a participant, with the score and the parts it is made of.</summary>
/// <param name="Score">The sum of the parts' points, 0–100.</param>
/// <param name="Parts">Why: one part per criterion (language, sector, gender, kind, capacity), each with its points and a reason to read.</param>
public sealed record MentorSuggestion(
    Guid MentorId,
    string Name,
    string Kind,
    string Gender,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Sectors,
    string? Availability,
    int Capacity,
    int FreePlaces,
    int Score,
    IReadOnlyList<ScorePart> Parts);

/// <summary>One criterion of a suggestion's score.</summary>
/// <param name="Criterion"><c>language</c>, <c>sector</c>, <c>gender</c>, <c>kind</c> or <c>capacity</c>.</param>
/// <param name="Points">Points given, 0 to <paramref name="MaxPoints"/>.</param>
/// <param name="Reason">Why, in the request's language ("Talar också arabiska (ar)").</param>
public sealed record ScorePart(string Criterion, int Points, int MaxPoints, string Reason);

/// <summary>The suggestions for a participant, best first.</summary>
/// <param name="Languages">The participant's languages from the host record.</param>
/// <param name="Preferences">The stored wishes used.</param>
/// <param name="Excluded">Active mentors left out: no free place, or already matched with the participant.</param>
public sealed record MentorSuggestionsResponse(Guid ParticipantId, IReadOnlyList<string> Languages, PreferencesResponse Preferences, IReadOnlyList<MentorSuggestion> Suggestions, int Excluded);
