using System.Net;
using System.Net.Http.Json;

namespace Integration.Host.Tests.FollowUps;

/// <summary>Admin scheduling for a cohort (idempotent), batch changes, and the tenant's follow-up policies.</summary>
public sealed class FollowUpScheduleTests : IAsyncLifetime
{
    private static readonly string[] BadOffsets = ["2 weeks", "soon"];
    private static readonly string[] TwoWeeks = ["2 weeks"];
    private static readonly string[] SwedishOffsets = ["2 veckor", "6 months"];
    private FollowUpFixture f = null!;

    public async Task InitializeAsync() => f = await FollowUpFixture.CreateAsync("follow-up-schedule");

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task Scheduling_a_cohort_twice_with_the_same_key_creates_its_follow_ups_once()
    {
        var woman = await f.ExitedParticipantAsync(daysAgo: 10, gender: "woman");
        var man = await f.ExitedParticipantAsync(daysAgo: 20, gender: "man", given: "Omar");
        var active = await f.RegisterAsync(given: "Dalia");
        await f.EnrolAsync(active, f.Today.AddDays(-5));
        var request = new
        {
            idempotencyKey = "cohort-2026-q4",
            kind = "six-month-check",
            filter = new { programmeId = f.Programme, moduleId = FollowUpFixture.Module, status = "exited", exitFrom = f.Today.AddDays(-30), exitTo = f.Today },
            offset = "6 months",
        };

        var first = await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", request)).ReadJsonAsync(HttpStatusCode.Created);
        var second = await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", request)).ReadJsonAsync();

        Assert.Equal(2, first.GetProperty("matched").GetInt32());
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.True(second.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("batchId").GetGuid(), second.GetProperty("batchId").GetGuid());
        var scheduled = await f.FollowUpsAsync("kind=six-month-check");
        Assert.Equal(2, scheduled.Count);
        Assert.Contains(scheduled, x => x.GetProperty("enrolmentId").GetGuid() == woman.Enrolment && x.GetProperty("dueOn").GetString() == Iso(f.Today.AddDays(-10).AddMonths(6)));
        Assert.Contains(scheduled, x => x.GetProperty("enrolmentId").GetGuid() == man.Enrolment);

        var women = await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "women", kind = "check-in", filter = new { gender = "woman" }, dueOn = f.Today.AddDays(7) }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, women.GetProperty("matched").GetInt32());
        Assert.Equal(2, women.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task A_key_reused_for_another_request_and_bad_requests_are_refused_without_creating_anything()
    {
        await f.ExitedParticipantAsync();
        (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k1", kind = "check-in", dueOn = f.Today.AddDays(7) })).EnsureSuccessStatusCode();

        var reused = await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k1", kind = "check-in", dueOn = f.Today.AddDays(8) })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { kind = "check-in", dueOn = f.Today })).AssertFieldErrorAsync("idempotencyKey");
        await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k2", kind = "check-in" })).AssertFieldErrorAsync("dueOn");
        await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k3", kind = "check-in", offset = "six months" })).AssertFieldErrorAsync("offset");
        await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k4", kind = "check-in", dueOn = f.Today, filter = new { programmeId = Guid.NewGuid() } })).AssertFieldErrorAsync("filter.programmeId");
        await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k5", kind = "check-in", dueOn = f.Today, filter = new { exitFrom = f.Today, exitTo = f.Today.AddDays(-1) } })).AssertFieldErrorAsync("filter.exitTo");
        await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k6", kind = "check-in", dueOn = f.Today, filter = new { gender = "robot" } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Worker.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "k7", kind = "check-in", dueOn = f.Today })).StatusCode);

        Assert.Equal("idempotencyKey", reused.GetProperty("field").GetString());
        Assert.Single(await f.FollowUpsAsync("kind=check-in"));
    }

    [Fact]
    public async Task Offsets_skip_enrolments_without_an_exit_and_withdrawn_consent_is_counted()
    {
        var exited = await f.ExitedParticipantAsync();
        var withdrawn = await f.ExitedParticipantAsync(given: "Leyla");
        var consent = await (await f.Worker.PostAsJsonAsync($"/api/participants/{withdrawn.Participant}/consents", new { purpose = "followUpContact", givenOn = f.Today.AddDays(-40) })).ReadJsonAsync(HttpStatusCode.Created);
        (await f.Worker.PostAsJsonAsync($"/api/participants/{withdrawn.Participant}/consents/{FollowUpFixture.Id(consent)}/withdraw", new { })).EnsureSuccessStatusCode();
        await f.EnrolAsync(await f.RegisterAsync(given: "Nour"), f.Today.AddDays(-3));

        var result = await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "all", kind = "twelve-month-check", offset = "12 months" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(3, result.GetProperty("matched").GetInt32());
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetProperty("consentWithdrawn").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetProperty("noExitDate").GetInt32());
        Assert.Equal(exited.Enrolment, Assert.Single(await f.FollowUpsAsync("kind=twelve-month-check")).GetProperty("enrolmentId").GetGuid());
    }

    [Fact]
    public async Task A_batch_is_rescheduled_and_cancelled_as_a_whole()
    {
        await f.ExitedParticipantAsync();
        await f.ExitedParticipantAsync(given: "Hiba");
        var batch = (await (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "b", kind = "check-in", dueOn = f.Today.AddDays(7) }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("batchId").GetGuid();

        var moved = await (await f.Admin.PostAsJsonAsync($"/api/follow-ups/batches/{batch}/reschedule", new { shiftDays = 14 })).ReadJsonAsync();
        await (await f.Admin.PostAsJsonAsync($"/api/follow-ups/batches/{batch}/reschedule", new { })).AssertFieldErrorAsync("dueOn");
        await (await f.Admin.PostAsJsonAsync($"/api/follow-ups/batches/{batch}/reschedule", new { shiftDays = 0 })).AssertFieldErrorAsync("shiftDays");

        Assert.Equal(2, moved.GetProperty("changed").GetInt32());
        Assert.All(await f.FollowUpsAsync($"batchId={batch}"), x => Assert.Equal(Iso(f.Today.AddDays(21)), x.GetProperty("dueOn").GetString()));

        var cancelled = await (await f.Admin.PostAsJsonAsync($"/api/follow-ups/batches/{batch}/cancel", new { reason = "Projektet avslutat" })).ReadJsonAsync();
        var read = await (await f.Admin.GetAsync($"/api/follow-ups/batches/{batch}")).ReadJsonAsync();

        Assert.Equal(2, cancelled.GetProperty("changed").GetInt32());
        Assert.Equal(2, read.GetProperty("states").GetProperty("cancelled").GetInt32());
        Assert.Equal(0, read.GetProperty("states").GetProperty("scheduled").GetInt32());
        await (await f.Admin.GetAsync($"/api/follow-ups/batches/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tenant_admin_changes_the_exit_offsets_or_switches_the_policy_off()
    {
        var policies = await (await f.Worker.GetAsync("/api/follow-up-policies")).ReadJsonAsync();
        var exit = policies.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "core:exit");
        Assert.Equal(["4 weeks", "6 months", "12 months"], exit.GetProperty("offsets").EnumerateArray().Select(o => o.GetString()));
        Assert.False(exit.GetProperty("customised").GetBoolean());

        await (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { enabled = true, offsets = BadOffsets })).AssertFieldErrorAsync("offsets[1]");
        await (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { enabled = true, offsets = Array.Empty<string>() })).AssertFieldErrorAsync("offsets");
        await (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { offsets = TwoWeeks })).AssertFieldErrorAsync("enabled");
        await (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { enabled = true, repeatEvery = "14 days" })).AssertFieldErrorAsync("repeatEvery");
        await (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:nothing", new { enabled = true })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Worker.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { enabled = false })).StatusCode);

        var changed = await (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { enabled = true, offsets = SwedishOffsets })).ReadJsonAsync();
        Assert.Equal(["2 weeks", "6 months"], changed.GetProperty("offsets").EnumerateArray().Select(o => o.GetString()));
        var twoOffsets = await f.ExitedParticipantAsync();
        Assert.Equal(2, (await f.FollowUpsAsync($"enrolmentId={twoOffsets.Enrolment}")).Count);

        (await f.Admin.PutAsJsonAsync("/api/follow-up-policies/core:exit", new { enabled = false })).EnsureSuccessStatusCode();
        var off = await f.ExitedParticipantAsync(given: "Zainab");
        Assert.Empty(await f.FollowUpsAsync($"enrolmentId={off.Enrolment}"));

        (await f.Admin.DeleteAsync("/api/follow-up-policies/core:exit")).EnsureSuccessStatusCode();
        var reset = await f.ExitedParticipantAsync(given: "Rana");
        Assert.Equal(3, (await f.FollowUpsAsync($"enrolmentId={reset.Enrolment}")).Count);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
