using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Modules.Health.Tests;

/// <summary>WHO-5: scoring and flags, every rule of a score, consent for health data, and who may read scores.</summary>
public sealed class Who5ScoreTests(HealthHost host) : IClassFixture<HealthHost>
{
    [Theory]
    [InlineData(new[] { 3, 3, 3, 3, 3 }, 15, 60, false, false)]
    [InlineData(new[] { 2, 2, 3, 2, 3 }, 12, 48, true, false)] // raw below 13
    [InlineData(new[] { 5, 5, 5, 5, 1 }, 21, 84, true, false)] // an item answered 1
    [InlineData(new[] { 4, 4, 4, 4, 0 }, 16, 64, true, false)] // an item answered 0
    [InlineData(new[] { 2, 2, 2, 2, 2 }, 10, 40, true, false)] // raw 10, no item below 2
    [InlineData(new[] { 2, 2, 1, 1, 1 }, 7, 28, true, true)] // 28 % or less: referral
    [InlineData(new[] { 2, 2, 2, 1, 1 }, 8, 32, true, false)]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, 25, 100, false, false)]
    [InlineData(new[] { 3, 2, 3, 2, 3 }, 13, 52, false, false)] // raw 13 is not flagged
    public async Task A_score_gives_the_raw_score_the_percentage_and_what_it_suggests(int[] items, int raw, int percentage, bool conversation, bool referral)
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);

        var score = await t.ScoreAsync(course, p.Id, "start", items);

        Assert.Equal(raw, score.GetProperty("rawScore").GetInt32());
        Assert.Equal(percentage, score.GetProperty("percentage").GetInt32());
        Assert.Equal(conversation, score.GetProperty("conversationSuggested").GetBoolean());
        Assert.Equal(referral, score.GetProperty("referralSuggested").GetBoolean());
        Assert.Equal(items, score.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()).ToArray());
    }

    [Fact]
    public async Task Start_and_end_give_the_change_and_whether_it_is_clinically_relevant()
    {
        var t = await host.NewTenantAsync();
        var (better, same, worse) = (await t.ParticipantAsync(), await t.ParticipantAsync(), await t.ParticipantAsync());
        var course = await t.CourseWithAsync(better, same, worse);
        await t.ScoreAsync(course, better.Id, "start", [2, 2, 2, 2, 2], t.Today.AddDays(-20));
        await t.ScoreAsync(course, better.Id, "end", [3, 3, 2, 2, 2]);
        await t.ScoreAsync(course, same.Id, "start", [3, 3, 3, 3, 3], t.Today.AddDays(-20));
        await t.ScoreAsync(course, same.Id, "end", [3, 3, 3, 3, 4]);
        await t.ScoreAsync(course, worse.Id, "start", [4, 4, 4, 4, 4], t.Today.AddDays(-20));
        await t.ScoreAsync(course, worse.Id, "end", [3, 3, 4, 4, 4]);

        var results = (await (await t.Reader.GetAsync($"{HealthHost.Base}/courses/{course}/scores")).ReadJsonAsync()).GetProperty("participants").EnumerateArray()
            .ToDictionary(r => r.GetProperty("participantId").GetGuid());

        Assert.Equal(8, results[better.Id].GetProperty("changePoints").GetInt32());
        Assert.False(results[better.Id].GetProperty("clinicallyRelevantChange").GetBoolean());
        Assert.Equal(4, results[same.Id].GetProperty("changePoints").GetInt32());
        Assert.Equal(-8, results[worse.Id].GetProperty("changePoints").GetInt32());

        var ten = await t.ParticipantAsync();
        await t.PlaceAsync(course, ten.Id);
        await t.ScoreAsync(course, ten.Id, "start", [2, 2, 2, 2, 2], t.Today.AddDays(-20));
        await t.ScoreAsync(course, ten.Id, "end", [3, 3, 3, 2, 2]);
        var result = Assert.Single((await t.ParticipantScoresAsync(ten.Id)).GetProperty("courses").EnumerateArray());
        Assert.Equal(12, result.GetProperty("changePoints").GetInt32());
        Assert.True(result.GetProperty("clinicallyRelevantChange").GetBoolean());
        Assert.Equal(40, result.GetProperty("start").GetProperty("percentage").GetInt32());
        Assert.Equal(52, result.GetProperty("end").GetProperty("percentage").GetInt32());
    }

    [Theory]
    [InlineData("items[2]", new[] { 3, 3, 6, 3, 3 })]
    [InlineData("items[0]", new[] { -1, 3, 3, 3, 3 })]
    [InlineData("items[4]", new[] { 3, 3, 3, 3, 10 })]
    [InlineData("items", new[] { 3, 3, 3, 3 })]
    [InlineData("items", new[] { 3, 3, 3, 3, 3, 3 })]
    [InlineData("items", new int[0])]
    public async Task Items_outside_0_to_5_or_a_missing_or_extra_item_are_a_400_naming_the_field_and_nothing_is_stored(string field, int[] items)
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);

        await (await t.PostScoreAsync(course, p.Id, "start", items)).AssertFieldErrorAsync(field);

        await AssertNoScoresAsync(t, p.Id);
    }

    [Fact]
    public async Task Every_other_field_of_a_score_is_checked_and_nothing_is_stored()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var stranger = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        var url = $"{HealthHost.Base}/courses/{course}/scores";
        int[] items = [3, 3, 3, 3, 3];

        await (await t.Worker.PostAsJsonAsync(url, new { participantId = p.Id, measuredOn = t.Today, items })).AssertFieldErrorAsync("point");
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = p.Id, point = "middle", measuredOn = t.Today, items })).AssertFieldErrorAsync("point");
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = p.Id, point = "start", items })).AssertFieldErrorAsync("measuredOn");
        await (await t.PostScoreAsync(course, p.Id, "start", items, t.Today.AddDays(1))).AssertFieldErrorAsync("measuredOn");
        await (await t.PostScoreAsync(course, p.Id, "start", items, t.Today.AddDays(-61))).AssertFieldErrorAsync("measuredOn");
        await (await t.Worker.PostAsJsonAsync(url, new { point = "start", measuredOn = t.Today, items })).AssertFieldErrorAsync("participantId");
        await (await t.PostScoreAsync(course, Guid.NewGuid(), "start", items)).AssertFieldErrorAsync("participantId");
        await (await t.PostScoreAsync(course, stranger.Id, "start", items)).AssertFieldErrorAsync("participantId");
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = p.Id, point = "start", measuredOn = t.Today, items = new object[] { 3, "three", 3, 3, 3 } })).AssertFieldErrorAsync("items[1]");
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = p.Id, point = "start", measuredOn = t.Today })).AssertFieldErrorAsync("items");
        await (await t.PostScoreAsync(Guid.NewGuid(), p.Id, "start", items)).AssertProblemAsync(HttpStatusCode.NotFound);
        await AssertNoScoresAsync(t, p.Id);

        await t.ScoreAsync(course, p.Id, "start", items, t.Today.AddDays(-5));
        await (await t.PostScoreAsync(course, p.Id, "start", items)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await t.PostScoreAsync(course, p.Id, "end", items, t.Today.AddDays(-6))).AssertFieldErrorAsync("measuredOn");
        Assert.Single((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses").EnumerateArray());
    }

    [Fact]
    public async Task A_score_is_stored_only_with_a_consent_for_health_data_in_force_on_the_day_and_today()
    {
        var t = await host.NewTenantAsync();
        var without = await t.ParticipantAsync(healthConsent: false);
        var late = await t.ParticipantAsync(healthConsent: false);
        await t.Worker.GiveConsentAsync(late.Id, "healthData", t.Today.AddDays(-2));
        var course = await t.CourseWithAsync(without, late);

        var problem = await (await t.PostScoreAsync(course, without.Id, "start", [3, 3, 3, 3, 3])).AssertFieldErrorAsync("participantId");
        await (await t.PostScoreAsync(course, late.Id, "start", [3, 3, 3, 3, 3], t.Today.AddDays(-10))).AssertFieldErrorAsync("measuredOn");

        Assert.Contains("healthData", problem.GetProperty("errors").GetProperty("participantId")[0].GetString(), StringComparison.Ordinal);
        await AssertNoScoresAsync(t, late.Id);
        await t.Worker.GiveConsentAsync(without.Id, "healthData");
        await t.ScoreAsync(course, without.Id, "start", [3, 3, 3, 3, 3]);
        Assert.Single((await t.ParticipantScoresAsync(without.Id)).GetProperty("courses").EnumerateArray());
    }

    [Fact]
    public async Task A_tenant_admin_reads_scores_only_while_granted_health_read()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        await t.ScoreAsync(course, p.Id, "start", [4, 4, 4, 4, 4]);
        var url = $"{HealthHost.Base}/participants/{p.Id}/scores";
        var grant = $"/api/tenants/{t.Setup.Id}/users/{t.Setup.AdminId}/permissions/health.read";

        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.GetAsync($"{HealthHost.Base}/courses/{course}/scores")).StatusCode);

        (await t.Admin.PutAsync(grant, null)).EnsureSuccessStatusCode();
        var read = await (await t.Admin.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(80, read.GetProperty("courses")[0].GetProperty("start").GetProperty("percentage").GetInt32());

        (await t.Admin.DeleteAsync(grant)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Case_workers_record_but_read_scores_only_when_granted_and_analysts_do_neither()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        var (analyst, _) = await host.StaffAsync(t.Setup, "analyst");

        var recorded = await t.ScoreAsync(course, p.Id, "start", [4, 4, 4, 4, 4]);

        Assert.Equal(HttpStatusCode.Forbidden, (await t.Worker.GetAsync($"{HealthHost.Base}/participants/{p.Id}/scores")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"{HealthHost.Base}/participants/{p.Id}/scores")).StatusCode);
        var end = new { participantId = p.Id, point = "end", measuredOn = t.Today, items = recorded.GetProperty("items") };
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/scores", end)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/scores", end)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"{HealthHost.Base}/scores/{recorded.GetProperty("id").GetGuid()}/conversations", new { heldOn = t.Today, referredToHealthCare = false })).StatusCode);
        var only = Assert.Single((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("end").ValueKind);
    }

    [Fact]
    public async Task Another_tenants_scores_courses_and_participants_are_404()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        var score = await t.ScoreAsync(course, p.Id, "start", [2, 2, 2, 2, 2]);
        var scoreId = score.GetProperty("id").GetGuid();

        await (await other.Reader.GetAsync($"{HealthHost.Base}/participants/{p.Id}/scores")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Reader.GetAsync($"{HealthHost.Base}/courses/{course}/scores")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostScoreAsync(course, p.Id, "end", [3, 3, 3, 3, 3])).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{HealthHost.Base}/scores/{scoreId}/conversations", new { heldOn = t.Today, referredToHealthCare = false })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.DeleteAsync($"{HealthHost.Base}/scores/{scoreId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var mine = Assert.Single((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses").EnumerateArray());
        Assert.Empty(mine.GetProperty("start").GetProperty("conversations").EnumerateArray());
    }

    [Fact]
    public async Task Every_read_of_scores_is_in_the_audit_log_under_the_module()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        await t.ScoreAsync(course, p.Id, "start", [3, 3, 3, 3, 3]);
        var before = await HealthReadsAsync(t, p.Id);

        await t.ParticipantScoresAsync(p.Id);
        await (await t.Reader.GetAsync($"{HealthHost.Base}/courses/{course}/scores")).ReadJsonAsync();

        var after = await HealthReadsAsync(t, p.Id);
        Assert.Equal(before.Count + 2, after.Count);
        Assert.All(after.Take(2), e => Assert.Equal(t.ReaderId, e.GetProperty("actorUserId").GetGuid()));
    }

    [Fact]
    public async Task Withdrawing_the_consent_for_health_data_removes_the_scores_and_conversations()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var kept = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p, kept);
        var score = await t.ScoreAsync(course, p.Id, "start", [1, 1, 2, 2, 2]);
        await t.ScoreAsync(course, kept.Id, "start", [3, 3, 3, 3, 3]);
        (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/scores/{score.GetProperty("id").GetGuid()}/conversations", new { heldOn = t.Today, referredToHealthCare = true, note = "Hänvisad till vårdcentralen" }))
            .EnsureSuccessStatusCode();

        await t.Worker.WithdrawConsentAsync(p.Id, p.HealthConsentId!.Value);

        var read = await t.ParticipantScoresAsync(p.Id);
        Assert.False(read.GetProperty("consentInForce").GetBoolean());
        Assert.Empty(read.GetProperty("courses").EnumerateArray());
        var newConsent = await t.Worker.GiveConsentAsync(p.Id, "healthData");
        Assert.NotEqual(Guid.Empty, newConsent);
        Assert.Empty((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses").EnumerateArray());
        var course2 = Assert.Single((await (await t.Reader.GetAsync($"{HealthHost.Base}/courses/{course}/scores")).ReadJsonAsync()).GetProperty("participants").EnumerateArray());
        Assert.Equal(kept.Id, course2.GetProperty("participantId").GetGuid());

        // Recording again works with the new consent: nothing of the old score was left to collide with.
        await t.ScoreAsync(course, p.Id, "start", [4, 4, 4, 4, 4]);
    }

    [Fact]
    public async Task Conversations_are_checked_and_read_back_with_the_score()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        var score = await t.ScoreAsync(course, p.Id, "start", [1, 2, 2, 2, 2], t.Today.AddDays(-3));
        var url = $"{HealthHost.Base}/scores/{score.GetProperty("id").GetGuid()}/conversations";

        await (await t.Worker.PostAsJsonAsync(url, new { referredToHealthCare = false })).AssertFieldErrorAsync("heldOn");
        await (await t.Worker.PostAsJsonAsync(url, new { heldOn = t.Today.AddDays(-4), referredToHealthCare = false })).AssertFieldErrorAsync("heldOn");
        await (await t.Worker.PostAsJsonAsync(url, new { heldOn = t.Today.AddDays(1), referredToHealthCare = false })).AssertFieldErrorAsync("heldOn");
        await (await t.Worker.PostAsJsonAsync(url, new { heldOn = t.Today })).AssertFieldErrorAsync("referredToHealthCare");
        await (await t.Worker.PostAsJsonAsync(url, new { heldOn = t.Today, referredToHealthCare = false, note = new string('x', 1001) })).AssertFieldErrorAsync("note");
        await (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/scores/{Guid.NewGuid()}/conversations", new { heldOn = t.Today, referredToHealthCare = false })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses")[0].GetProperty("start").GetProperty("conversations").EnumerateArray());

        await (await t.Worker.PostAsJsonAsync(url, new { heldOn = t.Today, referredToHealthCare = true, note = "Samtal om sömn" })).ReadJsonAsync(HttpStatusCode.Created);

        var conversation = Assert.Single((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses")[0].GetProperty("start").GetProperty("conversations").EnumerateArray());
        Assert.True(conversation.GetProperty("referredToHealthCare").GetBoolean());
        Assert.Equal("Samtal om sömn", conversation.GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_score_recorded_by_mistake_is_deleted_and_recorded_again()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        var wrong = await t.ScoreAsync(course, p.Id, "start", [0, 0, 0, 0, 0]);

        Assert.Equal(HttpStatusCode.NoContent, (await t.Worker.DeleteAsync($"{HealthHost.Base}/scores/{wrong.GetProperty("id").GetGuid()}")).StatusCode);
        await t.ScoreAsync(course, p.Id, "start", [4, 4, 4, 4, 4]);

        var start = (await t.ParticipantScoresAsync(p.Id)).GetProperty("courses")[0].GetProperty("start");
        Assert.Equal(80, start.GetProperty("percentage").GetInt32());
        await (await t.Worker.DeleteAsync($"{HealthHost.Base}/scores/{wrong.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task AssertNoScoresAsync(HealthTenant t, Guid participantId) =>
        Assert.Empty((await t.ParticipantScoresAsync(participantId)).GetProperty("courses").EnumerateArray());

    /// <summary>The audit log's reads of the participant by the health module, newest first.</summary>
    private static async Task<List<JsonElement>> HealthReadsAsync(HealthTenant t, Guid participantId)
    {
        var page = await (await t.Admin.GetAsync($"/api/audit?participantId={participantId}&action=read&pageSize=200")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("actorName").GetString() == HealthHost.Module && e.GetProperty("recordType").GetString() == "participant")
            .ToList();
    }
}
