using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Host.Tests.FollowUps;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Rollups;

/// <summary>Runs on demand, the figures by gender for admins (exact) and analysts (suppressed), exports, bad requests.</summary>
public sealed class RollupTests : IAsyncLifetime
{
    private FollowUpFixture f = null!;

    public async Task InitializeAsync() => f = await FollowUpFixture.CreateAsync("rollups");

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task A_run_publishes_the_programme_figures_and_a_re_entrant_counts_once()
    {
        var (women, man) = await SeedAsync();

        var run = await f.RunRollupsAsync("ptd");
        var report = await Read(f.Admin, "period=ptd&groupBy=gender");

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(1, run.GetProperty("done").GetInt32());
        Assert.False(report.GetProperty("suppressed").GetBoolean());
        Assert.Equal(7m, Figure(report.GetProperty("total"), "enrolled"));
        Assert.Equal(6m, Figure(Row(report, "woman"), "enrolled"));
        Assert.Equal(1m, Figure(Row(report, "man"), "enrolled"));
        Assert.Equal(0m, Figure(Row(report, "nonBinaryOrOther"), "enrolled"));
        Assert.Equal(7m, Figure(report.GetProperty("total"), "active"));
        Assert.Equal(1m, Figure(report.GetProperty("total"), "exited"));
        Assert.Equal(1m, Figure(Row(report, "woman"), "exit.in-employment"));
        Assert.Equal(7m, Figure(report.GetProperty("total"), "entry.unemployed"));
        Assert.Equal(7m, Figure(report.GetProperty("total"), "entry.third-country-nationals"));
        Assert.Equal(25m, Figure(report.GetProperty("total"), "days-to-employment-or-studies"));
        Assert.Equal(2m, Figure(report.GetProperty("total"), "follow-ups.due"));
        Assert.Equal(1m, Figure(report.GetProperty("total"), "follow-ups.done"));
        Assert.Equal(1m, Figure(report.GetProperty("total"), "follow-ups.response-rate"));
        var planned = report.GetProperty("participants");
        Assert.Equal(10, planned.GetProperty("plannedTotal").GetInt32());
        Assert.Equal(6m, planned.GetProperty("actualWomen").GetProperty("value").GetDecimal());
        Assert.Equal(6, women.Count);
        Assert.NotEqual(Guid.Empty, man);
    }

