using System.Net;
using System.Net.Http.Json;
using System.Text;
using Integration.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Tenancy;

/// <summary>
/// A tenant admin of tenant A gets 404 for every tenant-scoped route of tenant B: every route with a <c>{tenantId}</c>
/// or a record id, filled with tenant B's values. The routes come from the endpoint data source, so a route added later
/// is covered without touching this test (a new kind of record id makes it fail until B has such a record).
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
        var values = await SeedTenantAsync(b);

        var routes = ScopedRoutes();
        Assert.True(routes.Count >= 15, $"Expected the tenant-scoped routes of the host, found {routes.Count}");
        var unknown = routes.SelectMany(r => Parameters(r.Pattern)).Where(p => !values.ContainsKey(p)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"No value of tenant B for route parameter(s) {string.Join(", ", unknown)}: add them to SeedTenantAsync so the new routes are checked.");

        foreach (var (method, pattern) in routes)
        {
            var url = Fill(pattern, values);
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
            };
            request.Headers.TryAddWithoutValidation("If-Match", "*");

            var response = await a.Admin.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode} to another tenant's admin");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // B's own admin reaches B's records, so the 404s were about the tenant.
        Assert.Equal(HttpStatusCode.OK, (await b.Admin.GetAsync($"/api/tenants/{b.Id}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.Admin.GetAsync($"/api/participants/{values["participantId"]}")).StatusCode);
    }

    /// <summary>One record of each kind in tenant B, by the route parameter that names it.</summary>
    private async Task<Dictionary<string, string>> SeedTenantAsync(TenantSetup b)
    {
        (await b.Admin.PutAsync($"/api/tenants/{b.Id}/modules/{FixturePlugins.NotesModuleId}", null)).EnsureSuccessStatusCode();
        var programme = await (await b.Admin.PostAsJsonAsync("/api/programmes", Programmes.ProgrammeTests.Valid())).ReadJsonAsync(HttpStatusCode.Created);
        var participant = await (await b.Admin.PostAsJsonAsync("/api/participants", Participants.ParticipantTests.Person())).ReadJsonAsync(HttpStatusCode.Created);
        var participantId = participant.GetProperty("participant").GetProperty("id").GetGuid();
        var consent = await (await b.Admin.PostAsJsonAsync($"/api/participants/{participantId}/consents", new { purpose = "participation" })).ReadJsonAsync(HttpStatusCode.Created);
        var note = await (await b.Admin.PostAsJsonAsync($"/api/modules/{FixturePlugins.NotesModuleId}/notes", new { text = "B" })).ReadJsonAsync(HttpStatusCode.Created);
        var enrolProgramme = await (await b.Admin.PostAsJsonAsync("/api/programmes", new
        {
            name = "Med modul", funder = "amif", periodStart = "2020-01-01", periodEnd = "2030-12-31", moduleIds = new[] { FixturePlugins.NotesModuleId },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var enrolment = await (await b.Admin.PostAsJsonAsync("/api/enrolments", new
        {
            participantId, programmeId = enrolProgramme.GetProperty("id").GetGuid(), moduleId = FixturePlugins.NotesModuleId,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var outcome = await (await b.Admin.PostAsJsonAsync($"/api/participants/{participantId}/outcomes", new { type = "jobSeeking", date = "2024-01-01", source = "selfReported" })).ReadJsonAsync(HttpStatusCode.Created);
        var import = await (await b.Admin.PostAsync("/api/participants/import", new StringContent("Förnamn\nAmina\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync(HttpStatusCode.Accepted);
        var followUp = await (await b.Admin.PostAsJsonAsync("/api/follow-ups", new { participantId, kind = "phone-call", dueOn = DateOnly.FromDateTime(DateTime.Now) })).ReadJsonAsync(HttpStatusCode.Created);
        var batch = await (await b.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "b-1", kind = "check-in", dueOn = "2030-01-01" })).ReadJsonAsync(HttpStatusCode.Created);
        (await (await host.SystemAdminAsync()).PostAsync("/api/follow-ups/dispatch", null)).EnsureSuccessStatusCode();
        var notification = (await (await b.Admin.GetAsync("/api/notifications")).ReadJsonAsync()).GetProperty("items").EnumerateArray().First();
        var rollupRun = await (await b.Admin.PostAsJsonAsync("/api/rollups/run", new { })).ReadJsonAsync(HttpStatusCode.Accepted);

        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["tenantId"] = b.Id.ToString(),
            ["userId"] = b.AdminId.ToString(),
            ["moduleId"] = FixturePlugins.NotesModuleId,
            ["programmeId"] = programme.GetProperty("id").GetGuid().ToString(),
            ["participantId"] = participantId.ToString(),
            ["consentId"] = consent.GetProperty("id").GetGuid().ToString(),
            ["noteId"] = note.GetProperty("id").GetGuid().ToString(),
            ["enrolmentId"] = enrolment.GetProperty("id").GetGuid().ToString(),
            ["outcomeId"] = outcome.GetProperty("id").GetGuid().ToString(),
            ["importId"] = import.GetProperty("id").GetGuid().ToString(),
            ["followUpId"] = followUp.GetProperty("id").GetGuid().ToString(),
            ["batchId"] = batch.GetProperty("batchId").GetGuid().ToString(),
            ["notificationId"] = notification.GetProperty("id").GetGuid().ToString(),
            ["runId"] = rollupRun.GetProperty("id").GetGuid().ToString(),
            ["permission"] = $"{FixturePlugins.NotesModuleId}.write",
        };
    }

    /// <summary>
    /// Routes that name a tenant or one of a tenant's records: every route with a route parameter, but the follow-up
    /// policies (their ids name a policy of the host or a module, the same in every tenant; the setting changed is
    /// always the caller's own tenant's).
    /// </summary>
    private List<(string Method, string Pattern)> ScopedRoutes() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count > 0)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/api/follow-up-policies/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

    private static IEnumerable<string> Parameters(string pattern) =>
        System.Text.RegularExpressions.Regex.Matches(pattern, @"\{(\w+)").Select(m => m.Groups[1].Value);

    private static string Fill(string pattern, Dictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var value) ? value : Guid.NewGuid().ToString());
}
