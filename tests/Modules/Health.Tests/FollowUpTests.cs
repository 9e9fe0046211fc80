using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Modules.Health.Tests;

/// <summary>
/// The module's follow-ups: the re-measurement due on the course's last day, and the reminder of a conversation 14 days
/// after a flagged score, cancelled by the end score and by a recorded conversation. Moves the shared fake clock.
/// </summary>
public sealed class FollowUpTests(HealthHost host) : IClassFixture<HealthHost>
{
    private const string ReMeasure = "health-re-measure";
    private const string Conversation = "health-conversation";

    [Fact]
    public async Task A_start_score_plans_the_re_measurement_on_the_last_day_and_the_end_score_cancels_it()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseAsync(startDaysAgo: 10, endInDays: 20);
        var courseId = course.GetProperty("id").GetGuid();
        await t.PlaceAsync(courseId, p.Id);

        await t.ScoreAsync(courseId, p.Id, "start", [4, 4, 4, 4, 4], t.Today.AddDays(-10));

        var planned = Assert.Single(await FollowUpsAsync(t, p.Id, ReMeasure));
        Assert.Equal(t.Today.AddDays(20), DateOnly.Parse(planned.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("scheduled", planned.GetProperty("state").GetString());
        Assert.Equal(p.EnrolmentId, planned.GetProperty("enrolmentId").GetGuid());
        Assert.Empty(await FollowUpsAsync(t, p.Id, Conversation));

        await t.ScoreAsync(courseId, p.Id, "end", [4, 4, 4, 5, 4]);

        Assert.Equal("cancelled", Assert.Single(await FollowUpsAsync(t, p.Id, ReMeasure)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_new_end_date_moves_the_re_measurement()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseAsync(startDaysAgo: 10, endInDays: 20);
        var courseId = course.GetProperty("id").GetGuid();
        await t.PlaceAsync(courseId, p.Id);
        await t.ScoreAsync(courseId, p.Id, "start", [4, 4, 4, 4, 4]);

        var change = new { name = "Hälsoskola", startDate = t.Today.AddDays(-10), endDate = t.Today.AddDays(27), language = "sv" };
        (await CourseTests.Put(t.Worker, $"{HealthHost.Base}/courses/{courseId}", change, "\"1\"")).EnsureSuccessStatusCode();

        var followUps = await FollowUpsAsync(t, p.Id, ReMeasure);
        Assert.Equal("cancelled", followUps.Single(f => f.GetProperty("dueOn").GetString() == $"{t.Today.AddDays(20):yyyy-MM-dd}").GetProperty("state").GetString());
        Assert.Equal("scheduled", followUps.Single(f => f.GetProperty("dueOn").GetString() == $"{t.Today.AddDays(27):yyyy-MM-dd}").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_conversation_recorded_before_the_reminder_is_due_cancels_it()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        var score = await t.ScoreAsync(course, p.Id, "start", [1, 3, 3, 3, 3]);

        var reminder = Assert.Single(await FollowUpsAsync(t, p.Id, Conversation));
        Assert.Equal($"{t.Today.AddDays(14):yyyy-MM-dd}", reminder.GetProperty("dueOn").GetString());
        Assert.Equal(t.WorkerId, reminder.GetProperty("assigneeId").GetGuid());

        (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/scores/{score.GetProperty("id").GetGuid()}/conversations", new { heldOn = t.Today, referredToHealthCare = false }))
            .EnsureSuccessStatusCode();

        Assert.Equal("cancelled", Assert.Single(await FollowUpsAsync(t, p.Id, Conversation)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_flagged_score_without_a_conversation_reminds_the_assignee_after_14_days()
    {
        var t = await host.NewTenantAsync();
        var email = $"halsa-{Guid.NewGuid():N}@test.invalid";
        var workerId = (await (await t.Admin.PostAsJsonAsync($"/api/tenants/{t.Setup.Id}/users", new { email, displayName = "Hälsopedagog", role = "caseWorker", password = TestHost.StaffPassword }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var worker = await host.Host.SignInAsync(email, TestHost.StaffPassword);
        var p = await t.ParticipantAsync();
        var calm = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p, calm);
        var url = $"{HealthHost.Base}/courses/{course}/scores";
        int[] low = [1, 1, 2, 1, 2];
        int[] good = [4, 4, 4, 4, 4];
        (await worker.PostAsJsonAsync(url, new { participantId = p.Id, point = "start", measuredOn = t.Today, items = low })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync(url, new { participantId = calm.Id, point = "start", measuredOn = t.Today, items = good })).EnsureSuccessStatusCode();

        host.Clock.Advance(TimeSpan.FromDays(15));
        var system = await host.Host.SystemAdminAsync();
        (await system.PostAsync("/api/follow-ups/dispatch", null)).EnsureSuccessStatusCode();
        worker = await host.Host.SignInAsync(email, TestHost.StaffPassword);

        var worklist = await (await worker.GetAsync("/api/follow-ups/worklist")).ReadJsonAsync();
        var due = Assert.Single(worklist.GetProperty("items").EnumerateArray(), f => f.GetProperty("kind").GetString() == Conversation);
        Assert.Equal(p.Id, due.GetProperty("participantId").GetGuid());
        Assert.Equal(workerId, due.GetProperty("assigneeId").GetGuid());
        Assert.DoesNotContain(worklist.GetProperty("items").EnumerateArray(), f => f.GetProperty("participantId").GetGuid() == calm.Id && f.GetProperty("kind").GetString() == Conversation);
    }

    private static async Task<List<JsonElement>> FollowUpsAsync(HealthTenant t, Guid participantId, string kind)
    {
        var admin = await t.Host.Host.SignInAsync(t.Setup.AdminEmail, TestHost.StaffPassword);
        return (await admin.FollowUpsAsync(participantId)).GetProperty("items").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == kind).ToList();
    }
}
