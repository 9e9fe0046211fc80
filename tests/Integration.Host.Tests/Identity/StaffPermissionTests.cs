using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Identity;

/// <summary>
/// Module permissions granted to one staff user beyond the role's defaults: listed, granted and revoked by the tenant's
/// admins, effective on the user's next request with the same token. The fixture module's write permission is held by
/// tenant admins and case workers, not by analysts, so an analyst shows the effect.
/// </summary>
public sealed class StaffPermissionTests : IAsyncLifetime
{
    private const string Write = $"{FixturePlugins.NotesModuleId}.write";
    private const string Read = $"{FixturePlugins.NotesModuleId}.read";
    private const string Notes = $"/api/modules/{FixturePlugins.NotesModuleId}/notes";
    private readonly TempFolder root = TestPaths.NewTempFolder("staff-permissions");
    private TestHost host = null!;

    public async Task InitializeAsync() => host = new TestHost(await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task A_grant_works_on_the_next_request_and_a_revoke_stops_it_with_the_same_token()
    {
        var tenant = await TenantAsync("Hedemora kommun", "2083");
        var (analyst, analystId) = await StaffAsync(tenant, "analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync(Notes, new { text = "Före" })).StatusCode);

        var granted = await (await tenant.Admin.PutAsync(PermissionUrl(tenant, analystId, Write), null)).ReadJsonAsync();

        var held = Held(granted);
        Assert.False(held[Write].GetProperty("fromRole").GetBoolean());
        Assert.Equal(tenant.AdminId, held[Write].GetProperty("grantedById").GetGuid());
        Assert.True(held[Read].GetProperty("fromRole").GetBoolean());
        Assert.Equal(JsonValueKind.Null, held[Read].GetProperty("grantedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync(Notes, new { text = "Under" })).StatusCode);

        var revoked = await (await tenant.Admin.DeleteAsync(PermissionUrl(tenant, analystId, Write))).ReadJsonAsync();

        Assert.False(Held(revoked).ContainsKey(Write));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync(Notes, new { text = "Efter" })).StatusCode);
        var listed = await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/users/{analystId}/permissions")).ReadJsonAsync();
        Assert.Equal([Read], Held(listed).Keys.ToArray());
        Assert.Equal("analyst", listed.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Granting_twice_keeps_one_grant_and_revoking_keeps_what_the_role_holds()
    {
        var tenant = await TenantAsync("Åre kommun", "2321");
        var (worker, workerId) = await StaffAsync(tenant, "caseWorker");

        (await tenant.Admin.PutAsync(PermissionUrl(tenant, workerId, Write), null)).EnsureSuccessStatusCode();
        var again = await (await tenant.Admin.PutAsync(PermissionUrl(tenant, workerId, Write), null)).ReadJsonAsync();
        var afterRevoke = await (await tenant.Admin.DeleteAsync(PermissionUrl(tenant, workerId, Write))).ReadJsonAsync();

        Assert.Equal(2, Held(again).Count);
        Assert.True(Held(again)[Write].GetProperty("fromRole").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, Held(again)[Write].GetProperty("grantedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, Held(afterRevoke)[Write].GetProperty("grantedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync(Notes, new { text = "Rollen räcker" })).StatusCode);
    }

    [Fact]
    public async Task A_permission_no_module_declares_is_a_400_naming_it_and_nothing_is_granted()
    {
        var tenant = await TenantAsync("Falu kommun", "2080");
        var (_, analystId) = await StaffAsync(tenant, "analyst");

        await (await tenant.Admin.PutAsync(PermissionUrl(tenant, analystId, "health.read"), null)).AssertFieldErrorAsync("permission");
        await (await tenant.Admin.PutAsync(PermissionUrl(tenant, analystId, "fixture-notes.delete"), null)).AssertFieldErrorAsync("permission");
        await (await tenant.Admin.DeleteAsync(PermissionUrl(tenant, analystId, "nothing"))).AssertFieldErrorAsync("permission");

        var listed = await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/users/{analystId}/permissions")).ReadJsonAsync();
        Assert.Equal([Read], Held(listed).Keys.ToArray());
    }

    [Fact]
    public async Task Another_tenants_user_is_404_and_only_the_tenants_admins_manage_grants()
    {
        var first = await TenantAsync("Mora kommun", "2062");
        var second = await TenantAsync("Orsa kommun", "2034");
        var (worker, workerId) = await StaffAsync(first, "caseWorker");
        var (_, otherId) = await StaffAsync(second, "analyst");

        await (await first.Admin.PutAsync(PermissionUrl(first, otherId, Write), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await first.Admin.GetAsync($"/api/tenants/{first.Id}/users/{otherId}/permissions")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await first.Admin.PutAsync(PermissionUrl(second, otherId, Write), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await first.Admin.DeleteAsync(PermissionUrl(first, Guid.NewGuid(), Write))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsync(PermissionUrl(first, workerId, Write), null)).StatusCode);
        var system = await host.SystemAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PutAsync(PermissionUrl(second, otherId, Write), null)).StatusCode);

        var other = await (await second.Admin.GetAsync($"/api/tenants/{second.Id}/users/{otherId}/permissions")).ReadJsonAsync();
        Assert.False(Held(other).ContainsKey(Write));
    }

    [Fact]
    public async Task A_grant_in_one_tenant_gives_nothing_in_another()
    {
        var first = await TenantAsync("Leksands kommun", "2029");
        var second = await TenantAsync("Borlänge kommun", "2081");
        var (analyst, analystId) = await StaffAsync(first, "analyst");
        var (otherAnalyst, _) = await StaffAsync(second, "analyst");

        (await first.Admin.PutAsync(PermissionUrl(first, analystId, Write), null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync(Notes, new { text = "Egen" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAnalyst.PostAsJsonAsync(Notes, new { text = "Annan" })).StatusCode);
    }

    private async Task<TenantSetup> TenantAsync(string name, string code)
    {
        var tenant = await host.CreateTenantAsync(name, code);
        (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/{FixturePlugins.NotesModuleId}", null)).EnsureSuccessStatusCode();
        return tenant;
    }

    private async Task<(HttpClient Client, Guid Id)> StaffAsync(TenantSetup tenant, string role)
    {
        var client = await host.CreateStaffAsync(tenant, role);
        var me = await (await client.GetAsync("/api/auth/me")).ReadJsonAsync();
        return (client, me.GetProperty("id").GetGuid());
    }

    private static string PermissionUrl(TenantSetup tenant, Guid userId, string permission) =>
        $"/api/tenants/{tenant.Id}/users/{userId}/permissions/{permission}";

    private static Dictionary<string, JsonElement> Held(JsonElement response) =>
        response.GetProperty("permissions").EnumerateArray().ToDictionary(p => p.GetProperty("permission").GetString()!, p => p);
}
