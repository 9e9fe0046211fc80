using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>The module's rollup measures by gender, against figures worked out here from what the test entered.</summary>
public sealed class RollupTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    private const int Sessions = 4;

    [Fact]
    public async Task Completion_companies_started_active_at_twelve_months_and_advice_by_gender()
    {
        var t = await host.NewTenantAsync();
        var present = new Dictionary<Guid, (string Gender, int Present)>();
        foreach (var (gender, count) in new[] { ("woman", 4), ("woman", 3), ("woman", 2), ("woman", 4), ("woman", 1), ("woman", 3), ("man", 3), ("man", 0), ("man", 4) })
        {
            present[await t.ParticipantAsync(gender, t.Today.AddDays(-200))] = (gender, count);
        }

        var people = present.Keys.ToList();
        var ended = Id(await t.CohortAsync(startDaysAgo: 60, endInDays: -10));
        await (await t.AddMembersAsync(ended, [.. people.Select(p => (Guid?)p)])).ReadJsonAsync();
        for (var s = 0; s < Sessions; s++)
        {
            var session = await t.SessionAsync(ended, t.Today.AddDays(-50 + (10 * s)));
            await t.AttendAsync(session, [.. people.Select(p => (p, s < present[p].Present ? "present" : "absent"))]);
        }

        // A cohort still running is not counted yet: its member has attended nothing so far.
        var running = Id(await t.CohortAsync(startDaysAgo: 5, endInDays: 30));
        await (await t.AddMembersAsync(running, people[0])).ReadJsonAsync();
        await t.SessionAsync(running, t.Today.AddDays(-1));

        var owners = new[] { (people[0], "556677889"), (people[1], "556677890"), (people[6], "556677891") };
        var companies = new List<JsonElement>();
        foreach (var (owner, number) in owners)
        {
            companies.Add(await CompanyTests.RegisterAsync(t, owner, number, t.Today.AddDays(-400 + companies.Count)));
        }

        await Created(await t.Worker.PostAsJsonAsync($"{Api}/companies/{Id(companies[0])}/checks", CompanyTests.Check(t, ("point", "twelveMonths"))));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/companies/{Id(companies[1])}/checks", CompanyTests.Check(t)));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/companies/{Id(companies[2])}/checks", CompanyTests.Check(t, ("point", "twelveMonths"), ("active", false))));
        foreach (var p in new[] { people[2], people[2], people[7] })
        {
            await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{p}/advice-meetings", new { date = t.Today.AddDays(-3), adviser = "Rådgivare", partner = "almi", topic = "financing" }));
        }

        // Another programme's company is not this programme's.
        var elsewhere = await t.Admin.CreateProgrammeAsync(Module);
        var visitor = await t.Worker.CreateParticipantAsync("woman", 1990);
        await t.Worker.EnrolAsync(visitor, elsewhere, Module, t.Today.AddDays(-30));
        await CompanyTests.RegisterAsync(t, visitor, "556677892", t.Today.AddDays(-2));

        await RunAsync(t);
        var report = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd&groupBy=gender")).ReadJsonAsync();

        foreach (var gender in new[] { "woman", "man" })
        {
            var mine = present.Where(p => p.Value.Gender == gender).ToList();
            var completed = mine.Count(p => p.Value.Present * 100 >= Sessions * 75);
            var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("gender").GetString() == gender).GetProperty("figures");
            Assert.Equal(completed, Value(row, "business-school.completed"));
            Assert.Equal(Math.Round((decimal)completed / mine.Count, 4), Math.Round(Value(row, "business-school.completion-rate"), 4));
            Assert.Equal(owners.Count(o => present[o.Item1].Gender == gender), Value(row, "business-school.companies-started"));
        }

        var total = report.GetProperty("total");
        Assert.Equal(3m, Value(total, "business-school.companies-started"));
        Assert.Equal(1m, Value(total, "business-school.companies-active-12-months"));
        Assert.Equal(3m, Value(total, "business-school.advice-meetings"));
        Assert.Equal(6m, Value(total, "business-school.completed"));
    }

    private static decimal Value(JsonElement figures, string measure) => figures.GetProperty(measure).GetProperty("value").GetDecimal();

    private static async Task RunAsync(SchoolTenant t)
    {
        var run = await (await t.Admin.PostAsJsonAsync("/api/rollups/run", new { programmeId = t.Programme, period = "ptd" })).ReadJsonAsync(HttpStatusCode.Accepted);
        var done = await Eventually.WaitForAsync(
            async () => await (await t.Admin.GetAsync($"/api/rollups/runs/{Id(run)}")).ReadJsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "failed",
            "the rollup run",
            seconds: 120);
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
    }
}
