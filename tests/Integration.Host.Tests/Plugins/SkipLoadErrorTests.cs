using System.Net;
using System.Text.Json;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Plugins;

/// <summary>With <c>OnLoadError=Skip</c> the host starts without broken plugins and reports them.</summary>
public sealed class SkipLoadErrorTests : IAsyncLifetime
{
    private readonly TempFolder root = TestPaths.NewTempFolder("skip");
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes, FixturePlugins.BadContract, FixturePlugins.Throws, FixturePlugins.Anonymous);
        host = new TestHost(plugins, new Dictionary<string, string?> { ["Integration:Modules:OnLoadError"] = "Skip" });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task Failed_plugins_are_listed_as_failed_with_the_reason()
    {
        var admin = await host.SystemAdminAsync();

        var modules = (await (await admin.GetAsync("/api/modules")).ReadJsonAsync()).EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);

        Assert.Equal("loaded", modules["fixture-notes"].GetProperty("status").GetString());
        Assert.Equal("failed", modules["fixture-bad-contract"].GetProperty("status").GetString());
        Assert.Contains("contract 2.0", modules["fixture-bad-contract"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", modules["fixture-throws"].GetProperty("status").GetString());
        Assert.Contains("threw while registering", modules["fixture-throws"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", modules["fixture-anonymous"].GetProperty("status").GetString());
        Assert.Contains("allows anonymous access", modules["fixture-anonymous"].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_of_a_failed_module_answers_404_even_when_it_allows_anonymous_access()
    {
        var tenant = await host.CreateTenantAsync("Falu kommun", "2080");

        await (await host.Anonymous().GetAsync("/api/modules/fixture-anonymous/open")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Admin.GetAsync("/api/modules/fixture-anonymous/open")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Case_workers_see_the_failure_but_not_its_details()
    {
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        var caseWorker = await host.CreateStaffAsync(tenant, "caseWorker");

        var modules = (await (await caseWorker.GetAsync("/api/modules")).ReadJsonAsync()).EnumerateArray().ToList();

        var failed = modules.Single(m => m.GetProperty("id").GetString() == "fixture-throws");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Health_is_degraded_and_names_the_failed_plugins()
    {
        var anonymous = host.Anonymous();
        await host.WhenReadyAsync();

        var live = await (await anonymous.GetAsync("/health")).ReadJsonAsync();
        var ready = await (await anonymous.GetAsync("/health/ready")).ReadJsonAsync();

        Assert.Equal("Degraded", live.GetProperty("status").GetString());
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        var modules = live.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "modules");
        Assert.Contains("Fixture.Plugin.bad-contract.dll", modules.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Fixture.Plugin.throws.dll", modules.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_working_plugin_still_serves()
    {
        var tenant = await host.CreateTenantAsync("Åre kommun", "2321");
        (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/fixture-notes", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync("/api/modules/fixture-notes/notes")).StatusCode);
        await (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/fixture-throws", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
