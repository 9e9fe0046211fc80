using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Integration.Host.Tests.FollowUps;

namespace Integration.Host.Tests.Rollups;

/// <summary>
/// 2 000 generated participants (every gender, unknown birth years, re-entrants, referrals that never started, exits
/// with and without outcomes and follow-up results) go in through the API; every cell the API publishes for several
/// periods and groupings must equal what <see cref="RollupOracle"/> computes from the same rows.
/// </summary>
public sealed class RollupCorrectnessTests : IAsyncLifetime
{
    private const int Count = 2000;
    private static readonly string[] Genders = ["woman", "man", "nonBinaryOrOther", "notStated"];
    private static readonly string[] LabourStatuses = ["unemployed", "longTermUnemployed", "inactive", "employed", ""];
    private static readonly string[] Educations = ["isced0To2", "isced3To4", "isced5To8", ""];
    private static readonly string[] OutcomeTypes = ["employed", "selfEmployed", "studies", "jobSeeking", "internship"];
    private static readonly string[] Periods = ["ptd", "2025", "2026-Q3", "2026-06"];
    private static readonly string[] Groupings = ["", "gender", "ageBand", "gender,ageBand", "module,gender"];
    private readonly Random random = new(20261124);
    private readonly List<SeedPerson> people = [];
    private readonly List<SeedOutcome> outcomes = [];
    private FollowUpFixture f = null!;

