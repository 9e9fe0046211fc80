using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Modules.Health.Tests;

/// <summary>The module's rollup measures: computed from start and end scores, and suppressed below 5 even for tenant admins.</summary>
public sealed class RollupTests(HealthHost host) : IClassFixture<HealthHost>
{
    [Fact]
    public async Task Measures_by_gender_are_computed_and_small_numbers_hidden_from_tenant_admins_too()
    {
        var t = await host.NewTenantAsync();
        var women = new List<Participant>();
        for (var i = 0; i < 6; i++)
        {
            women.Add(await t.ParticipantAsync("woman"));
        }

        var men = new[] { await t.ParticipantAsync("man"), await t.ParticipantAsync("man") };
        var onlyStart = await t.ParticipantAsync("man");
        var course = await t.CourseWithAsync([.. women, .. men, onlyStart]);
        foreach (var woman in women)
        {
            await t.ScoreAsync(course, woman.Id, "start", [2, 2, 2, 2, 2], t.Today.AddDays(-20)); // 40 %
            await t.ScoreAsync(course, woman.Id, "end", [3, 3, 3, 2, 2]); // 52 %: +12, clinically relevant
        }

        foreach (var each in men)
        {
            await t.ScoreAsync(course, each.Id, "start", [3, 3, 3, 3, 3], t.Today.AddDays(-20)); // 60 %
            await t.ScoreAsync(course, each.Id, "end", [3, 3, 3, 3, 4]); // 64 %: +4
        }

        await t.ScoreAsync(course, onlyStart.Id, "start", [1, 1, 1, 1, 1], t.Today.AddDays(-20));

        await RunAsync(t);
        var report = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd&groupBy=gender")).ReadJsonAsync();

        var measures = report.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.All(["health.measured-start-and-end", "health.clinically-relevant-improvement", "health.mean-change"], id => Assert.True(measures[id].GetProperty("suppressed").GetBoolean()));
        Assert.False(measures["enrolled"].GetProperty("suppressed").GetBoolean());
        var total = report.GetProperty("total");
        Assert.Equal(8m, total.GetProperty("health.measured-start-and-end").GetProperty("value").GetDecimal());
        Assert.Equal(10m, total.GetProperty("health.mean-change").GetProperty("value").GetDecimal()); // (6 × 12 + 2 × 4) / 8
        Assert.Equal(0.75m, total.GetProperty("health.clinically-relevant-improvement").GetProperty("value").GetDecimal());

        var man = Row(report, "man");
        Assert.Equal(3m, man.GetProperty("enrolled").GetProperty("value").GetDecimal()); // exact for the admin: not health data
        foreach (var measure in new[] { "health.measured-start-and-end", "health.mean-change", "health.clinically-relevant-improvement" })
        {
            Assert.True(man.GetProperty(measure).GetProperty("suppressed").GetBoolean(), measure);
            Assert.Equal(JsonValueKind.Null, man.GetProperty(measure).GetProperty("value").ValueKind);
        }

        // The women's 6 would give the men's 2 away from the total: hidden as well.
        Assert.True(Row(report, "woman").GetProperty("health.measured-start-and-end").GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task Participants_without_a_consent_in_force_are_not_counted()
    {
        var t = await host.NewTenantAsync();
        var participants = new List<Participant>();
        for (var i = 0; i < 6; i++)
        {
            participants.Add(await t.ParticipantAsync());
        }

        var course = await t.CourseWithAsync([.. participants]);
        foreach (var p in participants)
        {
            await t.ScoreAsync(course, p.Id, "start", [2, 2, 2, 2, 2], t.Today.AddDays(-20));
            await t.ScoreAsync(course, p.Id, "end", [2, 2, 2, 2, 3]);
        }

        await t.Worker.WithdrawConsentAsync(participants[0].Id, participants[0].HealthConsentId!.Value);
        await RunAsync(t);
        var report = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd")).ReadJsonAsync();

        Assert.Equal(5m, report.GetProperty("total").GetProperty("health.measured-start-and-end").GetProperty("value").GetDecimal());
        Assert.Equal(4m, report.GetProperty("total").GetProperty("health.mean-change").GetProperty("value").GetDecimal());
        Assert.Equal(0m, report.GetProperty("total").GetProperty("health.clinically-relevant-improvement").GetProperty("value").GetDecimal());
    }

    private static async Task RunAsync(HealthTenant t)
    {
        var run = await (await t.Admin.PostAsJsonAsync("/api/rollups/run", new { programmeId = t.Programme, period = "ptd" })).ReadJsonAsync(HttpStatusCode.Accepted);
        var done = await Eventually.WaitForAsync(
            async () => await (await t.Admin.GetAsync($"/api/rollups/runs/{run.GetProperty("id").GetGuid()}")).ReadJsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "failed",
            "the rollup run",
            seconds: 120);
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
    }

    private static JsonElement Row(JsonElement report, string gender) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("gender").GetString() == gender).GetProperty("figures");
}
