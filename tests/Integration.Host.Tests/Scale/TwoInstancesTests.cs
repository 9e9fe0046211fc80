using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Host.Tests.Infrastructure;
using Integration.Host.Tests.Participants;

namespace Integration.Host.Tests.Scale;

/// <summary>
/// Two real host processes on one PostgreSQL database, as behind a load balancer: they start together, accept each
/// other's tokens, split the follow-up work without handling anything twice, agree with a single instance's rollup,
/// and when one is killed in the middle of a run the other finishes the work.
/// </summary>
[Trait("Database", TestDatabase.PostgreSqlOnly)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const int Participants = 50;
    private const int Rounds = 100;
    private const int Total = Participants * Rounds;
    private readonly TempFolder root = TestPaths.NewTempFolder("two-instances");
    private readonly string database = TestDatabase.CreatePostgreSqlDatabase("two-instances");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        root.Dispose();
        TestDatabase.DropPostgreSqlDatabase(database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_instances_share_one_database_and_its_jobs_and_one_finishes_what_the_other_left()
    {
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes);
        var settings = new Dictionary<string, string>
        {
            ["Integration__Database__Provider"] = "PostgreSql",
            ["Integration__Database__ConnectionString"] = database,
            ["Integration__FollowUps__DispatchCron"] = "off",

            // Small batches: many transactions, so that the two dispatchers interleave and a kill lands mid-run.
            ["Integration__FollowUps__BatchSize"] = "5",
        };

        // Both start at once on an empty database: migrations, roles and the first admin are made exactly once.
        var startingA = RunningHost.StartAsync(Path.Combine(root.Path, "a"), plugins, settings);
        var startingB = RunningHost.StartAsync(Path.Combine(root.Path, "b"), plugins, settings);
        await using var a = await startingA;
        var b = await startingB;
        try
        {
            var seeded = await SeedAsync(a);
            var systemA = await a.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);

            // One key ring in the database: a token issued by A is accepted by B.
            var systemB = b.Anonymous();
            systemB.DefaultRequestHeaders.Authorization = systemA.DefaultRequestHeaders.Authorization;
            var adminB = b.Anonymous();
            adminB.DefaultRequestHeaders.Authorization = seeded.Admin.DefaultRequestHeaders.Authorization;
            Assert.Equal(Total, await CountAsync(adminB, "/api/follow-ups?state=scheduled&pageSize=1"));

            // One job storage: each instance's readiness probe sees both job servers (as the dashboard lists them).
            Assert.Contains("2 job server(s) alive", await (await a.Anonymous().GetAsync(new Uri("/health/ready", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // A rollup run by the Hangfire servers of both instances equals the one run while A was alone (below).
            var together = await RollupAsync([seeded.Admin, adminB], seeded.Programme);

            // 5 000 follow-ups due at once, dispatched by both instances side by side.
            var reports = await Task.WhenAll(
                DispatchAsync(systemA),
                DispatchAsync(systemB));
            Assert.All(reports, r => Assert.Equal(0, r.GetProperty("failedTenants").GetInt32()));
            Assert.All(reports, r => Assert.True(r.GetProperty("madeDue").GetInt32() > 0, $"An instance made nothing due: {r}"));
            Assert.Equal(Total, reports.Sum(r => r.GetProperty("madeDue").GetInt32()));
            Assert.Equal(Total, await CountAsync(seeded.Admin, "/api/follow-ups?state=due&pageSize=1"));
            Assert.Equal(0, await CountAsync(seeded.Admin, "/api/follow-ups?state=scheduled&pageSize=1"));
            Assert.Equal(Total, await CountAsync(seeded.Admin, "/api/notifications?pageSize=1"));

            // Another 5 000: B starts dispatching them and is killed mid-run; A finishes the rest.
            await ScheduleRoundsAsync(seeded, "second");
            var dispatch = systemB.PostAsync(new Uri("/api/follow-ups/dispatch", UriKind.Relative), null);
            var dueBeforeKill = await Eventually.WaitForAsync(() => CountAsync(seeded.Admin, "/api/follow-ups?state=due&pageSize=1"), n => n > Total, "B to start dispatching", seconds: 60);
            b.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => dispatch);
            var dueAfterKill = await CountAsync(seeded.Admin, "/api/follow-ups?state=due&pageSize=1");
            Assert.True(dueAfterKill < 2 * Total, $"B finished ({dueAfterKill} due) before the kill; the test needs a longer run.");

            var rest = await DispatchAsync(systemA);
            Assert.Equal(2 * Total - dueAfterKill, rest.GetProperty("madeDue").GetInt32());
            Assert.Equal(2 * Total, await CountAsync(seeded.Admin, "/api/follow-ups?state=due&pageSize=1"));
            Assert.Equal(0, await CountAsync(seeded.Admin, "/api/follow-ups?state=scheduled&pageSize=1"));
            Assert.Equal(2 * Total, await CountAsync(seeded.Admin, "/api/notifications?pageSize=1"));
            Assert.True(dueBeforeKill > Total);

            Assert.Equal(seeded.RollupAlone, together);
        }
        catch (Exception ex)
        {
            // What the instances logged is the only way to see why a request failed inside them.
            throw new InvalidOperationException($"{ex.Message}\n--- instance A ---\n{Tail(a.Output)}\n--- instance B ---\n{Tail(b.Output)}", ex);
        }
        finally
        {
            await b.DisposeAsync();
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).TakeLast(20));

    private sealed record Seeded(HttpClient Admin, Guid Me, Guid Programme, string RollupAlone);

    /// <summary>A tenant with <see cref="Participants"/> active enrolments and <see cref="Total"/> follow-ups due today, and the rollup of A alone.</summary>
    private static async Task<Seeded> SeedAsync(RunningHost host)
    {
        var system = await host.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);
        var tenant = await (await system.PostAsJsonAsync("/api/tenants", new { name = "Ludvika kommun", kind = "municipality", municipalityCode = "2085" })).ReadJsonAsync(HttpStatusCode.Created);
        var tenantId = tenant.GetProperty("id").GetGuid();
        var email = $"admin-{Guid.NewGuid():N}@test.invalid";
        (await system.PostAsJsonAsync($"/api/tenants/{tenantId}/users", new { email, displayName = "Admin", role = "tenantAdmin", password = TestHost.StaffPassword })).EnsureSuccessStatusCode();
        var admin = await host.SignInAsync(email, TestHost.StaffPassword);
        var me = (await (await admin.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).ReadJsonAsync()).GetProperty("id").GetGuid();
        (await admin.PutAsync(new Uri($"/api/tenants/{tenantId}/modules/{FixturePlugins.NotesModuleId}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var programme = (await (await admin.PostAsJsonAsync("/api/programmes", new { name = "P", funder = "esfPlus", periodStart = "2020-01-01", periodEnd = "2030-12-31", moduleIds = new[] { FixturePlugins.NotesModuleId } }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        string[] genders = ["woman", "man", "nonBinaryOrOther", "notStated"];
        for (var i = 0; i < Participants; i++)
        {
            var person = ParticipantTests.Person($"Deltagare{i}", "Test");
            person["gender"] = genders[i % genders.Length];
            var participant = (await (await admin.PostAsJsonAsync("/api/participants", person)).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("participant").GetProperty("id").GetGuid();
            (await admin.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = FixturePlugins.NotesModuleId, status = "active", startDate = "2024-01-01" }))
                .EnsureSuccessStatusCode();
        }

        var seeded = new Seeded(admin, me, programme, string.Empty);
        await ScheduleRoundsAsync(seeded, "first");
        return seeded with { RollupAlone = await RollupAsync([admin], programme) };
    }

    private static async Task ScheduleRoundsAsync(Seeded seeded, string set)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        for (var round = 0; round < Rounds; round++)
        {
            var result = await (await seeded.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = $"{set}-{round}", kind = $"{set}-check-in-{round}", dueOn = today, assigneeId = seeded.Me }))
                .ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(Participants, result.GetProperty("created").GetInt32());
        }
    }

    /// <summary>Starts a programme-to-date rollup run from each client at once, waits for all of them and returns the published figures.</summary>
    private static async Task<string> RollupAsync(IReadOnlyList<HttpClient> clients, Guid programme)
    {
        var runs = await Task.WhenAll(clients.Select(async c =>
            (await (await c.PostAsJsonAsync("/api/rollups/run", new { programmeId = programme, period = "ptd" })).ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetGuid()));
        foreach (var run in runs)
        {
            var finished = await Eventually.WaitForAsync(
                async () => await (await clients[0].GetAsync(new Uri($"/api/rollups/runs/{run}", UriKind.Relative))).ReadJsonAsync(),
                r => r.GetProperty("state").GetString() is "succeeded" or "failed",
                "the rollup run to finish",
                seconds: 120);
            Assert.Equal("succeeded", finished.GetProperty("state").GetString());
        }

        var report = await (await clients[^1].GetAsync(new Uri($"/api/rollups?programmeId={programme}&period=ptd&groupBy=gender,ageBand,module", UriKind.Relative))).ReadJsonAsync();
        Assert.True(report.GetProperty("total").GetProperty("enrolled").GetProperty("value").GetDecimal() > 0, $"The rollup counted nobody: {report}");
        return JsonSerializer.Serialize(new { rows = report.GetProperty("rows"), total = report.GetProperty("total") });
    }

    private static async Task<JsonElement> DispatchAsync(HttpClient system) =>
        await (await system.PostAsync(new Uri("/api/follow-ups/dispatch", UriKind.Relative), null)).ReadJsonAsync();

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(new Uri(url, UriKind.Relative))).ReadJsonAsync()).GetProperty("total").GetInt32();
}
