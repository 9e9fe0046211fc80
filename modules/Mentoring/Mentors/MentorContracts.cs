using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;

namespace Integration.Modules.Mentoring.Mentors;

/// <summary>A mentor to register or change.</summary>
/// <param name="Name">At most 200 characters.</param>
/// <param name="Kind"><c>languageBuddy</c> (språkvän), <c>workplaceSupervisor</c> (handledare) or <c>leadSupervisor</c> (huvudhandledare).</param>
/// <param name="Gender">As the mentor states it: <c>woman</c>, <c>man</c>, <c>nonBinaryOrOther</c> or <c>notStated</c>.</param>
/// <param name="Languages">1–20 ISO 639 codes (<c>sv</c>, <c>ar</c>, <c>ti</c>).</param>
/// <param name="Sectors">Up to 12 sectors the mentor knows: <c>care</c>, <c>education</c>, <c>construction</c>, <c>manufacturing</c>, <c>retail</c>, <c>hospitality</c>, <c>transport</c>, <c>cleaning</c>, <c>agriculture</c>, <c>technology</c>, <c>office</c>, <c>other</c>.</param>
/// <param name="Organisation">The mentor's employer or association, at most 200 characters.</param>
/// <param name="Availability">When the mentor can meet, in words, at most 200 characters.</param>
/// <param name="Weekdays">The weekdays the mentor can meet (<c>monday</c> … <c>sunday</c>).</param>
/// <param name="Capacity">Most active matches at a time, 1–20.</param>
/// <param name="Active">Whether the mentor takes matches; true when left out.</param>
public sealed record MentorRequest(
    string? Name,
    string? Kind,
    string? Gender,
    IReadOnlyList<string?>? Languages,
    IReadOnlyList<string?>? Sectors,
    string? Organisation,
    string? Availability,
    IReadOnlyList<string?>? Weekdays,
    int? Capacity,
    bool? Active)
{
    public const int MaxCapacity = 20;
    public const int MaxLanguages = 20;

    internal FieldErrors Validate(out Mentor values)
    {
        var errors = new FieldErrors();
        var languages = errors.Languages("languages", Languages, MaxLanguages);
        errors.Require(languages.Count > 0 || (Languages ?? []).Count > 0, "languages", FieldRules.T("Ange minst ett språk som mentorn talar.", "Give at least one language the mentor speaks."));
        errors.Require(Capacity is >= 1 and <= MaxCapacity, "capacity", FieldRules.T(
            $"Ange hur många aktiva matchningar mentorn kan ha samtidigt, 1–{MaxCapacity}.", $"Give how many active matches the mentor can have at a time, 1–{MaxCapacity}."));
        values = new Mentor
        {
            Name = errors.Text("name", Name, MentoringDbContext.TextLength, required: true) ?? string.Empty,
            Kind = errors.Choice<MentorKind>("kind", Kind, required: true) ?? default,
            Gender = errors.Choice<Gender>("gender", Gender, required: true) ?? default,
            Languages = languages,
            Sectors = errors.Choices<Sector>("sectors", Sectors, Enum.GetValues<Sector>().Length),
            Organisation = errors.Text("organisation", Organisation, MentoringDbContext.TextLength, required: false),
            Availability = errors.Text("availability", Availability, MentoringDbContext.TextLength, required: false),
            Weekdays = [.. errors.Choices<DayOfWeek>("weekdays", Weekdays, 7).Order()],
            Capacity = Capacity ?? 0,
            Active = Active ?? true,
        };
        return errors;
    }
}

/// <summary>A mentor; the ETag is its version.</summary>
/// <param name="ActiveMatches">Matches with the mentor that are active now (paused ones do not take a place).</param>
/// <param name="FreePlaces">Capacity left for new active matches.</param>
public sealed record MentorResponse(
    Guid Id,
    string Name,
    string Kind,
    string Gender,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Sectors,
    string? Organisation,
    string? Availability,
    IReadOnlyList<string> Weekdays,
    int Capacity,
    bool Active,
    int ActiveMatches,
    int FreePlaces,
    long Version)
{
    internal static MentorResponse From(Mentor m, int activeMatches) => new(
        m.Id, m.Name, EnumText.Of(m.Kind), EnumText.Of(m.Gender), m.Languages, m.Sectors.Select(EnumText.Of).ToList(), m.Organisation, m.Availability,
        m.Weekdays.Select(EnumText.Of).ToList(), m.Capacity, m.Active, activeMatches, Math.Max(0, m.Capacity - activeMatches), m.Version);
}
