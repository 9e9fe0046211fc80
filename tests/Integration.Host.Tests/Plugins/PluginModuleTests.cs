using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Integration.Abstractions.Jobs;
using Integration.Host.Jobs;
using Integration.Host.Tenancy;
using Integration.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Plugins;

/// <summary>
/// The fixture plugin, built outside the solution and dropped into a temporary plugins folder, is loaded, migrated and
/// served; tenants see it only when they enable it; its jobs run through the host.
/// </summary>
public sealed class PluginModuleTests : IAsyncLifetime
{
    private const string Notes = $"/api/modules/{FixturePlugins.NotesModuleId}/notes";
    private readonly TempFolder root = TestPaths.NewTempFolder("plugin-module");
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes);
        host = new TestHost(plugins);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task Plugin_endpoint_serves_a_tenant_that_enabled_the_module()
    {
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        await EnableAsync(tenant);
        var caseWorker = await host.CreateStaffAsync(tenant, "caseWorker");

        var created = await caseWorker.PostAsJsonAsync(Notes, new { text = "  Första   mötet  " });
        var note = await created.ReadJsonAsync(HttpStatusCode.Created);
        var list = await (await caseWorker.GetAsync(Notes)).ReadJsonAsync();

        Assert.Equal("Första mötet", note.GetProperty("text").GetString()); // normalised by the plugin's private dependency
        Assert.Equal(note.GetProperty("id").GetGuid(), Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Module_endpoint_is_404_problem_until_enabled_and_again_after_disabling()
    {
        var tenant = await host.CreateTenantAsync("Åre kommun", "2321");

        await (await tenant.Admin.GetAsync(Notes)).AssertProblemAsync(HttpStatusCode.NotFound);

        await EnableAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync(Notes)).StatusCode);

        (await tenant.Admin.DeleteAsync($"/api/tenants/{tenant.Id}/modules/{FixturePlugins.NotesModuleId}")).EnsureSuccessStatusCode();
        var problem = await (await tenant.Admin.GetAsync(Notes)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(FixturePlugins.NotesModuleId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Module_data_of_one_tenant_is_invisible_to_another()
    {
        var first = await host.CreateTenantAsync("Ludvika kommun", "2085");
        var second = await host.CreateTenantAsync("Falu kommun", "2080");
        await EnableAsync(first);
        await EnableAsync(second);

        (await first.Admin.PostAsJsonAsync(Notes, new { text = "Bara för Ludvika" })).EnsureSuccessStatusCode();

        var seenBySecond = await (await second.Admin.GetAsync(Notes)).ReadJsonAsync();
        Assert.Empty(seenBySecond.EnumerateArray());
        var seenByFirst = await (await first.Admin.GetAsync(Notes)).ReadJsonAsync();
        Assert.Single(seenByFirst.EnumerateArray());
    }

    [Fact]
    public async Task Module_permissions_are_enforced()
    {
        var tenant = await host.CreateTenantAsync("Borlänge kommun", "2081");
        await EnableAsync(tenant);
        var analyst = await host.CreateStaffAsync(tenant, "analyst");

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(Notes)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync(Notes, new { text = "Får inte" })).StatusCode);
    }

    [Fact]
    public async Task Module_validation_errors_name_the_field()
    {
        var tenant = await host.CreateTenantAsync("Gagnefs kommun", "2026");
        await EnableAsync(tenant);

        await (await tenant.Admin.PostAsJsonAsync(Notes, new { text = "" })).AssertFieldErrorAsync("text");
        await (await tenant.Admin.PostAsJsonAsync(Notes, new { text = "x", participantId = "not-a-guid" })).AssertFieldErrorAsync("participantId");
    }

    [Fact]
    public async Task Modules_list_shows_the_loaded_module_with_the_callers_enabled_state()
    {
        var enabledTenant = await host.CreateTenantAsync("Mora kommun", "2062");
        var otherTenant = await host.CreateTenantAsync("Rättviks kommun", "2031");
        await EnableAsync(enabledTenant);

        var forEnabled = await (await enabledTenant.Admin.GetAsync("/api/modules")).ReadJsonAsync();
        var forOther = await (await otherTenant.Admin.GetAsync("/api/modules")).ReadJsonAsync();

        var module = Assert.Single(forEnabled.EnumerateArray());
        Assert.Equal(FixturePlugins.NotesModuleId, module.GetProperty("id").GetString());
        Assert.Equal("loaded", module.GetProperty("status").GetString());
        Assert.Equal("1.2.3", module.GetProperty("version").GetString());
        Assert.Equal(Integration.Abstractions.Modules.ModuleContract.Version, module.GetProperty("contractVersion").GetString());
        Assert.Equal("Anteckningar (test)", module.GetProperty("displayName").GetProperty("sv").GetString());
        Assert.True(module.GetProperty("enabled").GetBoolean());
        Assert.False(Assert.Single(forOther.EnumerateArray()).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Enabling_an_unknown_module_is_404()
    {
        var tenant = await host.CreateTenantAsync("Smedjebackens kommun", "2061");

        var response = await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/mentoring", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Case_worker_cannot_enable_modules()
    {
        var tenant = await host.CreateTenantAsync("Vansbro kommun", "2021");
        var caseWorker = await host.CreateStaffAsync(tenant, "caseWorker");

        var response = await caseWorker.PutAsync($"/api/tenants/{tenant.Id}/modules/{FixturePlugins.NotesModuleId}", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Plugin_job_is_stored_as_a_host_type_and_runs_the_plugin_code()
    {
        var tenant = await host.CreateTenantAsync("Leksands kommun", "2029");
        await EnableAsync(tenant);
        var note = await (await tenant.Admin.PostAsJsonAsync(Notes, new { text = "Arkivera mig" })).ReadJsonAsync(HttpStatusCode.Created);

        var accepted = await (await tenant.Admin.PostAsync($"{Notes}/{note.GetProperty("id").GetGuid()}/archive", null)).ReadJsonAsync(HttpStatusCode.Accepted);
        var jobId = accepted.GetProperty("jobId").GetString()!;

        // What Hangfire stored names only the host's runner, never a type of the plugin.
        var storage = host.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var stored = connection.GetJobData(jobId);
            Assert.NotNull(stored);
            Assert.Equal(typeof(ModuleJobRunner), stored.Job.Type);
            var payload = InvocationData.SerializeJob(stored.Job);
            Assert.DoesNotContain("Fixture", payload.Type, StringComparison.Ordinal);
            Assert.Contains("archive-note", payload.Arguments, StringComparison.Ordinal);
        }

        await Eventually.WaitForAsync(
            async () => (await (await tenant.Admin.GetAsync(Notes)).ReadJsonAsync()).EnumerateArray().Single().GetProperty("archived").GetBoolean(),
            archived => archived,
            "the plugin job to archive the note");

        // The tenant admin follows the run through the API.
        var run = await Eventually.WaitForAsync(
            async () => (await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/jobs")).ReadJsonAsync()).GetProperty("items").EnumerateArray().SingleOrDefault(),
            item => item.ValueKind == JsonValueKind.Object && item.GetProperty("state").GetString() == "succeeded",
            "the job run to be recorded as succeeded");
        Assert.Equal("archive-note", run.GetProperty("jobName").GetString());
        Assert.Equal(jobId, run.GetProperty("backgroundJobId").GetString());
    }

    [Fact]
    public async Task Module_job_skips_a_tenant_that_has_not_enabled_the_module()
    {
        var tenant = await host.CreateTenantAsync("Orsa kommun", "2034");
        await EnableAsync(tenant);
        var note = await (await tenant.Admin.PostAsJsonAsync(Notes, new { text = "Ska ligga kvar" })).ReadJsonAsync(HttpStatusCode.Created);
        (await tenant.Admin.DeleteAsync($"/api/tenants/{tenant.Id}/modules/{FixturePlugins.NotesModuleId}")).EnsureSuccessStatusCode();

        string jobId;
        using (var scope = host.Services.CreateScope())
        {
            // Had it run, this job would archive the note.
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(tenant.Id);
            jobId = scope.ServiceProvider.GetRequiredService<IModuleJobScheduler>()
                .Enqueue(FixturePlugins.NotesModuleId, "archive-note", note.GetProperty("id").GetGuid().ToString());
        }

        var storage = host.Services.GetRequiredService<JobStorage>();
        await Eventually.WaitForAsync(
            () => Task.FromResult(storage.GetConnection().GetStateData(jobId)?.Name),
            state => state == "Succeeded",
            "the skipped job to finish");

        await EnableAsync(tenant);
        var notes = await (await tenant.Admin.GetAsync(Notes)).ReadJsonAsync();
        Assert.False(notes.EnumerateArray().Single().GetProperty("archived").GetBoolean());
        var runs = await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/jobs?state=skipped")).ReadJsonAsync();
        var run = Assert.Single(runs.GetProperty("items").EnumerateArray());
        Assert.Contains("not enabled", run.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_runs_list_validates_paging()
    {
        var tenant = await host.CreateTenantAsync("Avesta kommun", "2084");

        await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/jobs?pageSize=1000")).AssertFieldErrorAsync("pageSize");
        await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/jobs?state=sleeping")).AssertFieldErrorAsync("state");
    }

    [Fact]
    public void Scheduler_refuses_a_job_the_module_did_not_register()
    {
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(Guid.NewGuid());
        var scheduler = scope.ServiceProvider.GetRequiredService<IModuleJobScheduler>();

        Assert.Throws<ArgumentException>(() => scheduler.Enqueue(FixturePlugins.NotesModuleId, "no-such-job"));
    }

    [Fact]
    public void Scheduler_needs_a_tenant()
    {
        using var scope = host.Services.CreateScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<IModuleJobScheduler>();

        Assert.Throws<InvalidOperationException>(() => scheduler.Enqueue(FixturePlugins.NotesModuleId, "archive-note"));
    }

    [Fact]
    public void Recurring_job_of_the_module_is_registered_under_its_stable_id()
    {
        var storage = host.Services.GetRequiredService<JobStorage>();

        using var connection = storage.GetConnection();
        var ids = connection.GetAllItemsFromSet("recurring-jobs");
        Assert.Contains($"{FixturePlugins.NotesModuleId}:archive-old-notes", ids);
    }

    [Fact]
    public async Task Module_endpoints_and_schemas_are_in_the_openapi_document()
    {
        var document = await (await host.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty(Notes, out var notes));
        Assert.True(notes.TryGetProperty("post", out var post));
        Assert.Contains(
            post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()),
            tag => tag == FixturePlugins.NotesModuleId);
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("NoteRequest", out _));
    }

    private static async Task EnableAsync(TenantSetup tenant)
    {
        var response = await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/{FixturePlugins.NotesModuleId}", null);
        var module = await response.ReadJsonAsync();
        Assert.True(module.GetProperty("enabled").GetBoolean());
    }
}
