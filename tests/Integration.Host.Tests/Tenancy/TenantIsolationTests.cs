using System.Net;
using System.Text;
using Integration.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Tenancy;

/// <summary>
/// A tenant admin of tenant A gets 404 for every tenant-scoped route of tenant B. The routes come from the endpoint
/// data source, so a route added later with a <c>{tenantId}</c> parameter is covered without touching this test.
/// </summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private readonly TempFolder root = TestPaths.NewTempFolder("isolation");
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
    public async Task Tenant_admin_of_A_gets_404_on_every_tenant_route_of_B()
    {
        var a = await host.CreateTenantAsync("Hedemora kommun", "2083");
        var b = await host.CreateTenantAsync("Åre kommun", "2321");
        (await b.Admin.PutAsync($"/api/tenants/{b.Id}/modules/{FixturePlugins.NotesModuleId}", null)).EnsureSuccessStatusCode();

        // Values for the other route parameters that exist in tenant B, so a 404 can only come from the tenant check.
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["tenantId"] = b.Id.ToString(),
            ["userId"] = b.AdminId.ToString(),
            ["moduleId"] = FixturePlugins.NotesModuleId,
        };

        var routes = TenantRoutes();
        Assert.True(routes.Count >= 8, $"Expected the tenant routes of the host, found {routes.Count}");

        foreach (var (method, pattern) in routes)
        {
            var url = Fill(pattern, values);
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
            };

            var response = await a.Admin.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode} to another tenant's admin");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // B's own admin reaches the same routes (a GET of each collection is enough to show the 404 was about the tenant).
        Assert.Equal(HttpStatusCode.OK, (await b.Admin.GetAsync($"/api/tenants/{b.Id}/users")).StatusCode);
    }

    private List<(string Method, string Pattern)> TenantRoutes() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "tenantId"))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

    private static string Fill(string pattern, Dictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var value) ? value : Guid.NewGuid().ToString());
}
