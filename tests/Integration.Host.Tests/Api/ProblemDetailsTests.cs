using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Integration.Host.Tests.Api;

/// <summary>Bad input gets RFC 9457 problem details naming the field, in Swedish or English, never a 500.</summary>
public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private HttpClient admin = null!;

    public async Task InitializeAsync() => admin = await host.SystemAdminAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Malformed_json_names_the_body()
    {
        var response = await admin.PostAsync("/api/tenants", new StringContent("this is not json", Encoding.UTF8, "application/json"));

        await response.AssertFieldErrorAsync("body");
    }

    [Fact]
    public async Task Value_of_the_wrong_type_names_the_field()
    {
        var response = await admin.PostAsync("/api/tenants", new StringContent("""{ "name": "X", "kind": 7 }""", Encoding.UTF8, "application/json"));

        await response.AssertFieldErrorAsync("kind");
    }

    [Fact]
    public async Task Unknown_enum_value_names_the_field()
    {
        var response = await admin.PostAsJsonAsync("/api/tenants", new { name = "X", kind = "village" });

        await response.AssertFieldErrorAsync("kind");
    }

    [Fact]
    public async Task Missing_body_is_a_400_not_a_500()
    {
        var response = await admin.PostAsync("/api/tenants", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        await response.AssertFieldErrorAsync("body");
    }

    [Fact]
    public async Task Messages_are_swedish_by_default_and_english_on_request()
    {
        var swedish = await (await admin.PostAsJsonAsync("/api/tenants", new { name = "", kind = "municipality", municipalityCode = "2083" })).AssertFieldErrorAsync("name");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tenants") { Content = JsonContent.Create(new { name = "", kind = "municipality", municipalityCode = "2083" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await admin.SendAsync(request)).AssertFieldErrorAsync("name");

        Assert.StartsWith("Ange", swedish.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Give", english.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var response = await admin.GetAsync("/api/does-not-exist");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Problems_carry_a_request_id()
    {
        var problem = await (await admin.PostAsJsonAsync("/api/tenants", new { name = "X" })).AssertFieldErrorAsync("kind");

        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
    }
}
