using System.Net;
using System.Net.Http.Json;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Demo;

/// <summary>
/// The demo (<c>build/run.sh demo</c>) in a real host process with every module the build placed in the plugins folder:
/// tenants with staff accounts, filled worklists and rollups, module records in register extracts, seeded once.
/// </summary>
public sealed class DemoTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> DemoOn = new() { ["Integration__Demo__Enabled"] = "true" };
    private readonly TempFolder data = TestPaths.NewTempFolder("demo");
    private RunningHost host = null!;

    private string AccountsFile => Path.Combine(data.Path, "demo-accounts.txt");

    public async Task InitializeAsync()
    {
        host = await RunningHost.StartAsync(data.Path, TestPaths.HostPlugins, DemoOn);
        try
        {
            await Eventually.WaitForAsync(
                () => Task.FromResult(File.Exists(AccountsFile) || host.Output.Contains("Demo: seeding failed", StringComparison.Ordinal)), done => done, "the demo accounts file", seconds: 300);
            Assert.True(File.Exists(AccountsFile), host.Output);
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: stop the process here.
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task A_new_user_finds_filled_worklists_rollups_and_module_records_and_a_restart_seeds_nothing_again()
    {
        var accounts = File.ReadAllLines(AccountsFile).Where(l => !l.StartsWith('#')).Select(l => l.Split("; ")).ToList();
        Assert.Equal(15, accounts.Count);
        Assert.Equal(5, accounts.Select(a => a[0]).Distinct().Count());
        Assert.All(accounts, a => Assert.EndsWith(".demo.invalid", a[2], StringComparison.Ordinal));

        var worker = await SignInAsync(accounts, "Åre kommun (demo)", "caseWorker");
        var worklist = await (await worker.GetAsync("/api/follow-ups/worklist?assignee=all")).ReadJsonAsync();
        Assert.True(worklist.GetProperty("total").GetInt32() > 0, worklist.ToString());

        var analyst = await SignInAsync(accounts, "Åre kommun (demo)", "analyst");
        var programme = (await (await worker.GetAsync("/api/programmes")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal("Hållbar integration i Åre", programme.GetProperty("name").GetString());
        var rollup = await (await analyst.GetAsync($"/api/rollups?programmeId={programme.GetProperty("id").GetGuid()}&period=ptd&groupBy=gender")).ReadJsonAsync();
        // 80 participants, of whom some are still referred or waitlisted: started ones count.
        Assert.InRange(rollup.GetProperty("total").GetProperty("enrolled").GetProperty("value").GetDecimal(), 60, 80);
        Assert.True(rollup.GetProperty("total").GetProperty("exited").GetProperty("value").GetDecimal() > 10);
        Assert.True(rollup.GetProperty("total").GetProperty("follow-ups.done").GetProperty("value").GetDecimal() > 0);

        // Every module the programme uses that the build placed in the plugins folder added records of its own (health's
        // are special-category data, left out of the extract): Åre runs the community modules and income support,
        // Hedemora the business school.
        foreach (var tenant in new[] { "Åre kommun (demo)", "Hedemora kommun (demo)" })
        {
            var (enabled, withRecords) = await ModulesWithRecordsAsync(accounts, tenant);
            Assert.NotEmpty(enabled);
            Assert.Equal(enabled.Where(m => m != "health").Order(), withRecords.Where(m => m != "health").Order());
        }

        // The demo's own sign-in is gone, and a second start on the same data adds nothing.
        var seeder = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = "demo-seeder@demo.invalid", password = "whatever-it-was-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, seeder.StatusCode);
        var before = await CountTenantsAsync();
        await host.DisposeAsync();
        host = await RunningHost.StartAsync(data.Path, TestPaths.HostPlugins, DemoOn);
        await Eventually.WaitForAsync(() => Task.FromResult(host.Output.Contains("Demo: already in place", StringComparison.Ordinal)), done => done, "the second start to see the demo");
        Assert.Equal(before, await CountTenantsAsync());
    }

    /// <summary>The modules enabled for a demo tenant, and those with records in its participants' register extracts.</summary>
    private async Task<(HashSet<string> Enabled, HashSet<string> WithRecords)> ModulesWithRecordsAsync(List<string[]> accounts, string tenant)
    {
        var worker = await SignInAsync(accounts, tenant, "caseWorker");
        var admin = await SignInAsync(accounts, tenant, "tenantAdmin");
        var enabled = (await (await worker.GetAsync("/api/modules")).ReadJsonAsync()).EnumerateArray()
            .Where(m => m.GetProperty("enabled").GetBoolean()).Select(m => m.GetProperty("id").GetString()!).ToHashSet();
        var participants = (await (await worker.GetAsync("/api/participants?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        var withRecords = new HashSet<string>();
        foreach (var id in participants)
        {
            var extract = await (await admin.GetAsync($"/api/participants/{id}/export")).ReadJsonAsync();
            withRecords.UnionWith(extract.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("moduleId").GetString()!));
        }

        return (enabled, withRecords);
    }

    private async Task<int> CountTenantsAsync()
    {
        var system = await host.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);
        return (await (await system.GetAsync("/api/tenants")).ReadJsonAsync()).GetArrayLength();
    }

    private Task<HttpClient> SignInAsync(List<string[]> accounts, string tenant, string role)
    {
        var account = accounts.Single(a => a[0] == tenant && a[1] == role);
        return host.SignInAsync(account[2], account[3]);
    }
}