    public async Task InitializeAsync() => f = await FollowUpFixture.CreateAsync("rollup-correctness");

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task Every_published_cell_equals_an_independent_count_of_the_raw_rows()
    {
        await ImportPeopleAsync();
        await Parallel.ForEachAsync(Plans(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (plan, _) => await EnrolAsync(plan));
        await f.DispatchAsync();
        await CompleteSomeFollowUpsAsync();
        var enrolments = (await AllAsync("/api/enrolments")).Select(e => new SeedEnrolment(
            e.GetProperty("participantId").GetGuid(), e.GetProperty("status").GetString()!, Date(e, "startDate"), Date(e, "exitDate"))).ToList();
        var followUps = (await AllAsync("/api/follow-ups")).Select(x => new SeedFollowUp(x.GetProperty("participantId").GetGuid(), Date(x, "dueOn")!.Value, x.GetProperty("state").GetString()!)).ToList();
        Assert.Contains(enrolments, e => e.Start is null);
        Assert.Contains(enrolments.GroupBy(e => e.ParticipantId), g => g.Count(e => e.Start is not null) > 1);
        Assert.Contains(followUps, x => x.State == "done");
        Assert.Contains(followUps, x => x.State == "missed");

        var compared = 0;
        foreach (var period in Periods)
        {
            Assert.Equal("succeeded", (await f.RunRollupsAsync(period)).GetProperty("state").GetString());
            foreach (var grouping in Groupings)
            {
                var report = await (await f.Admin.GetAsync($"/api/rollups?programmeId={f.Programme}&period={period}&groupBy={grouping}")).ReadJsonAsync();
                var from = DateOnly.Parse(report.GetProperty("from").GetString()!, CultureInfo.InvariantCulture);
                var to = DateOnly.Parse(report.GetProperty("to").GetString()!, CultureInfo.InvariantCulture);
                var rows = report.GetProperty("rows").EnumerateArray().Select(r => (Row: r, Figures: r.GetProperty("figures"))).Append((Row: default, Figures: report.GetProperty("total")));
                foreach (var (row, figures) in rows)
                {
                    var gender = row.ValueKind == JsonValueKind.Object ? Text(row, "gender") : null;
                    var band = row.ValueKind == JsonValueKind.Object ? Text(row, "ageBand") : null;
                    var expected = RollupOracle.Expected(people, enrolments, outcomes, followUps, from, to, (p, b) => (gender is null || p.Gender == gender) && (band is null || b == band));
                    foreach (var (measure, value) in expected)
                    {
                        var actual = figures.GetProperty(measure).GetProperty("value");
                        var actualValue = actual.ValueKind == JsonValueKind.Null ? (decimal?)null : actual.GetDecimal();
                        Assert.True(value == actualValue, $"{period} groupBy={grouping} gender={gender ?? "*"} ageBand={band ?? "*"} {measure}: expected {value}, published {actualValue}");
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared > 2000, $"Only {compared} cells compared.");
    }

    private async Task ImportPeopleAsync()
    {
        var csv = new StringBuilder("givenName;familyName;gender;birthYear;labourMarketStatus;educationLevel;thirdCountryNational;disability\n");
        var rows = new List<(string Name, string Gender, int? BirthYear, string Labour, string Education, bool Tcn, bool Disability)>();
        for (var i = 0; i < Count; i++)
        {
            var gender = Genders[random.Next(100) switch { < 45 => 0, < 90 => 1, < 95 => 2, _ => 3 }];
            int? birthYear = random.Next(100) < 5 ? null : random.Next(1950, 2013);
            var row = ($"P{i:D4}", gender, birthYear, LabourStatuses[random.Next(LabourStatuses.Length)], Educations[random.Next(Educations.Length)], random.Next(100) < 80, random.Next(100) < 10);
            rows.Add(row);
            csv.Append(CultureInfo.InvariantCulture, $"{row.Item1};Test;{gender};{birthYear};{row.Item4};{row.Item5};{row.Item6};{row.Item7}\n");
        }

        var accepted = await (await f.Worker.PostAsync("/api/participants/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).ReadJsonAsync(HttpStatusCode.Accepted);
        var import = await Eventually.WaitForAsync(
            async () => await (await f.Worker.GetAsync($"/api/imports/{FollowUpFixture.Id(accepted)}")).ReadJsonAsync(),
            i => i.GetProperty("status").GetString() is "succeeded" or "failed", "the import", seconds: 120);
        Assert.Equal(Count, import.GetProperty("importedRows").GetInt32());

        var ids = (await AllAsync("/api/participants")).ToDictionary(p => p.GetProperty("givenName").GetString()!, p => p.GetProperty("id").GetGuid());
        people.AddRange(rows.Select(r => new SeedPerson(ids[r.Name], r.Gender, r.BirthYear, r.Labour.Length == 0 ? null : r.Labour, r.Education.Length == 0 ? null : r.Education, r.Tcn, r.Disability)));
    }

    /// <summary>What happens to each participant, drawn up front so that the parallel requests do not share the random source.</summary>
    private List<(SeedPerson Person, List<(DateOnly Start, DateOnly? Exit)> Spells, bool ReferralOnly, List<SeedOutcome> Outcomes)> Plans()
    {
        var first = new DateOnly(2025, 1, 1);
        var last = f.Today.AddDays(-1);
        var plans = new List<(SeedPerson, List<(DateOnly, DateOnly?)>, bool, List<SeedOutcome>)>();
        foreach (var person in people)
        {
            var spells = new List<(DateOnly, DateOnly?)>();
            var referralOnly = random.Next(100) < 5;
            var start = first.AddDays(random.Next(last.DayNumber - first.DayNumber));
            while (!referralOnly && spells.Count < 3)
            {
                DateOnly? exit = start.AddDays(random.Next(10, 200));
                exit = exit <= last && random.Next(100) < 60 ? exit : null;
                spells.Add((start, exit));
                if (exit is null || random.Next(100) >= 15)
                {
                    break;
                }

                start = exit.Value.AddDays(random.Next(1, 60));
                if (start > last)
                {
                    break;
                }
            }

            var personOutcomes = new List<SeedOutcome>();
            if (spells.Count > 0 && random.Next(100) < 45)
            {
                for (var n = random.Next(1, 3); n > 0; n--)
                {
                    var anchor = spells[^1].Item2 ?? spells[0].Item1;
                    var date = anchor.AddDays(random.Next(-20, 220));
                    personOutcomes.Add(new SeedOutcome(person.Id, OutcomeTypes[random.Next(OutcomeTypes.Length)], date > last ? last : date));
                }
            }

            plans.Add((person, spells, referralOnly, personOutcomes));
        }

        lock (outcomes)
        {
            outcomes.AddRange(plans.SelectMany(p => p.Item4));
        }

        return plans;
    }

    private async Task EnrolAsync((SeedPerson Person, List<(DateOnly Start, DateOnly? Exit)> Spells, bool ReferralOnly, List<SeedOutcome> Outcomes) plan)
    {
        if (plan.ReferralOnly)
        {
            (await f.Worker.PostAsJsonAsync("/api/enrolments", new { participantId = plan.Person.Id, programmeId = f.Programme, moduleId = FollowUpFixture.Module, referredOn = f.Today.AddDays(-5) }))
                .EnsureSuccessStatusCode();
        }

        foreach (var (start, exit) in plan.Spells)
        {
            var enrolment = await f.EnrolAsync(plan.Person.Id, start);
            if (exit is { } date)
            {
                var response = await f.ExitAsync(enrolment, date, "completed");
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
        }

        foreach (var outcome in plan.Outcomes)
        {
            var response = await f.Worker.PostAsJsonAsync($"/api/participants/{plan.Person.Id}/outcomes", new { type = outcome.Type, date = outcome.Date, source = "selfReported" });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task CompleteSomeFollowUpsAsync()
    {
        var due = (await AllAsync("/api/follow-ups?state=due")).Where((_, i) => i % 3 != 2).ToList();
        await Parallel.ForEachAsync(due.Select((x, i) => (x, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/follow-ups/{FollowUpFixture.Id(item.x)}/complete") { Content = JsonContent.Create(new { reached = item.i % 2 == 0 }) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{item.x.GetProperty("version").GetInt64()}\""));
            (await f.Worker.SendAsync(request, ct)).EnsureSuccessStatusCode();
        });
    }

    private async Task<List<JsonElement>> AllAsync(string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var result = await (await f.Worker.GetAsync($"{path}{separator}pageSize=200&page={page}")).ReadJsonAsync();
            items.AddRange(result.GetProperty("items").EnumerateArray());
            if (items.Count >= result.GetProperty("total").GetInt32())
            {
                return items;
            }
        }
    }

    private static DateOnly? Date(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.String ? element.GetProperty(name).GetString() : null;
}
