using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>One test's tenant: its admin and case worker, a programme using the module, and helpers for its records.</summary>
public sealed class DialogueTenant(DialogueHost host, TenantSetup setup, HttpClient worker, Guid programme)
{
    private const string Api = DialogueHost.Api;

    public TenantSetup Setup { get; } = setup;

    public HttpClient Admin => Setup.Admin;

    public HttpClient Worker { get; } = worker;

    public Guid Programme { get; } = programme;

    public DateOnly Today => host.Today;

    /// <summary>Registers a participant and enrols them in the module, active from <paramref name="enrolledFrom"/> (100 days ago by default).</summary>
    public async Task<Guid> ParticipantAsync(string gender = "woman", int? birthYear = 1990, DateOnly? enrolledFrom = null, Guid? programmeId = null, bool enrol = true)
    {
        var id = await Worker.CreateParticipantAsync(gender, birthYear);
        if (enrol)
        {
            await Worker.EnrolAsync(id, programmeId ?? Programme, DialogueHost.Module, enrolledFrom ?? Today.AddDays(-100));
        }

        return id;
    }

    /// <summary>Exits the participant's enrolment in the module on <paramref name="date"/> (with If-Match, which CoreRecords.ExitAsync leaves out).</summary>
    public async Task ExitAsync(Guid participantId, DateOnly date)
    {
        var enrolment = (await (await Worker.GetAsync($"/api/enrolments?participantId={participantId}&moduleId={DialogueHost.Module}")).ReadJsonAsync()).GetProperty("items")[0];
        var request = DialogueHost.Versioned(HttpMethod.Post, $"/api/enrolments/{DialogueHost.Id(enrolment)}/status", new { status = "exited", date, exitReason = "completed" }, DialogueHost.Version(enrolment));
        (await Worker.SendAsync(request)).EnsureSuccessStatusCode();
    }

    /// <summary>A valid event body (held a week ago, open) with the given fields replaced.</summary>
    public Dictionary<string, object?> EventBody(params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["programmeId"] = Programme,
            ["topic"] = "Hur fattas beslut i kommunen?",
            ["format"] = "dialogueMeeting",
            ["date"] = Today.AddDays(-7),
            ["place"] = "Medborgarhuset",
            ["facilitator"] = "Projektmedarbetare",
            ["languages"] = new[] { "sv" },
            ["interpretation"] = new[] { "ar", "ti" },
            ["partnerOrganisations"] = new[] { "Studieförbundet" },
            ["open"] = true,
        };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    public async Task<JsonElement> EventAsync(params (string Field, object? Value)[] changes) =>
        await DialogueHost.Created(await Worker.PostAsJsonAsync($"{Api}/events", EventBody(changes)));

    public async Task<JsonElement> AttendanceAsync(Guid eventId) => await (await Worker.GetAsync($"{Api}/events/{eventId}/attendance")).ReadJsonAsync();

    public Task<HttpResponseMessage> RecordAttendanceAsync(Guid eventId, object body) => Worker.PostAsJsonAsync($"{Api}/events/{eventId}/attendance", body);

    /// <summary>Records registered participants (with optional self-assessments) at an event.</summary>
    public async Task<JsonElement> AttendAsync(Guid eventId, params (Guid Participant, int? Score)[] attendees) =>
        await (await RecordAttendanceAsync(eventId, new { participants = attendees.Select(a => new { participantId = a.Participant, influenceScore = a.Score }) })).ReadJsonAsync();

    public async Task<JsonElement> ProposalAsync(Guid eventId, string theme = "housing", params Guid[] raisedBy) =>
        await DialogueHost.Created(await Worker.PostAsJsonAsync($"{Api}/events/{eventId}/proposals", new { text = "Fler hyreslägenheter för barnfamiljer.", theme, raisedBy }));

    public async Task<JsonElement> ProposalByIdAsync(Guid proposalId) => await (await Worker.GetAsync($"{Api}/proposals/{proposalId}")).ReadJsonAsync();

    public Task<HttpResponseMessage> SendProposalAsync(JsonElement proposal, object body) =>
        Worker.SendAsync(DialogueHost.Versioned(HttpMethod.Post, $"{Api}/proposals/{DialogueHost.Id(proposal)}/send", body, DialogueHost.Version(proposal)));

    public Task<HttpResponseMessage> AnswerProposalAsync(JsonElement proposal, object body) =>
        Worker.SendAsync(DialogueHost.Versioned(HttpMethod.Post, $"{Api}/proposals/{DialogueHost.Id(proposal)}/answer", body, DialogueHost.Version(proposal)));

    /// <summary>Sends a proposal to the council on <paramref name="sentOn"/>.</summary>
    public async Task<JsonElement> SendAsync(JsonElement proposal, DateOnly sentOn) =>
        await (await SendProposalAsync(proposal, new { bodyKind = "council", bodyName = "Kommunfullmäktige", sentOn })).ReadJsonAsync();

    public async Task<JsonElement> AnswerAsync(JsonElement proposal, string decision, DateOnly answeredOn) =>
        await (await AnswerProposalAsync(proposal, new { decision, answeredOn, content = "Nämnden har beslutat i ärendet." })).ReadJsonAsync();

    /// <summary>The module's reminder follow-ups on a participant's list.</summary>
    public async Task<List<JsonElement>> RemindersAsync(Guid participantId) =>
        (await Worker.FollowUpsAsync(participantId)).GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("policyId").GetString() == "democracy-dialogue:proposal-reminder").ToList();
}
