using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Host.Tests.FollowUps;

/// <summary>Follow-ups from the exit policy, the dispatcher on a moving clock, results, holds and the worklist.</summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private FollowUpFixture f = null!;

    public async Task InitializeAsync() => f = await FollowUpFixture.CreateAsync("follow-ups");

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task An_exit_schedules_the_ESF_result_points_for_the_case_worker()
    {
        var exitDate = f.Today.AddDays(-2);
        var (participant, enrolment) = await f.ExitedParticipantAsync(daysAgo: 2);

        var followUps = await f.FollowUpsAsync($"enrolmentId={enrolment}");

        Assert.Equal([exitDate.AddDays(28), exitDate.AddMonths(6), exitDate.AddMonths(12)], followUps.Select(DueOn));
        Assert.All(followUps, x =>
        {
            Assert.Equal("after-exit", x.GetProperty("kind").GetString());
            Assert.Equal("scheduled", x.GetProperty("state").GetString());
            Assert.Equal(participant, x.GetProperty("participantId").GetGuid());
            Assert.Equal(f.WorkerId, x.GetProperty("assigneeId").GetGuid());
            Assert.Equal("core:exit", x.GetProperty("policyId").GetString());
            Assert.Equal(FollowUpFixture.Module, x.GetProperty("moduleId").GetString());
        });
    }

    [Fact]
    public async Task The_dispatcher_makes_follow_ups_due_once_notifies_the_assignee_and_flags_them_overdue()
    {
        var (_, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1, given: "Samira");
        await f.AdvanceAsync(TimeSpan.FromDays(28));

        var first = await f.DispatchAsync();
        var again = await f.DispatchAsync();

        Assert.Equal(1, first.GetProperty("madeDue").GetInt32());
        Assert.Equal(0, again.GetProperty("madeDue").GetInt32());
        var states = (await f.FollowUpsAsync($"enrolmentId={enrolment}")).Select(x => x.GetProperty("state").GetString()).ToList();
        Assert.Equal(["due", "scheduled", "scheduled"], states);
        var notifications = await Items(await f.Worker.GetAsync("/api/notifications"));
        var due = Assert.Single(notifications);
        Assert.Equal("due", due.GetProperty("kind").GetString());
        Assert.Equal("listedOnly", due.GetProperty("delivery").GetString());
        var worklist = await Items(await f.Worker.GetAsync("/api/follow-ups/worklist"));
        var item = Assert.Single(worklist);
        Assert.Equal("Samira Hassan", item.GetProperty("participantName").GetString());
        Assert.False(item.GetProperty("overdue").GetBoolean());

        await f.AdvanceAsync(TimeSpan.FromDays(8));
        var later = await f.DispatchAsync();

        Assert.Equal(1, later.GetProperty("overdue").GetInt32());
        item = Assert.Single(await Items(await f.Worker.GetAsync("/api/follow-ups/worklist")));
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal(["overdue", "due"], (await Items(await f.Worker.GetAsync("/api/notifications"))).Select(n => n.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Completing_a_follow_up_records_its_result_and_an_outcome_in_one_request()
    {
        var (participant, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        await f.AdvanceAsync(TimeSpan.FromDays(28));
        await f.DispatchAsync();
        var followUp = (await f.FollowUpsAsync($"enrolmentId={enrolment}&state=due")).Single();

        var done = await (await Complete(followUp, new
        {
            reached = true,
            note = "Har fått anställning",
            outcome = new { type = "employed", detail = "fullTime", date = f.Today.AddDays(-3), source = "selfReported" },
        })).ReadJsonAsync();

        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.True(done.GetProperty("reached").GetBoolean());
        var outcomes = await (await f.Worker.GetAsync($"/api/participants/{participant}/outcomes")).ReadJsonAsync();
        var outcome = Assert.Single(outcomes.EnumerateArray());
        Assert.Equal(done.GetProperty("outcomeId").GetGuid(), outcome.GetProperty("id").GetGuid());
        Assert.Equal(enrolment, outcome.GetProperty("enrolmentId").GetGuid());
        Assert.Empty(await Items(await f.Worker.GetAsync("/api/follow-ups/worklist")));
        await (await Complete(done, new { reached = true })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_participant_not_reached_is_missed_and_bad_results_name_the_field()
    {
        var (_, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        var followUp = (await f.FollowUpsAsync($"enrolmentId={enrolment}")).First();

        await (await Complete(followUp, new { note = "?" })).AssertFieldErrorAsync("reached");
        await (await Complete(followUp, new { reached = true, outcome = new { type = "astronaut", date = f.Today, source = "selfReported" } })).AssertFieldErrorAsync("outcome.type");
        await (await Complete(followUp, new { reached = true, outcome = new { type = "studies", date = f.Today.AddDays(5), source = "selfReported" } })).AssertFieldErrorAsync("outcome.date");
        using (var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/follow-ups/{FollowUpFixture.Id(followUp)}/complete") { Content = JsonContent.Create(new { reached = false }) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"99\""));
            await (await f.Worker.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        var missed = await (await Complete(followUp, new { reached = false, note = "Inget svar på tre samtal" })).ReadJsonAsync();

        Assert.Equal("missed", missed.GetProperty("state").GetString());
        Assert.False(missed.GetProperty("reached").GetBoolean());
    }

    [Fact]
    public async Task Withdrawn_follow_up_consent_stops_new_follow_ups_and_holds_scheduled_ones_with_the_reason()
    {
        var (participant, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        var consent = await (await f.Worker.PostAsJsonAsync($"/api/participants/{participant}/consents", new { purpose = "followUpContact", givenOn = f.Today.AddDays(-40) })).ReadJsonAsync(HttpStatusCode.Created);
        (await f.Worker.PostAsJsonAsync($"/api/participants/{participant}/consents/{FollowUpFixture.Id(consent)}/withdraw", new { withdrawnOn = f.Today })).EnsureSuccessStatusCode();
        await f.AdvanceAsync(TimeSpan.FromDays(28));

        var report = await f.DispatchAsync();

        Assert.Equal(0, report.GetProperty("madeDue").GetInt32());
        var held = (await f.FollowUpsAsync($"enrolmentId={enrolment}")).First();
        Assert.Equal("scheduled", held.GetProperty("state").GetString());
        Assert.Equal("consentWithdrawn", held.GetProperty("holdReason").GetString());
        Assert.Empty(await Items(await f.Worker.GetAsync("/api/notifications")));

        var again = await f.EnrolAsync(participant, f.Today.AddDays(-10));
        (await f.ExitAsync(again, f.Today)).EnsureSuccessStatusCode();
        Assert.Empty(await f.FollowUpsAsync($"enrolmentId={FollowUpFixture.Id(again)}"));
        await (await f.Worker.PostAsJsonAsync("/api/follow-ups", new { participantId = participant, kind = "phone-call", dueOn = f.Today })).AssertFieldErrorAsync("participantId");
    }

    [Fact]
    public async Task Follow_ups_of_a_disabled_module_are_held_until_it_is_enabled_again()
    {
        var (_, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        await f.AdvanceAsync(TimeSpan.FromDays(28));
        (await f.Admin.DeleteAsync($"/api/tenants/{f.Tenant.Id}/modules/{FollowUpFixture.Module}")).EnsureSuccessStatusCode();

        await f.DispatchAsync();
        var held = (await f.FollowUpsAsync($"enrolmentId={enrolment}")).First();
        Assert.Equal("moduleDisabled", held.GetProperty("holdReason").GetString());

        (await f.Admin.PutAsync($"/api/tenants/{f.Tenant.Id}/modules/{FollowUpFixture.Module}", null)).EnsureSuccessStatusCode();
        var report = await f.DispatchAsync();

        Assert.Equal(1, report.GetProperty("madeDue").GetInt32());
        var due = (await f.FollowUpsAsync($"enrolmentId={enrolment}")).First();
        Assert.Equal("due", due.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, due.GetProperty("holdReason").ValueKind);
    }

    [Fact]
    public async Task Follow_ups_nobody_completes_are_missed_after_the_window()
    {
        var (_, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        await f.AdvanceAsync(TimeSpan.FromDays(28));
        await f.DispatchAsync();
        await f.AdvanceAsync(TimeSpan.FromDays(91));

        var report = await f.DispatchAsync();

        Assert.Equal(1, report.GetProperty("missed").GetInt32());
        Assert.Equal("missed", (await f.FollowUpsAsync($"enrolmentId={enrolment}")).First().GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_worklist_holds_my_due_follow_ups_and_the_unassigned_ones_overdue_first_and_no_one_elses()
    {
        var participant = await f.RegisterAsync("Leyla", "Omar");
        async Task<JsonElement> Create(int days, Guid assignee) => await (await f.Admin.PostAsJsonAsync(
            "/api/follow-ups", new { participantId = participant, kind = "phone-call", dueOn = f.Today.AddDays(days), assigneeId = assignee }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var overdueMine = FollowUpFixture.Id(await Create(-20, f.WorkerId));
        var toUnassign = await Create(-1, f.Tenant.AdminId);
        (await Send(f.Admin, HttpMethod.Patch, toUnassign, "", new { dueOn = f.Today.AddDays(-1), unassign = true })).EnsureSuccessStatusCode();
        var dueUnassigned = FollowUpFixture.Id(toUnassign);
        var dueMine = FollowUpFixture.Id(await Create(0, f.WorkerId));
        await Create(-20, f.Tenant.AdminId);
        await Create(5, f.WorkerId);
        await f.DispatchAsync();
        await f.DispatchAsync();

        var mine = await (await f.Worker.GetAsync("/api/follow-ups/worklist")).ReadJsonAsync();
        var all = await (await f.Worker.GetAsync("/api/follow-ups/worklist?assignee=all")).ReadJsonAsync();
        var secondPage = await (await f.Worker.GetAsync("/api/follow-ups/worklist?page=2&pageSize=2")).ReadJsonAsync();

        var items = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([overdueMine, dueUnassigned, dueMine], items.Select(FollowUpFixture.Id));
        Assert.Equal([true, false, false], items.Select(i => i.GetProperty("overdue").GetBoolean()));
        Assert.Equal(3, mine.GetProperty("total").GetInt32());
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal([dueMine], secondPage.GetProperty("items").EnumerateArray().Select(FollowUpFixture.Id));
        Assert.Equal(3, secondPage.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Admins_reschedule_reassign_and_cancel_single_follow_ups_and_case_workers_cannot()
    {
        var (_, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        var followUps = await f.FollowUpsAsync($"enrolmentId={enrolment}");
        var first = followUps[0];

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(f.Worker, HttpMethod.Patch, first, "", new { dueOn = f.Today })).StatusCode);
        await (await Send(f.Admin, HttpMethod.Patch, first, "", new { })).AssertFieldErrorAsync("dueOn");
        await (await Send(f.Admin, HttpMethod.Patch, first, "", new { assigneeId = Guid.NewGuid() })).AssertFieldErrorAsync("assigneeId");
        await (await f.Admin.PatchAsJsonAsync($"/api/follow-ups/{FollowUpFixture.Id(first)}", new { dueOn = f.Today })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var moved = await (await Send(f.Admin, HttpMethod.Patch, first, "", new { dueOn = f.Today, unassign = true })).ReadJsonAsync();
        var cancelled = await (await Send(f.Admin, HttpMethod.Post, followUps[1], "/cancel", new { reason = "Flyttat" })).ReadJsonAsync();

        Assert.Equal(f.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), moved.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("assigneeId").ValueKind);
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("Flyttat", cancelled.GetProperty("cancelReason").GetString());
        var report = await f.DispatchAsync();
        Assert.Equal(1, report.GetProperty("madeDue").GetInt32());
        var unassigned = Assert.Single(await Items(await f.Worker.GetAsync("/api/follow-ups/worklist")));
        Assert.Equal(FollowUpFixture.Id(first), FollowUpFixture.Id(unassigned));
        await (await Send(f.Admin, HttpMethod.Post, cancelled, "/cancel", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_due_follow_up_rescheduled_by_an_admin_is_notified_again_for_its_new_date()
    {
        var (_, enrolment) = await f.ExitedParticipantAsync(daysAgo: 1);
        await f.AdvanceAsync(TimeSpan.FromDays(28));
        await f.DispatchAsync();
        var due = (await f.FollowUpsAsync($"enrolmentId={enrolment}&state=due")).Single();

        (await Send(f.Admin, HttpMethod.Patch, due, "", new { dueOn = f.Today.AddDays(3) })).EnsureSuccessStatusCode();
        await f.AdvanceAsync(TimeSpan.FromDays(3));
        var report = await f.DispatchAsync();

        Assert.Equal(1, report.GetProperty("madeDue").GetInt32());
        Assert.Equal(0, report.GetProperty("failedTenants").GetInt32());
        Assert.Equal(2, (await Items(await f.Worker.GetAsync("/api/notifications"))).Count(n => n.GetProperty("kind").GetString() == "due"));
    }

    [Fact]
    public async Task A_referral_dropped_before_it_started_gets_no_follow_ups()
    {
        var participant = await f.RegisterAsync();
        var referral = await (await f.Worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = f.Programme, moduleId = FollowUpFixture.Module, referredOn = f.Today.AddDays(-3) }))
            .ReadJsonAsync(HttpStatusCode.Created);

        (await f.ExitAsync(referral, f.Today, "droppedOut")).EnsureSuccessStatusCode();

        Assert.Empty(await f.FollowUpsAsync($"participantId={participant}"));
    }

    [Fact]
    public async Task A_case_worker_plans_a_follow_up_by_hand_and_bad_input_names_the_field()
    {
        var participant = await f.RegisterAsync();

        var created = await (await f.Worker.PostAsJsonAsync("/api/follow-ups", new { participantId = participant, kind = "phone-call", dueOn = f.Today.AddDays(3), note = "Ring om praktik" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await f.Worker.PostAsJsonAsync("/api/follow-ups", new { participantId = participant, kind = "Phone Call", dueOn = f.Today })).AssertFieldErrorAsync("kind");
        await (await f.Worker.PostAsJsonAsync("/api/follow-ups", new { participantId = participant, kind = "phone-call" })).AssertFieldErrorAsync("dueOn");
        await (await f.Worker.PostAsJsonAsync("/api/follow-ups", new { participantId = Guid.NewGuid(), kind = "phone-call", dueOn = f.Today })).AssertFieldErrorAsync("participantId");
        await (await f.Worker.PostAsJsonAsync("/api/follow-ups", new { participantId = participant, enrolmentId = Guid.NewGuid(), kind = "phone-call", dueOn = f.Today })).AssertFieldErrorAsync("enrolmentId");
        await (await f.Worker.GetAsync("/api/follow-ups?state=sleeping")).AssertFieldErrorAsync("state");
        await (await f.Worker.GetAsync("/api/follow-ups/worklist?assignee=boss")).AssertFieldErrorAsync("assignee");

        Assert.Equal(f.WorkerId, created.GetProperty("assigneeId").GetGuid());
        Assert.Single(await f.FollowUpsAsync($"participantId={participant}"));
        var audit = await (await f.Admin.GetAsync($"/api/audit?participantId={participant}")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("recordType").GetString() == "follow-up" && e.GetProperty("action").GetString() == "create");
    }

    [Fact]
    public async Task A_module_policy_repeats_while_its_subject_lasts_and_its_stop_event_cancels_the_rest()
    {
        var participant = await f.RegisterAsync();
        var policies = await (await f.Worker.GetAsync("/api/follow-up-policies")).ReadJsonAsync();
        var watch = policies.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "fixture-notes:watch");
        Assert.Equal("7 days", watch.GetProperty("repeatEvery").GetString());
        Assert.Equal(FollowUpFixture.Module, watch.GetProperty("moduleId").GetString());

        var started = await (await f.Worker.PostAsync($"/api/modules/{FollowUpFixture.Module}/participants/{participant}/watch", null)).ReadJsonAsync();
        var repeated = await (await f.Worker.PostAsync($"/api/modules/{FollowUpFixture.Module}/participants/{participant}/watch", null)).ReadJsonAsync();
        Assert.Equal(1, started.GetProperty("created").GetInt32());
        Assert.Equal(0, repeated.GetProperty("created").GetInt32());
        var start = f.Today;

        await f.AdvanceAsync(TimeSpan.FromDays(7));
        await f.DispatchAsync();
        var series = await f.FollowUpsAsync($"participantId={participant}&kind=watch-check-in");
        Assert.Equal([(1, "due", start.AddDays(7)), (2, "scheduled", start.AddDays(14))], series.Select(x => (x.GetProperty("sequence").GetInt32(), x.GetProperty("state").GetString(), DueOn(x))));

        (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/fixture-notes:watch", new { enabled = true, repeatEvery = "10 days" })).EnsureSuccessStatusCode();
        await f.AdvanceAsync(TimeSpan.FromDays(7));
        await f.DispatchAsync();
        series = await f.FollowUpsAsync($"participantId={participant}&kind=watch-check-in");
        Assert.Equal(start.AddDays(24), DueOn(series.Single(x => x.GetProperty("sequence").GetInt32() == 3)));

        var third = series.Single(x => x.GetProperty("sequence").GetInt32() == 3);
        (await Complete(third, new { reached = true, note = "Träffades i förväg" })).EnsureSuccessStatusCode();
        var fourth = (await f.FollowUpsAsync($"participantId={participant}&kind=watch-check-in")).Single(x => x.GetProperty("sequence").GetInt32() == 4);
        Assert.Equal(start.AddDays(34), DueOn(fourth));

        var stopped = await (await f.Worker.PostAsync($"/api/modules/{FollowUpFixture.Module}/participants/{participant}/unwatch", null)).ReadJsonAsync();

        Assert.Equal(3, stopped.GetProperty("cancelled").GetInt32());
        Assert.Equal(3, (await f.FollowUpsAsync($"participantId={participant}&kind=watch-check-in&state=cancelled")).Count);
        Assert.Single(await f.FollowUpsAsync($"participantId={participant}&kind=watch-check-in&state=done"));
        await (await f.Worker.PostAsync($"/api/modules/{FollowUpFixture.Module}/participants/{Guid.NewGuid()}/watch", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> Complete(JsonElement followUp, object body) => Send(f.Worker, HttpMethod.Post, followUp, "/complete", body);

    /// <summary>A change to a follow-up with its version in If-Match, as clients send it.</summary>
    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, JsonElement followUp, string path, object body)
    {
        using var request = new HttpRequestMessage(method, $"/api/follow-ups/{FollowUpFixture.Id(followUp)}{path}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{followUp.GetProperty("version").GetInt64()}\""));
        return await client.SendAsync(request);
    }

    private static DateOnly DueOn(JsonElement followUp) => DateOnly.Parse(followUp.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> Items(HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
}
