using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;
using static Integration.Modules.Mentoring.Tests.MentoringTenant;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>Mentors: registration, the rules of each field, changes with If-Match, search with paging, removal, tenant isolation.</summary>
public sealed class MentorTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task A_mentor_is_registered_read_changed_with_if_match_and_stale_versions_are_refused()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync(("languages", new[] { "SV", "ar", "sv" }), ("weekdays", new[] { "thursday", "monday" }), ("gender", "nonBinaryOrOther"));

        Assert.Equal(["sv", "ar"], mentor.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["monday", "thursday"], mentor.GetProperty("weekdays").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(("languageBuddy", "nonBinaryOrOther", 2, 2, true), (mentor.GetProperty("kind").GetString(), mentor.GetProperty("gender").GetString(),
            mentor.GetProperty("capacity").GetInt32(), mentor.GetProperty("freePlaces").GetInt32(), mentor.GetProperty("active").GetBoolean()));
        var read = await t.Worker.GetAsync($"{Api}/mentors/{Id(mentor)}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var url = $"{Api}/mentors/{Id(mentor)}";
        var changed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, MentorBody(("name", "Huvudhandledare Test"), ("kind", "leadSupervisor"), ("capacity", 8)), 1))).ReadJsonAsync();
        Assert.Equal(("leadSupervisor", 8, 2L), (changed.GetProperty("kind").GetString(), changed.GetProperty("capacity").GetInt32(), Version(changed)));

        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, MentorBody(("name", "Gammal version")), 1))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await t.Worker.PutAsJsonAsync(url, MentorBody())).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal("Huvudhandledare Test", (await t.MentorByIdAsync(Id(mentor))).GetProperty("name").GetString());
    }

    public static TheoryData<string, string, object?> BadMentors() => new()
    {
        { "name", "name", " " },
        { "kind", "kind", "buddy" },
        { "kind", "kind", "1" },
        { "gender", "gender", "female" },
        { "gender", "gender", null },
        { "languages", "languages", Array.Empty<string>() },
        { "languages", "languages[1]", new[] { "sv", "svenska" } },
        { "sectors", "sectors[0]", new[] { "mining" } },
        { "weekdays", "weekdays[0]", new[] { "someday" } },
        { "capacity", "capacity", 0 },
        { "capacity", "capacity", 21 },
        { "capacity", "capacity", null },
        { "availability", "availability", new string('x', 201) },
    };

    [Theory]
    [MemberData(nameof(BadMentors))]
    public async Task Bad_mentor_fields_are_a_400_naming_the_field_and_store_nothing(string field, string error, object? value)
    {
        var t = await host.NewTenantAsync();

        await (await t.Worker.PostAsJsonAsync($"{Api}/mentors", MentorBody((field, value)))).AssertFieldErrorAsync(error);

        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/mentors")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Mentors_are_searched_by_name_kind_language_sector_and_free_places_and_paged()
    {
        var t = await host.NewTenantAsync();
        await t.MentorAsync(("name", "Anna Berg"), ("languages", new[] { "sv", "ti" }), ("sectors", new[] { "care", "retail" }));
        var full = await t.MentorAsync(("name", "Bertil Dahl"), ("kind", "workplaceSupervisor"), ("organisation", "Bygg & Mark AB"), ("sectors", new[] { "construction" }), ("capacity", 1));
        await t.MentorAsync(("name", "Cecilia Ek"), ("kind", "leadSupervisor"), ("languages", new[] { "sv", "ar" }), ("active", false));
        await t.MatchAsync(await t.ParticipantAsync(), Id(full));

        async Task<List<string?>> Names(string query) =>
            (await (await t.Worker.GetAsync($"{Api}/mentors?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();

        Assert.Equal(["Anna Berg", "Bertil Dahl", "Cecilia Ek"], await Names(""));
        Assert.Equal(["Bertil Dahl"], await Names("q=bygg"));
        Assert.Equal(["Anna Berg"], await Names("q=ANNA"));
        Assert.Equal(["Cecilia Ek"], await Names("kind=leadSupervisor"));
        Assert.Equal(["Anna Berg"], await Names("language=ti"));
        Assert.Equal(["Anna Berg"], await Names("sector=retail"));
        Assert.Equal(["Anna Berg", "Bertil Dahl"], await Names("active=true"));
        Assert.Equal(["Anna Berg", "Cecilia Ek"], await Names("hasFreePlace=true"));
        Assert.Equal(["Bertil Dahl"], await Names("hasFreePlace=false"));
        var page = await (await t.Worker.GetAsync($"{Api}/mentors?page=2&pageSize=2")).ReadJsonAsync();
        Assert.Equal((3, 2, "Cecilia Ek"), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("items")[0].GetProperty("name").GetString()));
        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/mentors/{Id(full)}")).ReadJsonAsync()).GetProperty("freePlaces").GetInt32());

        await (await t.Worker.GetAsync($"{Api}/mentors?kind=buddy")).AssertFieldErrorAsync("kind");
        await (await t.Worker.GetAsync($"{Api}/mentors?language=swedish")).AssertFieldErrorAsync("language");
        await (await t.Worker.GetAsync($"{Api}/mentors?pageSize=500")).AssertFieldErrorAsync("pageSize");
    }

    [Fact]
    public async Task Capacity_cannot_go_below_the_active_matches_and_a_matched_mentor_is_deactivated_not_removed()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync(("capacity", 2));
        var match = await t.MatchAsync(await t.ParticipantAsync(), Id(mentor));
        await t.MatchAsync(await t.ParticipantAsync(), Id(mentor));
        var url = $"{Api}/mentors/{Id(mentor)}";

        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, MentorBody(("capacity", 1)), 1))).AssertFieldErrorAsync("capacity");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, MentorBody(("active", false)), 1))).AssertFieldErrorAsync("active");
        await (await t.Worker.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((2, true), ((await t.MentorByIdAsync(Id(mentor))).GetProperty("capacity").GetInt32(), (await t.MentorByIdAsync(Id(mentor))).GetProperty("active").GetBoolean()));

        (await t.ChangeMatchAsync(match, "pause", t.Today)).EnsureSuccessStatusCode();
        (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, MentorBody(("capacity", 1)), 1))).EnsureSuccessStatusCode();

        var unused = await t.MentorAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await t.Worker.DeleteAsync($"{Api}/mentors/{Id(unused)}")).StatusCode);
        await (await t.Worker.GetAsync($"{Api}/mentors/{Id(unused)}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_tenants_mentors_are_not_found_and_reading_or_writing_needs_the_permission()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var theirs = await other.MentorAsync(("name", "Deras mentor"));
        var url = $"{Api}/mentors/{Id(theirs)}";

        await (await t.Worker.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, MentorBody(), 1))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/mentors")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.PostAsJsonAsync($"{Api}/mentors", MentorBody())).StatusCode);
        (await t.Admin.GetAsync($"{Api}/mentors")).EnsureSuccessStatusCode();
        Assert.Equal("Deras mentor", (await other.MentorByIdAsync(Id(theirs))).GetProperty("name").GetString());
    }
}
