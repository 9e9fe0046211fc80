using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Integration.Host.Tests.Identity;

/// <summary>Local accounts: bearer tokens for the API, a cookie for the web UI, lockout, deactivation.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private readonly TestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Bearer_token_identifies_user_role_and_tenant()
    {
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");

        var me = await (await tenant.Admin.GetAsync("/api/auth/me")).ReadJsonAsync();

        Assert.Equal(tenant.AdminEmail, me.GetProperty("email").GetString());
        Assert.Equal("tenantAdmin", me.GetProperty("role").GetString());
        Assert.Equal(tenant.Id, me.GetProperty("tenantId").GetGuid());
        Assert.Equal("Hedemora kommun", me.GetProperty("tenantName").GetString());
    }

    [Fact]
    public async Task System_admin_belongs_to_no_tenant()
    {
        var admin = await host.SystemAdminAsync();

        var me = await (await admin.GetAsync("/api/auth/me")).ReadJsonAsync();

        Assert.Equal("systemAdmin", me.GetProperty("role").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("tenantId").ValueKind);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem()
    {
        var response = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = TestHost.AdminEmail, password = "wrong-password-123" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Empty_credentials_name_the_fields()
    {
        var problem = await (await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = "", password = "" })).AssertFieldErrorAsync("email");

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var tenant = await host.CreateTenantAsync("Åre kommun", "2321");
        var client = host.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = tenant.AdminEmail, password = "not-the-password" });
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = tenant.AdminEmail, password = TestHost.StaffPassword });
        var problem = await locked.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("15", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_requires_a_signed_in_user()
    {
        var response = await host.Anonymous().GetAsync("/api/modules");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Deactivated_user_loses_the_token_at_once()
    {
        var tenant = await host.CreateTenantAsync("Falu kommun", "2080");
        var email = $"worker-{Guid.NewGuid():N}@test.invalid";
        var created = await (await tenant.Admin.PostAsJsonAsync($"/api/tenants/{tenant.Id}/users", new { email, displayName = "Handläggare", role = "caseWorker", password = TestHost.StaffPassword }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var worker = await host.SignInAsync(email, TestHost.StaffPassword);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/auth/me")).StatusCode);

        (await tenant.Admin.PutAsJsonAsync($"/api/tenants/{tenant.Id}/users/{created.GetProperty("id").GetGuid()}", new { displayName = "Handläggare", role = "caseWorker", isActive = false }))
            .EnsureSuccessStatusCode();

        await (await worker.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = TestHost.StaffPassword })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_access_token()
    {
        var login = await (await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = TestHost.AdminEmail, password = TestHost.AdminPassword })).ReadJsonAsync();

        var refreshed = await (await host.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() })).ReadJsonAsync();

        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        await (await host.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "garbage" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changed_password_works_and_ends_old_sessions()
    {
        var tenant = await host.CreateTenantAsync("Mora kommun", "2062");

        var changed = await tenant.Admin.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = TestHost.StaffPassword, newPassword = "a-brand-new-password" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Admin.GetAsync("/api/auth/me")).StatusCode);
        var again = await host.SignInAsync(tenant.AdminEmail, "a-brand-new-password");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Short_new_password_names_the_field()
    {
        var tenant = await host.CreateTenantAsync("Orsa kommun", "2034");

        var response = await tenant.Admin.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = TestHost.StaffPassword, newPassword = "short" });

        await response.AssertFieldErrorAsync("newPassword");
    }

    [Fact]
    public async Task Cookie_sign_in_opens_the_dashboard_for_a_system_admin_only()
    {
        var anonymous = await host.Anonymous().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var admin = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await admin.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = TestHost.AdminEmail, password = TestHost.AdminPassword })).EnsureSuccessStatusCode();
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Integration platform jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tenant = await host.CreateTenantAsync("Leksands kommun", "2029");
        var tenantAdmin = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await tenantAdmin.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = tenant.AdminEmail, password = TestHost.StaffPassword })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await tenantAdmin.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Login_page_is_served_and_keeps_return_urls_local()
    {
        var page = await (await host.Anonymous().GetAsync("/login?returnUrl=https://evil.example/")).Content.ReadAsStringAsync();

        Assert.Contains("Logga in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
    }
}
