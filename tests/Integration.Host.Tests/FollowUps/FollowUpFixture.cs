using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Host.Tests.Infrastructure;
using Integration.Host.Tests.Participants;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Host.Tests.FollowUps;

/// <summary>
/// A host on a fake clock with the notes module enabled for one tenant, a programme that uses it, a case worker, and
/// helpers to register, enrol and exit participants and to move the clock (signing everyone in again, as tokens expire).
/// </summary>
internal sealed class FollowUpFixture : IAsyncDisposable
{
    public const string Module = FixturePlugins.NotesModuleId;

    private readonly TempFolder root;
    private string workerEmail = null!;

    private FollowUpFixture(TempFolder root, TestHost host, FakeTimeProvider clock)
    {
        this.root = root;
        Host = host;
        Clock = clock;
    }

    public TestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public TenantSetup Tenant { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Worker { get; private set; } = null!;

    public HttpClient System { get; private set; } = null!;

    public Guid WorkerId { get; private set; }

    public Guid Programme { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    public static async Task<FollowUpFixture> CreateAsync(string name, IDictionary<string, string?>? settings = null)
    {
        var root = TestPaths.NewTempFolder(name);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var host = new TestHost(await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes), settings, clock);
        var fixture = new FollowUpFixture(root, host, clock);
        await fixture.SetUpAsync();
        return fixture;
    }

    private async Task SetUpAsync()
    {
        Tenant = await Host.CreateTenantAsync("Åre kommun", "2321");
        workerEmail = $"worker-{Guid.NewGuid():N}@test.invalid";
        WorkerId = (await (await Tenant.Admin.PostAsJsonAsync($"/api/tenants/{Tenant.Id}/users", new { email = workerEmail, displayName = "Handläggare", role = "caseWorker", password = TestHost.StaffPassword }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await SignInAgainAsync();
        (await Admin.PutAsync($"/api/tenants/{Tenant.Id}/modules/{Module}", null)).EnsureSuccessStatusCode();
        Programme = (await (await Admin.PostAsJsonAsync("/api/programmes", new
        {
            name = "Vägen till arbete",
            funder = "esfPlus",
            projectNumber = "2015/00763",
            periodStart = "2020-01-01",
            periodEnd = "2030-12-31",
            moduleIds = new[] { Module },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Moves the clock forward and signs everyone in again (bearer tokens expire with the clock).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await SignInAgainAsync();
    }

    private async Task SignInAgainAsync()
    {
        Admin = await Host.SignInAsync(Tenant.AdminEmail, TestHost.StaffPassword);
        Worker = await Host.SignInAsync(workerEmail, TestHost.StaffPassword);
        System = await Host.SystemAdminAsync();
    }

    /// <summary>A signed-in analyst of the tenant.</summary>
    public async Task<HttpClient> AnalystAsync()
    {
        var email = $"analyst-{Guid.NewGuid():N}@test.invalid";
        (await Admin.PostAsJsonAsync($"/api/tenants/{Tenant.Id}/users", new { email, displayName = "Analytiker", role = "analyst", password = TestHost.StaffPassword })).EnsureSuccessStatusCode();
        return await Host.SignInAsync(email, TestHost.StaffPassword);
    }

    /// <summary>Runs the rollups of the programme for a period and waits for the run to succeed.</summary>
    public async Task<JsonElement> RunRollupsAsync(string period)
    {
        var run = await (await Admin.PostAsJsonAsync("/api/rollups/run", new { programmeId = Programme, period })).ReadJsonAsync(HttpStatusCode.Accepted);
        return await Eventually.WaitForAsync(
            async () => await (await Admin.GetAsync($"/api/rollups/runs/{Id(run)}")).ReadJsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "failed",
            "the rollup run to finish",
            seconds: 120);
    }

    public async Task<Guid> RegisterAsync(string given = "Amina", string family = "Hassan", string gender = "woman")
    {
        var person = ParticipantTests.Person(given, family);
        person["gender"] = gender;
        return (await (await Worker.PostAsJsonAsync("/api/participants", person)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
    }

    /// <summary>Enrols the participant as active from <paramref name="start"/>; returns the enrolment.</summary>
    public async Task<JsonElement> EnrolAsync(Guid participant, DateOnly start) =>
        await (await Worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = Programme, moduleId = Module, referredOn = start, status = "active", startDate = start }))
            .ReadJsonAsync(HttpStatusCode.Created);

    public async Task<HttpResponseMessage> ExitAsync(JsonElement enrolment, DateOnly exitDate, string reason = "completed")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enrolments/{Id(enrolment)}/status") { Content = JsonContent.Create(new { status = "exited", date = exitDate, exitReason = reason }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{enrolment.GetProperty("version").GetInt64()}\""));
        return await Worker.SendAsync(request);
    }

    /// <summary>Registers, enrols and exits a participant <paramref name="daysAgo"/> days before today.</summary>
    public async Task<(Guid Participant, Guid Enrolment)> ExitedParticipantAsync(int daysAgo = 1, string gender = "woman", string given = "Amina")
    {
        var participant = await RegisterAsync(given: given, gender: gender);
        var enrolment = await EnrolAsync(participant, Today.AddDays(-daysAgo - 30));
        (await ExitAsync(enrolment, Today.AddDays(-daysAgo))).EnsureSuccessStatusCode();
        return (participant, Id(enrolment));
    }

    public async Task<List<JsonElement>> FollowUpsAsync(string query)
    {
        var page = await (await Worker.GetAsync($"/api/follow-ups?pageSize=200&{query}")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<JsonElement> DispatchAsync() => await (await System.PostAsync("/api/follow-ups/dispatch", null)).ReadJsonAsync();

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        root.Dispose();
    }
}
