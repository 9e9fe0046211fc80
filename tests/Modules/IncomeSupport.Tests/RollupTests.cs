using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>
/// The module's rollup measures against a hand-computed Kaplan–Meier curve. Nine pathways: five that became
/// self-sufficient after 2, 5, 6, 9 and 12 months (E1…E5, all applied 24 months ago) and four still open, applied 3, 7,
/// 10 and 20 months ago (C1…C4, censored at today). Whatever today's date, their times sort as
/// E1 &lt; C1 &lt; E2 &lt; E3 &lt; C2 &lt; E4 &lt; C3 &lt; E5 &lt; C4, so the estimated share still on support is
/// 8/9 after E1; × 6/7 = 0.762 after E2 (C1 left the risk set); × 5/6 = 0.635 after E3 (≤ 0.75: the 25th percentile);
/// × 3/4 = 0.476 after E4 (C2 left; ≤ 0.5: the median); × 1/2 = 0.238 after E5 (C3 left; ≤ 0.25: the 75th percentile).
/// The naive median of the five closed pathways is E3: three months shorter than the censoring-aware median.
/// </summary>
public sealed class RollupTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    private const string P = "income-support.";

    [Fact]
    public async Task Days_to_self_sufficiency_are_estimated_with_censoring_and_shares_by_gender()
    {
        var t = await host.NewTenantAsync();
        var applied = t.ThisMonth.AddMonths(-24);
        var events = new Dictionary<string, int>();
        foreach (var (name, months, gender) in new[] { ("E1", 2, "woman"), ("E2", 5, "man"), ("E3", 6, "woman"), ("E4", 9, "woman"), ("E5", 12, "man") })
        {
            var id = Id(await t.PathwayAsync(applied, gender));
            var done = await t.MonthsAsync(id, applied.AddMonths(months - 1), true, false, false, false);
            Assert.Equal(applied.AddMonths(months), Date(done.GetProperty("selfSufficientOn")));
            events[name] = applied.AddMonths(months).DayNumber - applied.DayNumber;
        }

        foreach (var (months, gender) in new[] { (3, "woman"), (7, "man"), (10, "man"), (20, "woman") })
        {
            var id = Id(await t.PathwayAsync(t.ThisMonth.AddMonths(-months), gender));
            await t.MonthAsync(id, t.ThisMonth.AddMonths(-1), paid: true);
        }

        await RunAsync(t);
        var report = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd&groupBy=gender")).ReadJsonAsync();

        var total = report.GetProperty("total");
        Assert.Equal(9m, Value(total, "pathways"));
        Assert.Equal(5m, Value(total, "self-sufficient"));
        Assert.Equal(events["E3"], Value(total, "days-to-self-sufficiency-p25"));
        Assert.Equal(events["E4"], Value(total, "days-to-self-sufficiency"));
        Assert.Equal(events["E5"], Value(total, "days-to-self-sufficiency-p75"));
        Assert.Equal(events["E3"], Value(total, "days-to-self-sufficiency-closed-only"));
        Assert.Equal(0.375m, Value(total, "self-sufficient-6-months")); // E1, E2, E3 of E1–E5, C2, C3, C4 (C1 not yet 6 months)
        Assert.Equal(0.8333m, Value(total, "self-sufficient-12-months")); // E1–E5 of E1–E5 and C4

        // Women E1, C1, E3, E4, C4: 4/5 after E1, × 2/3 = 0.533 after E3, × 1/2 = 0.267 after E4; never down to 0.25.
        var women = Row(report, "woman");
        Assert.Equal(events["E3"], Value(women, "days-to-self-sufficiency-p25"));
        Assert.Equal(events["E4"], Value(women, "days-to-self-sufficiency"));
        Assert.Null(Value(women, "days-to-self-sufficiency-p75"));
        Assert.Equal(events["E3"], Value(women, "days-to-self-sufficiency-closed-only"));
        Assert.Equal(0.5m, Value(women, "self-sufficient-6-months")); // E1, E3 of E1, E3, E4, C4
        Assert.Equal(0.25m, Value(Row(report, "man"), "self-sufficient-6-months")); // E2 of E2, C2, E5, C3
        var measures = report.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal("survivalMedian", measures[P + "days-to-self-sufficiency"].GetProperty("aggregation").GetString());
    }

    [Fact]
    public async Task A_reopened_pathway_counts_as_open_again()
    {
        var t = await host.NewTenantAsync();
        var applied = t.ThisMonth.AddMonths(-12);
        var id = Id(await t.PathwayAsync(applied));
        await t.MonthsAsync(id, applied, true, false, false, false, true);

        await RunAsync(t);
        var total = (await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd")).ReadJsonAsync()).GetProperty("total");

        Assert.Equal(1m, Value(total, "pathways"));
        Assert.Equal(0m, Value(total, "self-sufficient"));
        Assert.Null(Value(total, "days-to-self-sufficiency"));
    }

    private static decimal? Value(JsonElement figures, string measure)
    {
        var value = figures.GetProperty(P + measure).GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }

    private static async Task RunAsync(IncomeSupportTenant t)
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
