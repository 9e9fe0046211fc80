using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Integration.Host.Tests.Programmes;

/// <summary><c>/api/programmes</c>: funded projects, their rules, versions and ESF+ counting.</summary>
public sealed class ProgrammeTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private TenantSetup tenant = null!;

    public async Task InitializeAsync() => tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");

    public async Task DisposeAsync() => await host.DisposeAsync();

    internal static object Valid(string name = "En väg in") => new
    {
        name,
        funder = "esfPlus",
        projectNumber = "2015/00763",
        periodStart = "2016-01-01",
        periodEnd = "2018-12-31",
        budgetSek = 9_500_000m,
        grantSek = 4_750_000m,
        plannedParticipants = 120,
        plannedWomen = 60,
        plannedMen = 60,
        municipalityCodes = new[] { "2083", "2080" },
        moduleIds = Array.Empty<string>(),
    };

    [Fact]
    public async Task Created_programme_is_read_back_with_its_version()
    {
        var created = await tenant.Admin.PostAsJsonAsync("/api/programmes", Valid());
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);

        var read = await tenant.Admin.GetAsync($"/api/programmes/{body.GetProperty("id").GetGuid()}");
        var programme = await read.ReadJsonAsync();

        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal("En väg in", programme.GetProperty("name").GetString());
        Assert.Equal("esfPlus", programme.GetProperty("funder").GetString());
        Assert.Equal("open", programme.GetProperty("status").GetString());
        Assert.Equal(["2080", "2083"], programme.GetProperty("municipalityCodes").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(0, programme.GetProperty("participants").GetInt32());
        Assert.False(programme.GetProperty("overPlan").GetBoolean());
    }

    [Theory]
    [InlineData("periodEnd", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2019-12-31"}""")]
    [InlineData("budgetSek", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31","budgetSek":-1}""")]
    [InlineData("grantSek", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31","budgetSek":100,"grantSek":101}""")]
    [InlineData("projectNumber", """{"name":"X","funder":"esfPlus","projectNumber":"ESF-763","periodStart":"2020-01-01","periodEnd":"2022-12-31"}""")]
    [InlineData("moduleIds", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31","moduleIds":["mentoring"]}""")]
    [InlineData("municipalityCodes", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31","municipalityCodes":["9999"]}""")]
    [InlineData("plannedParticipants", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31","plannedParticipants":10,"plannedWomen":8,"plannedMen":8}""")]
    [InlineData("plannedWomen", """{"name":"X","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31","plannedWomen":-3}""")]
    [InlineData("funder", """{"name":"X","funder":"eu","periodStart":"2020-01-01","periodEnd":"2022-12-31"}""")]
    [InlineData("periodStart", """{"name":"X","funder":"amif","periodStart":"2020-02-30","periodEnd":"2022-12-31"}""")]
    [InlineData("name", """{"name":" ","funder":"amif","periodStart":"2020-01-01","periodEnd":"2022-12-31"}""")]
    public async Task Bad_input_names_the_field(string field, string json)
    {
        var response = await tenant.Admin.PostAsync("/api/programmes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertFieldErrorAsync(field);
        var list = await (await tenant.Admin.GetAsync("/api/programmes")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Update_needs_the_current_version()
    {
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/programmes", Valid())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var url = $"/api/programmes/{id}";

        var withoutVersion = await tenant.Admin.PutAsJsonAsync(url, Valid("Utan version"));
        var updated = await Send(HttpMethod.Put, url, Valid("Ny titel"), "\"1\"");
        var stale = await Send(HttpMethod.Put, url, Valid("Gammal titel"), "\"1\"");

        await withoutVersion.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await tenant.Admin.GetAsync(url)).ReadJsonAsync();
        Assert.Equal("Ny titel", current.GetProperty("name").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Closing_and_reopening_change_the_status()
    {
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/programmes", Valid())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var closed = await (await Send(HttpMethod.Post, $"/api/programmes/{id}/close", new { closedOn = "2018-12-31" }, "\"1\"")).ReadJsonAsync();
        var openList = await (await tenant.Admin.GetAsync("/api/programmes?status=open")).ReadJsonAsync();
        var reopened = await (await Send(HttpMethod.Post, $"/api/programmes/{id}/reopen", new { }, "\"2\"")).ReadJsonAsync();

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("2018-12-31", closed.GetProperty("closedOn").GetString());
        Assert.Equal(0, openList.GetProperty("total").GetInt32());
        Assert.Equal("open", reopened.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Roles_decide_who_writes_and_who_reads()
    {
        var caseWorker = await host.CreateStaffAsync(tenant, "caseWorker");
        var analyst = await host.CreateStaffAsync(tenant, "analyst");
        var system = await host.SystemAdminAsync();
        (await tenant.Admin.PostAsJsonAsync("/api/programmes", Valid())).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await caseWorker.PostAsJsonAsync("/api/programmes", Valid())).StatusCode);
        Assert.Equal(1, (await (await analyst.GetAsync("/api/programmes")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/programmes")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_programme_is_not_found()
    {
        var other = await host.CreateTenantAsync("Åre kommun", "2321");
        var id = (await (await other.Admin.PostAsJsonAsync("/api/programmes", Valid("Hållbar integration"))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await tenant.Admin.GetAsync($"/api/programmes/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await tenant.Admin.GetAsync("/api/programmes")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return tenant.Admin.SendAsync(request);
    }
}
