using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;

namespace Integration.Modules.DemocracyDialogue.Events;

/// <summary>The checked fields of a <see cref="DialogueEventRequest"/>.</summary>
internal sealed record EventFields(
    Guid ProgrammeId,
    string Topic,
    DialogueFormat Format,
    DateOnly Date,
    string Place,
    string Facilitator,
    List<string> Languages,
    List<string> Interpretation,
    List<string> PartnerOrganisations,
    bool Open)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Checks every field; null (with the errors added) when any is wrong.</summary>
    public static EventFields? From(DialogueEventRequest request, DateOnly today, FieldErrors errors)
    {
        errors.Require(request.ProgrammeId is { } p && p != Guid.Empty, "programmeId", Rules.T("Ange programmet.", "Give the programme."));
        var topic = errors.Text(request.Topic, "topic", DialogueDbContext.TextLength);
        var format = errors.Enum<DialogueFormat>(request.Format, "format");
        var place = errors.Text(request.Place, "place", DialogueDbContext.TextLength);
        var facilitator = errors.Text(request.Facilitator, "facilitator", DialogueDbContext.TextLength);
        if (request.Date is not { } date)
        {
            errors.Add("date", Rules.T("Ange datum.", "Give the date."));
        }
        else
        {
            errors.Require(date >= Earliest, "date", Rules.T("Datumet ligger före år 2000.", "The date is before the year 2000."));
            errors.Require(date <= today.AddYears(2), "date", Rules.T("Datumet ligger mer än två år fram.", "The date is more than two years ahead."));
        }

        var languages = errors.LanguageCodes(request.Languages, "languages", min: 1);
        var interpretation = errors.LanguageCodes(request.Interpretation, "interpretation", min: 0);
        foreach (var spoken in interpretation.Where(languages.Contains))
        {
            errors.Add("interpretation", Rules.T($"Dialogen hålls redan på '{spoken}'; tolkning gäller andra språk.", $"The event is already held in '{spoken}'; interpretation is into other languages."));
        }

        var partners = Partners(request.PartnerOrganisations, errors);
        errors.Require(request.Open is not null, "open", Rules.T("Ange om dialogen är öppen (true) eller sluten (false).", "Say whether the event is open (true) or closed (false)."));
        return errors.IsEmpty
            ? new EventFields(request.ProgrammeId!.Value, topic!, format!.Value, request.Date!.Value, place!, facilitator!, languages, interpretation, partners, request.Open!.Value)
            : null;
    }

    public void ApplyTo(DialogueEvent e)
    {
        e.ProgrammeId = ProgrammeId;
        e.Topic = Topic;
        e.Format = Format;
        e.Date = Date;
        e.Place = Place;
        e.Facilitator = Facilitator;
        e.Languages = Languages;
        e.Interpretation = Interpretation;
        e.PartnerOrganisations = PartnerOrganisations;
        e.IsOpen = Open;
    }

    private static List<string> Partners(IReadOnlyList<string?>? names, FieldErrors errors)
    {
        var result = new List<string>();
        var list = names ?? [];
        errors.Require(list.Count <= Rules.MaxListItems, "partnerOrganisations", Rules.T($"Högst {Rules.MaxListItems} organisationer.", $"At most {Rules.MaxListItems} organisations."));
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"partnerOrganisations[{i}]";
            if (errors.Text(list[i], field, DialogueDbContext.TextLength) is not { } name)
            {
                continue;
            }

            if (result.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(field, Rules.T($"'{name}' står redan i listan.", $"'{name}' is already listed."));
                continue;
            }

            result.Add(name);
        }

        return result;
    }
}
