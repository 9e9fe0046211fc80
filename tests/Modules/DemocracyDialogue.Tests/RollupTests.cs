using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>The module's measures in the host's rollups, by gender, computed from records entered through the API.</summary>
public sealed class RollupTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    private const string M = "democracy-dialogue.";

    [Fact]
    public async Task Events_attendance_proposals_days_to_answer_and_influence_are_counted_by_gender()
    {
        var t = await host.NewTenantAsync();
        var from = t.Today.AddDays(-60);
        var w1 = await t.ParticipantAsync(enrolledFrom: from);
        var w2 = await t.ParticipantAsync(enrolledFrom: from);
        var w3 = await t.ParticipantAsync(enrolledFrom: from);
        var m1 = await t.ParticipantAsync("man", 1960, enrolledFrom: from);

        var open = Id(await t.EventAsync(("date", t.Today.AddDays(-30))));
        await t.AttendAsync(open, (w1, 2), (w2, 3), (m1, 1));
        (await t.RecordAttendanceAsync(open, new
        {
            headCounts = new[] { new { gender = "woman", ageBand = "from18To29", count = 4 }, new { gender = "man", ageBand = "from55", count = 2 } },
        })).EnsureSuccessStatusCode();
        var closed = Id(await t.EventAsync(("date", t.Today.AddDays(-10)), ("open", false), ("format", "studyVisitToCouncil")));
        await t.AttendAsync(closed, (w1, 4), (m1, 2), (w3, null));
        var elsewhere = await t.Admin.CreateProgrammeAsync(DialogueHost.Module);
        await t.EventAsync(("programmeId", elsewhere), ("date", t.Today.AddDays(-3)));
        await t.EventAsync(("date", t.Today.AddDays(20)));

        await t.AnswerAsync(await t.SendAsync(await t.ProposalAsync(open, "housing", w1), t.Today.AddDays(-28)), "accepted", t.Today.AddDays(-8));
        await t.AnswerAsync(await t.SendAsync(await t.ProposalAsync(open, "transport", m1, w2), t.Today.AddDays(-25)), "rejected", t.Today.AddDays(-15));
        await t.SendAsync(await t.ProposalAsync(closed, "other"), t.Today.AddDays(-5));
        await t.ProposalAsync(closed, "leisure", w3);

        await RunAsync(t);
        var report = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd&groupBy=gender")).ReadJsonAsync();
        var total = report.GetProperty("total");
        var women = Row(report, "woman");
        var men = Row(report, "man");
        var notStated = Row(report, "notStated");

        Assert.Equal(7, report.GetProperty("measures").EnumerateArray().Count(m => m.GetProperty("id").GetString()!.StartsWith(M, StringComparison.Ordinal)));
        Assert.Equal(2m, Figure(total, "events"));
        Assert.Equal(2m, Figure(notStated, "events"));
        Assert.Equal((12m, 8m, 4m), (Figure(total, "attendance"), Figure(women, "attendance"), Figure(men, "attendance")));
        Assert.Equal((3m, 1m, 1m, 1m), (Figure(total, "proposals-sent"), Figure(women, "proposals-sent"), Figure(men, "proposals-sent"), Figure(notStated, "proposals-sent")));
        Assert.Equal((2m, 1m), (Figure(total, "proposals-answered"), Figure(men, "proposals-answered")));
        Assert.Equal((1m, 1m, 0m), (Figure(total, "proposals-accepted"), Figure(women, "proposals-accepted"), Figure(men, "proposals-accepted")));
        Assert.Equal((15m, 20m, 10m), (Figure(total, "median-days-to-answer"), Figure(women, "median-days-to-answer"), Figure(men, "median-days-to-answer")));
        Assert.Equal((1.5m, 2m, 1m), (Figure(total, "influence-change"), Figure(women, "influence-change"), Figure(men, "influence-change")));

        var byAge = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd&groupBy=ageBand")).ReadJsonAsync();
        var young = byAge.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("ageBand").GetString() == "from18To29").GetProperty("figures");
        Assert.Equal(4m, Figure(young, "attendance"));
    }

    [Fact]
    public async Task A_period_counts_what_happened_in_it()
    {
        var t = await host.NewTenantAsync();
        var w1 = await t.ParticipantAsync(enrolledFrom: new DateOnly(2024, 1, 1));
        var march = Id(await t.EventAsync(("date", new DateOnly(2025, 3, 10))));
        await t.AttendAsync(march, (w1, 1));
        var may = Id(await t.EventAsync(("date", new DateOnly(2025, 5, 20))));
        await t.AttendAsync(may, (w1, 4));
        var proposal = await t.SendAsync(await t.ProposalAsync(march, "schools", w1), new DateOnly(2025, 3, 20));
        await t.AnswerAsync(proposal, "accepted", new DateOnly(2025, 5, 2));

        await RunAsync(t, "2025-03");
        await RunAsync(t, "2025-05");
        var marchReport = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=2025-03")).ReadJsonAsync();
        var mayReport = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=2025-05")).ReadJsonAsync();

        var inMarch = marchReport.GetProperty("total");
        var inMay = mayReport.GetProperty("total");
        Assert.Equal((1m, 1m, 1m, 0m), (Figure(inMarch, "events"), Figure(inMarch, "attendance"), Figure(inMarch, "proposals-sent"), Figure(inMarch, "proposals-answered")));
        Assert.Equal((1m, 0m, 1m, 43m), (Figure(inMay, "events"), Figure(inMay, "proposals-sent"), Figure(inMay, "proposals-answered"), Figure(inMay, "median-days-to-answer")));
        Assert.Equal(3m, Figure(inMay, "influence-change"));
        Assert.Equal(JsonValueKind.Null, Cell(inMarch, "influence-change").GetProperty("value").ValueKind);
    }

    private static async Task RunAsync(DialogueTenant t, string period = "ptd")
    {
        var run = await (await t.Admin.PostAsJsonAsync("/api/rollups/run", new { programmeId = t.Programme, period })).ReadJsonAsync(HttpStatusCode.Accepted);
        var done = await Eventually.WaitForAsync(
            async () => await (await t.Admin.GetAsync($"/api/rollups/runs/{Id(run)}")).ReadJsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "failed",
            "the rollup run",
            seconds: 120);
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
    }

    private static JsonElement Row(JsonElement report, string gender) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("gender").GetString() == gender).GetProperty("figures");

    private static decimal Figure(JsonElement figures, string measure) => Cell(figures, measure).GetProperty("value").GetDecimal();

    /// <summary>A figure of a row's figures or of the report's total (which holds them under <c>figures</c>).</summary>
    private static JsonElement Cell(JsonElement figures, string measure) =>
        (figures.TryGetProperty("figures", out var inner) ? inner : figures).GetProperty(M + measure);
}
