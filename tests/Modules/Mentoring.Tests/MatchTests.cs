using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>Matches: the capacity rule on creating and resuming, pausing and ending, their dates, enrolment and tenant isolation.</summary>
public sealed class MatchTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task A_second_active_match_beyond_the_mentors_capacity_is_a_409_naming_the_mentor_and_stores_nothing()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync(("capacity", 1));
        var first = await t.ParticipantAsync();
        var second = await t.ParticipantAsync();
        var match = await t.MatchAsync(first, Id(mentor));
        Assert.Equal(("active", Id(mentor), 1L), (match.GetProperty("status").GetString(), match.GetProperty("mentorId").GetGuid(), Version(match)));

        var refused = await (await t.CreateMatchAsync(second, Id(mentor))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.True(refused.GetProperty("errors").TryGetProperty("mentorId", out _), refused.ToString());
        Assert.Equal(0, await t.MatchCountAsync(second));
        Assert.Empty(await t.FollowUpsAsync(second, "mentoring:check-in"));
        Assert.Equal(0, (await t.MentorByIdAsync(Id(mentor))).GetProperty("freePlaces").GetInt32());
    }

    [Fact]
    public async Task A_paused_match_frees_its_place_and_resuming_it_beyond_capacity_is_refused_until_a_place_is_free()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync(("capacity", 1));
        var first = await t.MatchAsync(await t.ParticipantAsync(), Id(mentor), t.Today.AddDays(-60));

        var paused = await (await t.ChangeMatchAsync(first, "pause", t.Today.AddDays(-20))).ReadJsonAsync();
        Assert.Equal(("paused", $"{t.Today.AddDays(-20):yyyy-MM-dd}"), (paused.GetProperty("status").GetString(), paused.GetProperty("pausedOn").GetString()));
        var second = await t.MatchAsync(await t.ParticipantAsync(), Id(mentor), t.Today.AddDays(-10));

        var refused = await (await t.ChangeMatchAsync(paused, "resume", t.Today)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(refused.GetProperty("errors").TryGetProperty("mentorId", out _));
        Assert.Equal("paused", (await t.MatchByIdAsync(Id(first))).GetProperty("status").GetString());

        (await t.ChangeMatchAsync(second, "end", t.Today, "goalsReached")).EnsureSuccessStatusCode();
        var resumed = await (await t.ChangeMatchAsync(paused, "resume", t.Today)).ReadJsonAsync();
        Assert.Equal(("active", $"{t.Today:yyyy-MM-dd}", $"{t.Today.AddDays(-60):yyyy-MM-dd}"),
            (resumed.GetProperty("status").GetString(), resumed.GetProperty("activeSince").GetString(), resumed.GetProperty("startDate").GetString()));
    }

    [Fact]
    public async Task Pausing_resuming_and_ending_follow_the_states_dates_and_versions()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync();
        var match = await t.MatchAsync(await t.ParticipantAsync(), Id(mentor), t.Today.AddDays(-30));

        await (await t.ChangeMatchAsync(match, "resume", t.Today)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await t.ChangeMatchAsync(match, "pause", t.Today.AddDays(-31))).AssertFieldErrorAsync("date");
        await (await t.ChangeMatchAsync(match, "pause", t.Today.AddDays(1))).AssertFieldErrorAsync("date");
        await (await t.ChangeMatchAsync(match, "end", t.Today, "bored")).AssertFieldErrorAsync("reason");
        await (await t.ChangeMatchAsync(match, "end", t.Today)).AssertFieldErrorAsync("reason");
        await (await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/pause", new { date = t.Today })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(("active", 1L), ((await t.MatchByIdAsync(Id(match))).GetProperty("status").GetString(), Version(await t.MatchByIdAsync(Id(match)))));

        var paused = await (await t.ChangeMatchAsync(match, "pause", t.Today.AddDays(-10))).ReadJsonAsync();
        await (await t.ChangeMatchAsync(match, "end", t.Today, "goalsReached")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await t.ChangeMatchAsync(paused, "resume", t.Today.AddDays(-11))).AssertFieldErrorAsync("date");
        await (await t.ChangeMatchAsync(paused, "end", t.Today.AddDays(-11), "goalsReached")).AssertFieldErrorAsync("date");
        var ended = await (await t.ChangeMatchAsync(paused, "end", t.Today, "participantLeft")).ReadJsonAsync();

        Assert.Equal(("ended", "participantLeft", $"{t.Today:yyyy-MM-dd}"), (ended.GetProperty("status").GetString(), ended.GetProperty("endReason").GetString(), ended.GetProperty("endDate").GetString()));
        await (await t.ChangeMatchAsync(ended, "pause", t.Today)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await t.ChangeMatchAsync(ended, "end", t.Today, "other")).AssertProblemAsync(HttpStatusCode.Conflict);
        var list = await (await t.Worker.GetAsync($"{Api}/matches?mentorId={Id(mentor)}&status=ended")).ReadJsonAsync();
        Assert.Equal(Id(match), Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await (await t.Worker.GetAsync($"{Api}/matches?status=finished")).AssertFieldErrorAsync("status");
    }

    [Fact]
    public async Task A_match_needs_an_ongoing_enrolment_an_active_mentor_of_the_tenant_and_good_dates_and_bad_ones_store_nothing()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync(("capacity", 5));
        var inactive = await t.MentorAsync(("active", false));
        var p = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-20));
        var notEnrolled = await t.ParticipantAsync(enrol: false);

        await (await t.CreateMatchAsync(notEnrolled, Id(mentor))).AssertFieldErrorAsync("participantId");
        await (await t.CreateMatchAsync(p, Id(inactive))).AssertFieldErrorAsync("mentorId");
        await (await t.CreateMatchAsync(p, Guid.NewGuid())).AssertFieldErrorAsync("mentorId");
        await (await t.CreateMatchAsync(p, null)).AssertFieldErrorAsync("mentorId");
        await (await t.CreateMatchAsync(p, Id(mentor), t.Today.AddDays(1))).AssertFieldErrorAsync("startDate");
        await (await t.CreateMatchAsync(p, Id(mentor), t.Today.AddDays(-21))).AssertFieldErrorAsync("startDate");
        await (await t.CreateMatchAsync(p, Id(mentor), note: new string('x', 1001))).AssertFieldErrorAsync("note");
        await (await t.CreateMatchAsync(Guid.NewGuid(), Id(mentor))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await t.MatchCountAsync(p));
        Assert.Equal(0, await t.MatchCountAsync(notEnrolled));

        await t.MatchAsync(p, Id(mentor), t.Today.AddDays(-20));
        var twice = await (await t.CreateMatchAsync(p, Id(mentor), t.Today)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(twice.GetProperty("errors").TryGetProperty("mentorId", out _));
        Assert.Equal(1, await t.MatchCountAsync(p));
    }

    [Fact]
    public async Task Another_tenants_matches_participants_and_mentors_are_not_found()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var theirMentor = await other.MentorAsync();
        var theirParticipant = await other.ParticipantAsync();
        var theirs = await other.MatchAsync(theirParticipant, Id(theirMentor));
        var mine = await t.ParticipantAsync();

        await (await t.Worker.GetAsync($"{Api}/matches/{Id(theirs)}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.ChangeMatchAsync(theirs, "pause", t.Today)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(theirs)}/meetings", new { date = t.Today, durationMinutes = 60, kind = "phone" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(theirs)}/goals", new { title = "Mål" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.CreateMatchAsync(theirParticipant, Id(theirMentor))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.CreateMatchAsync(mine, Id(theirMentor))).AssertFieldErrorAsync("mentorId");
        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/matches")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal("active", (await other.MatchByIdAsync(Id(theirs))).GetProperty("status").GetString());
        Assert.Empty((await (await other.Worker.GetAsync($"{Api}/matches/{Id(theirs)}/meetings")).ReadJsonAsync()).EnumerateArray());
    }
}
