using System.Net;
using System.Net.Http.Json;

namespace Integration.Host.Tests.Tenancy;

/// <summary>Tenants are created by system admins; their staff by their tenant admins.</summary>
public sealed class TenantTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private HttpClient system = null!;

    public async Task InitializeAsync() => system = await host.SystemAdminAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Municipality_gets_its_county_from_the_code()
    {
        var tenant = await (await system.PostAsJsonAsync("/api/tenants", new { name = "Hedemora kommun", kind = "municipality", municipalityCode = "2083" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("20", tenant.GetProperty("countyCode").GetString());
        Assert.Equal("municipality", tenant.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("municipality", "208", null, "municipalityCode")]
    [InlineData("municipality", "9983", null, "municipalityCode")]
    [InlineData("municipality", null, null, "municipalityCode")]
    [InlineData("region", null, "02", "countyCode")]
    [InlineData("region", "2083", "20", "municipalityCode")]
    [InlineData("organisation", null, "99", "countyCode")]
    public async Task Invalid_codes_name_the_field(string kind, string? municipalityCode, string? countyCode, string field)
    {
        var response = await system.PostAsJsonAsync("/api/tenants", new { name = "Test", kind, municipalityCode, countyCode });

        await response.AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Region_and_organisation_tenants_are_accepted()
    {
        await (await system.PostAsJsonAsync("/api/tenants", new { name = "Region Dalarna", kind = "region", countyCode = "20" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await system.PostAsJsonAsync("/api/tenants", new { name = "Studieförbundet", kind = "organisation" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Second_tenant_for_the_same_municipality_is_a_conflict_with_the_existing_id()
    {
        var first = await (await system.PostAsJsonAsync("/api/tenants", new { name = "Åre kommun", kind = "municipality", municipalityCode = "2321" })).ReadJsonAsync(HttpStatusCode.Created);

        var problem = await (await system.PostAsJsonAsync("/api/tenants", new { name = "Åre igen", kind = "municipality", municipalityCode = "2321" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.GetProperty("id").GetGuid(), problem.GetProperty("existingId").GetGuid());
    }

    [Fact]
    public async Task Only_system_admins_create_tenants()
    {
        var tenant = await host.CreateTenantAsync("Falu kommun", "2080");

        var response = await tenant.Admin.PostAsJsonAsync("/api/tenants", new { name = "Borlänge kommun", kind = "municipality", municipalityCode = "2081" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_admin_sees_only_its_own_tenant()
    {
        var mine = await host.CreateTenantAsync("Mora kommun", "2062");
        await host.CreateTenantAsync("Orsa kommun", "2034");

        var list = await (await mine.Admin.GetAsync("/api/tenants")).ReadJsonAsync();

        Assert.Equal(mine.Id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Tenant_admin_creates_staff_who_belong_to_the_tenant()
    {
        var tenant = await host.CreateTenantAsync("Ludvika kommun", "2085");

        var worker = await host.CreateStaffAsync(tenant, "caseWorker");
        var me = await (await worker.GetAsync("/api/auth/me")).ReadJsonAsync();
        var staff = await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/users")).ReadJsonAsync();

        Assert.Equal(tenant.Id, me.GetProperty("tenantId").GetGuid());
        Assert.Equal(2, staff.GetArrayLength());
        Assert.Contains(staff.EnumerateArray(), u => u.GetProperty("role").GetString() == "caseWorker");
    }

    [Fact]
    public async Task Staff_validation_names_the_fields()
    {
        var tenant = await host.CreateTenantAsync("Gagnefs kommun", "2026");
        var url = $"/api/tenants/{tenant.Id}/users";

        await (await tenant.Admin.PostAsJsonAsync(url, new { email = "a@test.invalid", displayName = "A", role = "systemAdmin", password = TestHost.StaffPassword })).AssertFieldErrorAsync("role");
        await (await tenant.Admin.PostAsJsonAsync(url, new { email = "b@test.invalid", displayName = "B", role = "caseWorker", password = "short" })).AssertFieldErrorAsync("password");
        await (await tenant.Admin.PostAsJsonAsync(url, new { email = "not an address", displayName = "C", role = "caseWorker", password = TestHost.StaffPassword })).AssertFieldErrorAsync("email");
        await (await tenant.Admin.PostAsJsonAsync(url, new { email = "d@test.invalid", displayName = "", role = "caseWorker", password = TestHost.StaffPassword })).AssertFieldErrorAsync("displayName");
    }

    [Fact]
    public async Task Duplicate_email_is_a_conflict_even_across_tenants()
    {
        var first = await host.CreateTenantAsync("Rättviks kommun", "2031");
        var second = await host.CreateTenantAsync("Vansbro kommun", "2021");

        var response = await second.Admin.PostAsJsonAsync($"/api/tenants/{second.Id}/users", new { email = first.AdminEmail, displayName = "X", role = "caseWorker", password = TestHost.StaffPassword });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Case_worker_cannot_manage_staff()
    {
        var tenant = await host.CreateTenantAsync("Smedjebackens kommun", "2061");
        var worker = await host.CreateStaffAsync(tenant, "caseWorker");

        var response = await worker.PostAsJsonAsync($"/api/tenants/{tenant.Id}/users", new { email = "x@test.invalid", displayName = "X", role = "caseWorker", password = TestHost.StaffPassword });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_admin_cannot_deactivate_itself()
    {
        var tenant = await host.CreateTenantAsync("Malung-Sälens kommun", "2023");

        var response = await tenant.Admin.PutAsJsonAsync($"/api/tenants/{tenant.Id}/users/{tenant.AdminId}", new { displayName = "Admin", role = "tenantAdmin", isActive = false });

        await response.AssertFieldErrorAsync("isActive");
    }

    [Fact]
    public async Task Tenant_admin_renames_the_tenant_but_cannot_change_its_codes()
    {
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");

        var renamed = await (await tenant.Admin.PutAsJsonAsync($"/api/tenants/{tenant.Id}", new { name = "Hedemora kommun, arbetsmarknad", kind = "municipality", municipalityCode = "2083" })).ReadJsonAsync();
        var recoded = await tenant.Admin.PutAsJsonAsync($"/api/tenants/{tenant.Id}", new { name = "Hedemora kommun", kind = "municipality", municipalityCode = "2084" });
        var bySystemAdmin = await system.PutAsJsonAsync($"/api/tenants/{tenant.Id}", new { name = "Hedemora kommun", kind = "municipality", municipalityCode = "2084" });

        Assert.Equal("Hedemora kommun, arbetsmarknad", renamed.GetProperty("name").GetString());
        await recoded.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("2084", (await bySystemAdmin.ReadJsonAsync()).GetProperty("municipalityCode").GetString());
    }

    [Fact]
    public async Task Changing_a_role_ends_the_users_sessions_and_takes_effect_at_next_sign_in()
    {
        var tenant = await host.CreateTenantAsync("Ludvika kommun", "2085");
        var email = $"role-{Guid.NewGuid():N}@test.invalid";
        var created = await (await tenant.Admin.PostAsJsonAsync($"/api/tenants/{tenant.Id}/users", new { email, displayName = "Anna", role = "caseWorker", password = TestHost.StaffPassword })).ReadJsonAsync(HttpStatusCode.Created);
        var worker = await host.SignInAsync(email, TestHost.StaffPassword);

        var updated = await (await tenant.Admin.PutAsJsonAsync($"/api/tenants/{tenant.Id}/users/{created.GetProperty("id").GetGuid()}", new { displayName = "Anna A", role = "analyst", isActive = true })).ReadJsonAsync();

        Assert.Equal("analyst", updated.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/auth/me")).StatusCode);
        var again = await (await (await host.SignInAsync(email, TestHost.StaffPassword)).GetAsync("/api/auth/me")).ReadJsonAsync();
        Assert.Equal("analyst", again.GetProperty("role").GetString());
        Assert.Equal("Anna A", (await (await tenant.Admin.GetAsync($"/api/tenants/{tenant.Id}/users/{created.GetProperty("id").GetGuid()}")).ReadJsonAsync()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Tenant_comes_from_the_user_not_from_the_request()
    {
        var mine = await host.CreateTenantAsync("Älvdalens kommun", "2039");
        var other = await host.CreateTenantAsync("Säters kommun", "2082");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants?tenantId={other.Id}");
        request.Headers.Add("X-Tenant-Id", other.Id.ToString());
        var list = await (await mine.Admin.SendAsync(request)).ReadJsonAsync();

        Assert.Equal(mine.Id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }
}