    [Fact]
    public async Task Analysts_and_exports_see_small_counts_suppressed_with_one_more_cell_to_protect_them()
    {
        await SeedAsync();
        await f.RunRollupsAsync("ptd");
        var analyst = await f.AnalystAsync();

        var report = await Read(analyst, "period=ptd&groupBy=gender");

        Assert.True(report.GetProperty("suppressed").GetBoolean());
        var man = Row(report, "man").GetProperty("enrolled");
        var woman = Row(report, "woman").GetProperty("enrolled");
        Assert.True(man.GetProperty("suppressed").GetBoolean());
        Assert.Equal("<5", man.GetProperty("display").GetString());
        Assert.Equal(JsonValueKind.Null, man.GetProperty("value").ValueKind);
        Assert.True(woman.GetProperty("suppressed").GetBoolean());
        Assert.Equal(7m, Figure(report.GetProperty("total"), "enrolled"));
        Assert.Equal("<5", report.GetProperty("total").GetProperty("exited").GetProperty("display").GetString());
        Assert.True(report.GetProperty("total").GetProperty("follow-ups.response-rate").GetProperty("suppressed").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/rollups/run", new { })).StatusCode);

        var fine = await Read(analyst, "period=ptd&groupBy=gender,ageBand");
        var cells = fine.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("ageBand").GetString() == "from30To54").ToList();
        Assert.All(cells.Where(r => r.GetProperty("gender").GetString() is "woman" or "man"), r => Assert.True(r.GetProperty("figures").GetProperty("enrolled").GetProperty("suppressed").GetBoolean()));
        Assert.Equal(7m, Figure(fine.GetProperty("total"), "enrolled"));

        var csv = await (await f.Admin.GetAsync($"/api/rollups/export?programmeId={f.Programme}&period=ptd&groupBy=gender")).Content.ReadAsStringAsync();
        Assert.Contains(";Man;*;enrolled;<5", csv, StringComparison.Ordinal);
        Assert.Contains(";*;*;enrolled;7", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";Woman;*;enrolled;6", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_replaces_the_period_and_groupings_by_age_and_module_are_exact()
    {
        await SeedAsync();
        var first = await f.RunRollupsAsync("ptd");
        var second = await f.RunRollupsAsync("ptd");

        var report = await Read(f.Admin, "period=ptd&groupBy=ageBand,module");

        Assert.Equal(second.GetProperty("id").GetGuid(), report.GetProperty("runId").GetGuid());
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(FollowUpFixture.Module, r.GetProperty("module").GetString()));
        Assert.Equal(7m, rows.Sum(r => Figure(r, "enrolled")));
        Assert.Equal(7m, Figure(rows.Single(r => r.GetProperty("ageBand").GetString() == "from30To54"), "enrolled"));
    }

    [Fact]
    public async Task A_module_contributes_its_own_measures_split_by_the_hosts_gender_and_age_band()
    {
        var (women, man) = await SeedAsync();
        foreach (var participant in new[] { women[0], women[0], women[1], man })
        {
            (await f.Worker.PostAsJsonAsync($"/api/modules/{FollowUpFixture.Module}/notes", new { text = "Samtal om praktik", participantId = participant })).EnsureSuccessStatusCode();
        }

        (await f.Worker.PostAsJsonAsync($"/api/modules/{FollowUpFixture.Module}/notes", new { text = "Utan deltagare" })).EnsureSuccessStatusCode();
        await f.RunRollupsAsync("ptd");

        var report = await Read(f.Admin, "period=ptd&groupBy=gender");

        Assert.Contains(report.GetProperty("measures").EnumerateArray(), m => m.GetProperty("id").GetString() == "fixture-notes.notes-written");
        Assert.Equal(4m, Figure(report.GetProperty("total"), "fixture-notes.notes-written"));
        Assert.Equal(3m, Figure(Row(report, "woman"), "fixture-notes.notes-written"));
        Assert.Equal(1m, Figure(Row(report, "man"), "fixture-notes.notes-written"));
        Assert.Equal(0m, Figure(report.GetProperty("total"), "fixture-notes.share-archived"));
    }

    [Fact]
    public async Task The_nightly_job_publishes_every_programme_of_the_tenant()
    {
        await SeedAsync();

        f.Host.Services.GetRequiredService<IRecurringJobManager>().Trigger("core:rollups-nightly");

        var report = await Eventually.WaitForAsync(
            () => Read(f.Admin, "period=ptd"), r => r.GetProperty("computedAt").ValueKind != JsonValueKind.Null, "the nightly rollup", seconds: 120);
        Assert.Equal(7m, Figure(report.GetProperty("total"), "enrolled"));
        var month = await Eventually.WaitForAsync(
            () => Read(f.Admin, $"period={f.Today:yyyy-MM}"), r => r.GetProperty("computedAt").ValueKind != JsonValueKind.Null, "this month's figures", seconds: 120);
        Assert.Equal(JsonValueKind.Object, month.GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        await (await f.Admin.GetAsync($"/api/rollups?programmeId={f.Programme}&period=2026-13")).AssertFieldErrorAsync("period");
        await (await f.Admin.GetAsync($"/api/rollups?programmeId={f.Programme}&groupBy=colour")).AssertFieldErrorAsync("groupBy");
        await (await f.Admin.GetAsync($"/api/rollups?programmeId={f.Programme}&period=%D9%A2%D9%A0%D9%A2%D9%A6")).AssertFieldErrorAsync("period");
        await (await f.Admin.GetAsync("/api/rollups")).AssertFieldErrorAsync("programmeId");
        await (await f.Admin.GetAsync($"/api/rollups?programmeId={Guid.NewGuid()}")).AssertFieldErrorAsync("programmeId");
        await (await f.Admin.PostAsJsonAsync("/api/rollups/run", new { period = "soon" })).AssertFieldErrorAsync("period");
        await (await f.Admin.PostAsJsonAsync("/api/rollups/run", new { programmeId = Guid.NewGuid() })).AssertFieldErrorAsync("programmeId");
        await (await f.Admin.GetAsync($"/api/rollups/runs/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var empty = await Read(f.Admin, "period=2026-Q4");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("computedAt").ValueKind);
        Assert.Equal(0m, Figure(empty.GetProperty("total"), "enrolled"));
    }

    /// <summary>
    /// Six women, one of whom left 45 days ago and was employed 10 days later (25 days after her start; her 4-week
    /// follow-up done), and one man who left and came back (his 4-week follow-up due, not done).
    /// </summary>
    private async Task<(List<Guid> Women, Guid Man)> SeedAsync()
    {
        await SetPlanAsync();
        var women = new List<Guid>();
        var leaver = await f.RegisterAsync(given: "Amal");
        women.Add(leaver);
        var enrolment = await f.EnrolAsync(leaver, f.Today.AddDays(-60));
        (await f.ExitAsync(enrolment, f.Today.AddDays(-45))).EnsureSuccessStatusCode();
        (await f.Worker.PostAsJsonAsync($"/api/participants/{leaver}/outcomes", new { type = "employed", detail = "partTime", date = f.Today.AddDays(-35), source = "caseWorkerVerified" })).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++)
        {
            var woman = await f.RegisterAsync(given: $"Kvinna{i}");
            await f.EnrolAsync(woman, f.Today.AddDays(-20 + i));
            women.Add(woman);
        }

        var man = await f.RegisterAsync(given: "Karim", gender: "man");
        var firstSpell = await f.EnrolAsync(man, f.Today.AddDays(-50));
        (await f.ExitAsync(firstSpell, f.Today.AddDays(-40), "other")).EnsureSuccessStatusCode();
        await f.EnrolAsync(man, f.Today.AddDays(-10));

        await f.DispatchAsync();
        var due = (await f.FollowUpsAsync($"state=due&participantId={leaver}")).Single();
        (await f.Worker.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/follow-ups/{FollowUpFixture.Id(due)}/complete")
        {
            Content = JsonContent.Create(new { reached = true }),
            Headers = { IfMatch = { new System.Net.Http.Headers.EntityTagHeaderValue($"\"{due.GetProperty("version").GetInt64()}\"") } },
        })).EnsureSuccessStatusCode();
        return (women, man);
    }

    private async Task SetPlanAsync()
    {
        var programme = await (await f.Admin.GetAsync($"/api/programmes/{f.Programme}")).ReadJsonAsync();
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/programmes/{f.Programme}")
        {
            Content = JsonContent.Create(new
            {
                name = programme.GetProperty("name").GetString(),
                funder = "esfPlus",
                projectNumber = "2015/00763",
                periodStart = "2020-01-01",
                periodEnd = "2030-12-31",
                plannedParticipants = 10,
                plannedWomen = 6,
                plannedMen = 4,
                moduleIds = new[] { FollowUpFixture.Module },
            }),
        };
        update.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{programme.GetProperty("version").GetInt64()}\""));
        (await f.Admin.SendAsync(update)).EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> Read(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/rollups?programmeId={f.Programme}&{query}")).ReadJsonAsync();

    private static JsonElement Row(JsonElement report, string gender) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("gender").GetString() == gender).GetProperty("figures");

    private static decimal Figure(JsonElement figures, string measure)
    {
        var holder = figures.TryGetProperty("figures", out var inner) ? inner : figures;
        return holder.GetProperty(measure).GetProperty("value").GetDecimal();
    }
}
