using System.Globalization;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>The after-course policy: follow-ups 6 and 12 months after the cohort's last day, moved with it.</summary>
public sealed class FollowUpTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    [Fact]
    public async Task Joining_a_cohort_plans_follow_ups_six_and_twelve_months_after_its_last_day()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var cohort = await t.CohortAsync(endInDays: 30);

        await (await t.AddMembersAsync(Id(cohort), p)).ReadJsonAsync();
        await (await t.AddMembersAsync(Id(cohort), p)).AssertFieldErrorAsync("participantIds[0]");

        var end = t.Today.AddDays(30);
        var followUps = await t.AfterCourseFollowUpsAsync(p);
        Assert.Equal([end.AddMonths(6), end.AddMonths(12)], followUps.Select(DueOn).Order());
        Assert.All(followUps, f => Assert.Equal(("scheduled", "business-school-after-course"), (f.GetProperty("state").GetString(), f.GetProperty("kind").GetString())));
        var enrolment = Id(await t.EnrolmentAsync(p));
        Assert.All(followUps, f => Assert.Equal(enrolment, f.GetProperty("enrolmentId").GetGuid()));
    }

    [Fact]
    public async Task A_new_last_day_cancels_the_old_follow_ups_and_plans_new_ones()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var cohort = Id(await t.CohortAsync(endInDays: 30));
        await (await t.AddMembersAsync(cohort, p)).ReadJsonAsync();

        var moved = new { name = "Våren", startDate = t.Today.AddDays(-30), endDate = t.Today.AddDays(45), language = "sv" };
        (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/cohorts/{cohort}", moved, 1))).EnsureSuccessStatusCode();

        var followUps = await t.AfterCourseFollowUpsAsync(p);
        var end = t.Today.AddDays(45);
        Assert.Equal(2, followUps.Count(f => f.GetProperty("state").GetString() == "cancelled"));
        Assert.Equal([end.AddMonths(6), end.AddMonths(12)], followUps.Where(f => f.GetProperty("state").GetString() == "scheduled").Select(DueOn).Order());

        var renamed = new { name = "Våren 2", startDate = t.Today.AddDays(-30), endDate = t.Today.AddDays(45), language = "sv" };
        (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/cohorts/{cohort}", renamed, 2))).EnsureSuccessStatusCode();
        Assert.Equal(4, (await t.AfterCourseFollowUpsAsync(p)).Count);
    }

    [Fact]
    public async Task A_participant_who_withdrew_consent_to_follow_up_contact_gets_none()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var consent = await t.Worker.GiveConsentAsync(p, "followUpContact", t.Today.AddDays(-50));
        await t.Worker.WithdrawConsentAsync(p, consent);

        await t.CohortWithAsync(p);

        Assert.Empty(await t.AfterCourseFollowUpsAsync(p));
    }

    internal static DateOnly DueOn(System.Text.Json.JsonElement f) => DateOnly.Parse(f.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);
}

/// <summary>The follow-up comes due in the worklist six months after the course (moves its own host's clock).</summary>
public sealed class FollowUpClockTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    [Fact]
    public async Task Six_months_after_the_course_the_follow_up_is_in_the_worklist()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        await t.CohortWithAsync(p);

        host.Clock.Advance(TimeSpan.FromDays(30 + 190));
        var system = await host.Host.SystemAdminAsync();
        (await system.PostAsync("/api/follow-ups/dispatch", null)).EnsureSuccessStatusCode();
        var admin = await host.Host.SignInAsync(t.Setup.AdminEmail, TestHost.StaffPassword);

        var worklist = await (await admin.GetAsync("/api/follow-ups/worklist?assignee=all")).ReadJsonAsync();
        var due = Assert.Single(worklist.GetProperty("items").EnumerateArray(), f => f.GetProperty("kind").GetString() == "business-school-after-course");
        Assert.Equal(p, due.GetProperty("participantId").GetGuid());
        var later = (await admin.FollowUpsAsync(p)).GetProperty("items").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "business-school-after-course" && f.GetProperty("state").GetString() == "scheduled");
        Assert.Single(later);
    }
}
