using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>One test's tenant: its admin and case worker, a programme using the module, and helpers for its records.</summary>
public sealed class MentoringTenant(MentoringHost host, TenantSetup setup, HttpClient worker, Guid programme)
{
    public MentoringHost Host { get; } = host;

    public TenantSetup Setup { get; } = setup;

    public HttpClient Admin => Setup.Admin;

    public HttpClient Worker { get; } = worker;

    public Guid Programme { get; } = programme;

    public DateOnly Today => Host.Today;

    /// <summary>Registers a participant and enrols them in the module, active from <paramref name="enrolledFrom"/> (100 days ago by default).</summary>
    public async Task<Guid> ParticipantAsync(string gender = "woman", DateOnly? enrolledFrom = null, bool enrol = true, string[]? languages = null)
    {
        var id = await Worker.CreateParticipantAsync(gender, 1988, languages: languages ?? ["ar", "sv"]);
        if (enrol)
        {
            await Worker.EnrolAsync(id, Programme, Module, enrolledFrom ?? Today.AddDays(-100));
        }

        return id;
    }

    /// <summary>The participant's newest enrolment in the module.</summary>
    public async Task<JsonElement> EnrolmentAsync(Guid participantId) =>
        (await (await Worker.GetAsync($"/api/enrolments?participantId={participantId}&moduleId={Module}")).ReadJsonAsync()).GetProperty("items")[0];

    public static Dictionary<string, object?> MentorBody(params (string Field, object? Value)[] changes) => With(
        new Dictionary<string, object?>
        {
            ["name"] = "Språkvän Test",
            ["kind"] = "languageBuddy",
            ["gender"] = "woman",
            ["languages"] = new[] { "sv" },
            ["sectors"] = new[] { "care" },
            ["availability"] = "Tisdagar efter 17",
            ["weekdays"] = new[] { "tuesday" },
            ["capacity"] = 2,
        },
        changes);

    public async Task<JsonElement> MentorAsync(params (string Field, object? Value)[] changes) =>
        await Created(await Worker.PostAsJsonAsync($"{Api}/mentors", MentorBody(changes)));

    public async Task<JsonElement> MentorByIdAsync(Guid mentorId) => await (await Worker.GetAsync($"{Api}/mentors/{mentorId}")).ReadJsonAsync();

    public Task<HttpResponseMessage> CreateMatchAsync(Guid participantId, Guid? mentorId, DateOnly? startDate = null, string? note = null) =>
        Worker.PostAsJsonAsync($"{Api}/participants/{participantId}/matches", new { mentorId, startDate = startDate ?? Today.AddDays(-30), note });

    public async Task<JsonElement> MatchAsync(Guid participantId, Guid mentorId, DateOnly? startDate = null) =>
        await Created(await CreateMatchAsync(participantId, mentorId, startDate));

    public async Task<JsonElement> MatchByIdAsync(Guid matchId) => await (await Worker.GetAsync($"{Api}/matches/{matchId}")).ReadJsonAsync();

    /// <summary><c>pause</c>, <c>resume</c> or <c>end</c> the match at its current version.</summary>
    public Task<HttpResponseMessage> ChangeMatchAsync(JsonElement match, string action, DateOnly date, string? reason = null) =>
        Worker.SendAsync(Versioned(HttpMethod.Post, $"{Api}/matches/{Id(match)}/{action}", new { date, reason }, Version(match)));

    public async Task<int> MatchCountAsync(Guid participantId) =>
        (await (await Worker.GetAsync($"{Api}/matches?participantId={participantId}")).ReadJsonAsync()).GetProperty("total").GetInt32();

    public static Dictionary<string, object?> InternshipBody(DateOnly today, params (string Field, object? Value)[] changes) => With(
        new Dictionary<string, object?>
        {
            ["employerName"] = "Äldreboendet Solgläntan",
            ["organisationNumber"] = OrgNumbers.Valid("212000123"),
            ["occupation"] = "Vårdbiträde",
            ["sector"] = "care",
            ["startDate"] = today.AddDays(-40),
            ["endDate"] = today.AddDays(-5),
            ["hoursPerWeek"] = 30,
        },
        changes);

    public async Task<JsonElement> InternshipAsync(Guid participantId, params (string Field, object? Value)[] changes) =>
        await Created(await Worker.PostAsJsonAsync($"{Api}/participants/{participantId}/internships", InternshipBody(Today, changes)));

    public Task<HttpResponseMessage> EndInternshipAsync(JsonElement internship, object body) =>
        Worker.SendAsync(Versioned(HttpMethod.Post, $"{Api}/internships/{Id(internship)}/end", body, Version(internship)));

    public async Task<List<JsonElement>> InternshipsOfAsync(Guid participantId) =>
        (await (await Worker.GetAsync($"{Api}/internships?participantId={participantId}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    /// <summary>The participant's follow-ups of one of the module's policies.</summary>
    public async Task<List<JsonElement>> FollowUpsAsync(Guid participantId, string policyId) =>
        (await Worker.FollowUpsAsync(participantId)).GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("policyId").GetString() == policyId).ToList();
}
