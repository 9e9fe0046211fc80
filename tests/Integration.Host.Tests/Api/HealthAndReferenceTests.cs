using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Api;

/// <summary>Health checks, the OpenAPI document and the Scalar reference of a host without plugins.</summary>
public sealed class HealthAndReferenceTests : IAsyncLifetime
{
    private readonly TestHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Ready_checks_database_jobs_and_modules()
    {
        await host.WhenReadyAsync();
        var ready = await (await host.Anonymous().GetAsync("/health/ready")).ReadJsonAsync();

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["modules", "database", "jobs"], checks);
    }

    [Fact]
    public async Task Live_answers_without_sign_in()
    {
        var live = await (await host.Anonymous().GetAsync("/health")).ReadJsonAsync();

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Openapi_document_describes_every_api_endpoint()
    {
        var document = await (await host.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var documented = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/'))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Scalar_reference_is_served()
    {
        var client = host.CreateClient();

        var page = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var redirect = await host.Anonymous().GetAsync("/scalar");
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently or HttpStatusCode.OK);
    }
}
