using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>The participant's wishes and the mentor suggestions: scores and their parts, who is left out.</summary>
public sealed class SuggestionTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task Suggestions_score_shared_language_sector_wish_gender_kind_and_free_capacity_and_say_why()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync("woman", languages: ["ti", "sv"]);
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{p}/preferences", new
        {
            sectorWishes = new[] { "care", "education" }, preferredMentorGender = "woman", preferredMentorKind = "languageBuddy",
        })).ReadJsonAsync();
        var best = await t.MentorAsync(("name", "Best"), ("languages", new[] { "sv", "ti" }), ("sectors", new[] { "care" }), ("capacity", 2));
        var busy = await t.MentorAsync(("name", "Busy"), ("languages", new[] { "sv", "ti" }), ("sectors", new[] { "care" }), ("capacity", 2));
        await t.MatchAsync(await t.ParticipantAsync(), Id(busy));
        var swedishOnly = await t.MentorAsync(("name", "Swedish"), ("gender", "man"), ("kind", "leadSupervisor"), ("sectors", new[] { "retail" }), ("capacity", 4));
        var none = await t.MentorAsync(("name", "None"), ("languages", new[] { "en" }), ("gender", "man"), ("kind", "workplaceSupervisor"), ("sectors", new[] { "construction" }));
        var full = await t.MentorAsync(("name", "Full"), ("capacity", 1));
        await t.MatchAsync(await t.ParticipantAsync(), Id(full));
        await t.MentorAsync(("name", "Inactive"), ("active", false));
        var already = await t.MentorAsync(("name", "Already"));
        await t.MatchAsync(p, Id(already));

        var response = await (await t.Worker.GetAsync($"{Api}/participants/{p}/mentor-suggestions")).ReadJsonAsync();

        var suggestions = response.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(["Best", "Busy", "Swedish", "None"], suggestions.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([100, 98, 15, 5], suggestions.Select(s => s.GetProperty("score").GetInt32()));
        Assert.Equal(2, response.GetProperty("excluded").GetInt32());
        Assert.Equal(["ti", "sv"], response.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(Id(best), suggestions[0].GetProperty("mentorId").GetGuid());
        Assert.Equal(
            [("language", 30), ("sector", 30), ("gender", 20), ("kind", 15), ("capacity", 5)],
            suggestions[0].GetProperty("parts").EnumerateArray().Select(Part));
        Assert.Equal(
            [("language", 10), ("sector", 0), ("gender", 0), ("kind", 0), ("capacity", 5)],
            suggestions[2].GetProperty("parts").EnumerateArray().Select(Part));
        Assert.Equal(("capacity", 3), Part(suggestions[1].GetProperty("parts")[4]));
        Assert.All(suggestions.SelectMany(s => s.GetProperty("parts").EnumerateArray()), part => Assert.False(string.IsNullOrWhiteSpace(part.GetProperty("reason").GetString())));
        Assert.Contains("ti", suggestions[0].GetProperty("parts")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(Id(none), suggestions[3].GetProperty("mentorId").GetGuid());

        var buddies = await (await t.Worker.GetAsync($"{Api}/participants/{p}/mentor-suggestions?kind=leadSupervisor&limit=1")).ReadJsonAsync();
        Assert.Equal(Id(swedishOnly), Assert.Single(buddies.GetProperty("suggestions").EnumerateArray()).GetProperty("mentorId").GetGuid());
    }

    [Fact]
    public async Task Without_wishes_only_language_and_capacity_count_and_bad_queries_are_a_400()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync("man", languages: ["ar"]);
        await t.MentorAsync(("name", "Arabic"), ("languages", new[] { "sv", "ar" }));

        var response = await (await t.Worker.GetAsync($"{Api}/participants/{p}/mentor-suggestions")).ReadJsonAsync();

        var only = Assert.Single(response.GetProperty("suggestions").EnumerateArray());
        Assert.Equal(35, only.GetProperty("score").GetInt32());
        Assert.Equal(0L, Version(response.GetProperty("preferences")));
        await (await t.Worker.GetAsync($"{Api}/participants/{p}/mentor-suggestions?limit=0")).AssertFieldErrorAsync("limit");
        await (await t.Worker.GetAsync($"{Api}/participants/{p}/mentor-suggestions?kind=friend")).AssertFieldErrorAsync("kind");
        await (await t.Worker.GetAsync($"{Api}/participants/{await t.ParticipantAsync(enrol: false)}/mentor-suggestions")).AssertFieldErrorAsync("participantId");
        await (await t.Worker.GetAsync($"{Api}/participants/{Guid.NewGuid()}/mentor-suggestions")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wishes_are_stored_with_if_match_once_they_exist_and_bad_ones_store_nothing()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var url = $"{Api}/participants/{p}/preferences";

        await (await t.Worker.PutAsJsonAsync(url, new { sectorWishes = new[] { "mining" } })).AssertFieldErrorAsync("sectorWishes[0]");
        await (await t.Worker.PutAsJsonAsync(url, new { preferredMentorGender = "female" })).AssertFieldErrorAsync("preferredMentorGender");
        await (await t.Worker.PutAsJsonAsync(url, new { preferredMentorGender = "notStated" })).AssertFieldErrorAsync("preferredMentorGender");
        await (await t.Worker.PutAsJsonAsync(url, new { preferredMentorKind = "boss" })).AssertFieldErrorAsync("preferredMentorKind");
        Assert.Equal(0L, Version(await (await t.Worker.GetAsync(url)).ReadJsonAsync()));

        var stored = await (await t.Worker.PutAsJsonAsync(url, new { sectorWishes = new[] { "retail" }, preferredMentorGender = "woman" })).ReadJsonAsync();
        Assert.Equal(1L, Version(stored));
        await (await t.Worker.PutAsJsonAsync(url, new { sectorWishes = new[] { "care" } })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, new { sectorWishes = new[] { "care" } }, 1))).ReadJsonAsync();
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, new { sectorWishes = new[] { "office" } }, 1))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var read = await (await t.Worker.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(["care"], read.GetProperty("sectorWishes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("preferredMentorGender").ValueKind);
        Assert.Equal(2L, Version(changed));
        await (await other.Worker.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PutAsJsonAsync(url, new { sectorWishes = new[] { "care" } })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static (string?, int) Part(JsonElement part) => (part.GetProperty("criterion").GetString(), part.GetProperty("points").GetInt32());
}
