using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;
using static Integration.Modules.Mentoring.Tests.MentoringTenant;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>The check-in every 14 days while a match is active, and the follow-up at the internship's end.</summary>
public sealed class FollowUpTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    private const string CheckIn = "mentoring:check-in";
    private const string InternshipEnd = "mentoring:internship-end";

    [Fact]
    public async Task A_match_plans_a_check_in_14_days_after_its_start_a_pause_cancels_it_and_a_resume_plans_a_new_one()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var start = t.Today.AddDays(-10);
        var match = await t.MatchAsync(p, Id(await t.MentorAsync()), start);

        var first = Assert.Single(await t.FollowUpsAsync(p, CheckIn));
        Assert.Equal((start.AddDays(14), "scheduled", "mentoring-check-in"), (DueOn(first), State(first), first.GetProperty("kind").GetString()));
        Assert.Equal(Id(await t.EnrolmentAsync(p)), first.GetProperty("enrolmentId").GetGuid());

        var paused = await (await t.ChangeMatchAsync(match, "pause", t.Today.AddDays(-2))).ReadJsonAsync();
        Assert.Equal("cancelled", State(Assert.Single(await t.FollowUpsAsync(p, CheckIn))));

        var resumed = await (await t.ChangeMatchAsync(paused, "resume", t.Today)).ReadJsonAsync();
        var open = (await t.FollowUpsAsync(p, CheckIn)).Where(f => State(f) == "scheduled").ToList();
        Assert.Equal(t.Today.AddDays(14), DueOn(Assert.Single(open)));

        (await t.ChangeMatchAsync(resumed, "end", t.Today, "goalsReached")).EnsureSuccessStatusCode();
        Assert.All(await t.FollowUpsAsync(p, CheckIn), f => Assert.Equal("cancelled", State(f)));
    }

    [Fact]
    public async Task The_tenant_admin_changes_the_check_in_interval_through_the_hosts_policy_api()
    {
        var t = await host.NewTenantAsync();
        var policies = (await (await t.Worker.GetAsync("/api/follow-up-policies")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal("14 days", policies.Single(x => x.GetProperty("id").GetString() == CheckIn).GetProperty("repeatEvery").GetString());
        Assert.Contains(policies, x => x.GetProperty("id").GetString() == InternshipEnd);

        (await t.Admin.PutAsJsonAsync($"/api/follow-up-policies/{CheckIn}", new { enabled = true, repeatEvery = "7 days" })).EnsureSuccessStatusCode();
        var p = await t.ParticipantAsync();
        await t.MatchAsync(p, Id(await t.MentorAsync()), t.Today);

        Assert.Equal(t.Today.AddDays(7), DueOn(Assert.Single(await t.FollowUpsAsync(p, CheckIn))));
    }

    [Fact]
    public async Task An_internship_plans_a_follow_up_the_day_after_its_last_day_moved_with_it()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var internship = await t.InternshipAsync(p, ("startDate", t.Today.AddDays(-10)), ("endDate", t.Today.AddDays(20)));
        Assert.Equal(t.Today.AddDays(21), DueOn(Assert.Single(await t.FollowUpsAsync(p, InternshipEnd))));

        var moved = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/internships/{Id(internship)}",
            InternshipBody(t.Today, ("startDate", t.Today.AddDays(-10)), ("endDate", t.Today.AddDays(30))), 1))).ReadJsonAsync();
        var followUps = await t.FollowUpsAsync(p, InternshipEnd);
        Assert.Equal([("cancelled", t.Today.AddDays(21)), ("scheduled", t.Today.AddDays(31))], followUps.Select(f => (State(f), DueOn(f))).OrderBy(f => f.Item2));

        (await t.EndInternshipAsync(moved, new { endedOn = t.Today, ledToJobOffer = false })).EnsureSuccessStatusCode();
        var open = (await t.FollowUpsAsync(p, InternshipEnd)).Where(f => State(f) == "scheduled").ToList();
        Assert.Equal(t.Today.AddDays(1), DueOn(Assert.Single(open)));
        Assert.Equal("mentoring-internship-end", open[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_participant_who_withdrew_consent_to_follow_up_contact_gets_no_check_ins()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var consent = await t.Worker.GiveConsentAsync(p, "followUpContact", t.Today.AddDays(-50));
        await t.Worker.WithdrawConsentAsync(p, consent);

        await t.MatchAsync(p, Id(await t.MentorAsync()));

        Assert.Empty(await t.FollowUpsAsync(p, CheckIn));
    }

    internal static DateOnly DueOn(JsonElement f) => DateOnly.Parse(f.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);

    internal static string? State(JsonElement f) => f.GetProperty("state").GetString();
}

/// <summary>The check-in comes due in the worklist two weeks into the match, and the next is planned (moves its own host's clock).</summary>
public sealed class FollowUpClockTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task Two_weeks_into_the_match_the_check_in_is_in_the_worklist_and_the_next_one_is_planned()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var start = t.Today;
        await t.MatchAsync(p, Id(await t.MentorAsync()), start);

        host.Clock.Advance(TimeSpan.FromDays(15));
        var system = await host.Host.SystemAdminAsync();
        (await system.PostAsync("/api/follow-ups/dispatch", null)).EnsureSuccessStatusCode();
        var admin = await host.Host.SignInAsync(t.Setup.AdminEmail, TestHost.StaffPassword);

        var worklist = await (await admin.GetAsync("/api/follow-ups/worklist?assignee=all")).ReadJsonAsync();
        var due = Assert.Single(worklist.GetProperty("items").EnumerateArray(), f => f.GetProperty("kind").GetString() == "mentoring-check-in");
        Assert.Equal(p, due.GetProperty("participantId").GetGuid());
        var next = (await admin.FollowUpsAsync(p)).GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "mentoring-check-in" && FollowUpTests.State(f) == "scheduled");
        Assert.Equal(start.AddDays(28), FollowUpTests.DueOn(Assert.Single(next)));
    }
}
