using System.Net;
using System.Net.Http.Json;
using Integration.Host.Tests.Infrastructure;
using Integration.Host.Tests.Participants;

namespace Integration.Host.Tests.FollowUps;

/// <summary>
/// The dispatcher in a real host process, killed with SIGKILL while it works and started again: every follow-up is
/// made due and notified exactly once.
/// </summary>
public sealed class DispatcherDurabilityTests : IAsyncLifetime
{
    private const int Participants = 40;
    private const int Rounds = 100;
    private readonly TempFolder root = TestPaths.NewTempFolder("dispatcher-kill");

    // One follow-up per transaction: thousands of transactions, so that the kill lands between two of them or inside one.
    private readonly Dictionary<string, string> settings = new()
    {
        ["Integration__FollowUps__DispatchCron"] = "off",
        ["Integration__FollowUps__BatchSize"] = "1",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        root.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Killing_the_host_mid_dispatch_loses_nothing_and_notifies_nothing_twice()
    {
        var data = Path.Combine(root.Path, "data");
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes);
        const int total = Participants * Rounds;
        string adminEmail;

        await using (var host = await RunningHost.StartAsync(data, plugins, settings))
        {
            adminEmail = await SeedAsync(host, total);
            var system = await host.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);
            var admin = await host.SignInAsync(adminEmail, TestHost.StaffPassword);

            // The dispatch request runs until the host dies; it is never awaited to its end.
            var dispatch = system.PostAsync("/api/follow-ups/dispatch", null);
            var due = await Eventually.WaitForAsync(() => CountAsync(admin, "/api/follow-ups?state=due&pageSize=1"), n => n > 0, "the dispatcher to start", seconds: 60);
            host.Kill();

            Assert.True(due < total, $"The dispatcher finished ({due} due) before the kill; the test needs a longer run.");
            try
            {
                await dispatch;
            }
            catch (HttpRequestException)
            {
                // The host died under the request, as intended.
            }
        }

        // The restarted host dispatches in its usual batches: what the test checks after the kill is that nothing the
        // killed run did is done again and nothing it left is lost, whatever the batch size.
        var restart = new Dictionary<string, string>(settings);
        restart.Remove("Integration__FollowUps__BatchSize");
        await using (var restarted = await RunningHost.StartAsync(data, plugins, restart))
        {
            var system = await restarted.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);
            var admin = await restarted.SignInAsync(adminEmail, TestHost.StaffPassword);
            var before = await CountAsync(admin, "/api/follow-ups?state=due&pageSize=1");
            Assert.True(before > 0 && before < total, $"Expected the killed run to have made some but not all follow-ups due; {before} of {total} are due.");

            var report = await (await system.PostAsync("/api/follow-ups/dispatch", null)).ReadJsonAsync();

            Assert.Equal(total - before, report.GetProperty("madeDue").GetInt32());
            Assert.Equal(total, await CountAsync(admin, "/api/follow-ups?state=due&pageSize=1"));
            Assert.Equal(0, await CountAsync(admin, "/api/follow-ups?state=scheduled&pageSize=1"));
            Assert.Equal(total, await CountAsync(admin, "/api/notifications?pageSize=1"));
            var again = await (await system.PostAsync("/api/follow-ups/dispatch", null)).ReadJsonAsync();
            Assert.Equal(0, again.GetProperty("madeDue").GetInt32());
            Assert.Equal(total, await CountAsync(admin, "/api/notifications?pageSize=1"));
        }
    }

    /// <summary>A tenant with <see cref="Participants"/> exited enrolments and <see cref="Rounds"/> batches of due follow-ups for them.</summary>
    private static async Task<string> SeedAsync(RunningHost host, int total)
    {
        var system = await host.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);
        var tenant = await (await system.PostAsJsonAsync("/api/tenants", new { name = "Hedemora kommun", kind = "municipality", municipalityCode = "2083" })).ReadJsonAsync(HttpStatusCode.Created);
        var tenantId = tenant.GetProperty("id").GetGuid();
        var email = $"admin-{Guid.NewGuid():N}@test.invalid";
        (await system.PostAsJsonAsync($"/api/tenants/{tenantId}/users", new { email, displayName = "Admin", role = "tenantAdmin", password = TestHost.StaffPassword })).EnsureSuccessStatusCode();
        var admin = await host.SignInAsync(email, TestHost.StaffPassword);
        var me = (await (await admin.GetAsync("/api/auth/me")).ReadJsonAsync()).GetProperty("id").GetGuid();
        (await admin.PutAsync($"/api/tenants/{tenantId}/modules/{FixturePlugins.NotesModuleId}", null)).EnsureSuccessStatusCode();
        var programme = (await (await admin.PostAsJsonAsync("/api/programmes", new { name = "P", funder = "esfPlus", periodStart = "2020-01-01", periodEnd = "2030-12-31", moduleIds = new[] { FixturePlugins.NotesModuleId } }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        for (var i = 0; i < Participants; i++)
        {
            var participant = (await (await admin.PostAsJsonAsync("/api/participants", ParticipantTests.Person($"Deltagare{i}", "Test"))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("participant").GetProperty("id").GetGuid();
            (await admin.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = FixturePlugins.NotesModuleId, status = "active", startDate = "2024-01-01" }))
                .EnsureSuccessStatusCode();
        }

        var today = DateOnly.FromDateTime(DateTime.Now);
        for (var round = 0; round < Rounds; round++)
        {
            var result = await (await admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = $"round-{round}", kind = $"check-in-{round}", dueOn = today, assigneeId = me }))
                .ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(Participants, result.GetProperty("created").GetInt32());
        }

        Assert.Equal(total, await CountAsync(admin, "/api/follow-ups?state=scheduled&pageSize=1"));
        return email;
    }

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(new Uri(url, UriKind.Relative))).ReadJsonAsync()).GetProperty("total").GetInt32();
}
