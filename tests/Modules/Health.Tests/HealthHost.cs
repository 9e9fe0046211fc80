using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Modules.Health.Tests;

/// <summary>
/// One host per test class, loading only the health module, on a fake clock (follow-ups move with it). Each test makes
/// its own tenant with <see cref="NewTenantAsync"/>, so tests share the host but not their data.
/// </summary>
public sealed class HealthHost : IAsyncLifetime
{
    public const string Module = "health";
    public const string Base = "/api/modules/health";

    private static int municipality;

    public FakeTimeProvider Clock { get; } = CreateClock();

    public TestHost Host { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    public Task InitializeAsync()
    {
        Host = TestHost.ForModules([Module], clock: Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A tenant with the module enabled, a programme that uses it, a case worker and a case worker granted health.read.</summary>
    public async Task<HealthTenant> NewTenantAsync()
    {
        var n = Interlocked.Increment(ref municipality);
        var code = $"{20 + (n / 90):00}{10 + (n % 90):00}";
        var tenant = await Host.CreateTenantAsync($"Kommun {code}", code);
        await tenant.EnableModuleAsync(Module);
        var programme = await tenant.Admin.CreateProgrammeAsync(Module);
        var (worker, workerId) = await StaffAsync(tenant, "caseWorker");
        var (reader, readerId) = await StaffAsync(tenant, "caseWorker");
        (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/users/{readerId}/permissions/health.read", null)).EnsureSuccessStatusCode();
        return new HealthTenant(this, tenant, programme, worker, workerId, reader, readerId);
    }

    public async Task<(HttpClient Client, Guid Id)> StaffAsync(TenantSetup tenant, string role)
    {
        var client = await Host.CreateStaffAsync(tenant, role);
        var me = await (await client.GetAsync("/api/auth/me")).ReadJsonAsync();
        return (client, me.GetProperty("id").GetGuid());
    }

    private static FakeTimeProvider CreateClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        return clock;
    }
}

/// <summary>One test's tenant and the records tests build in it through the API.</summary>
public sealed record HealthTenant(HealthHost Host, TenantSetup Setup, Guid Programme, HttpClient Worker, Guid WorkerId, HttpClient Reader, Guid ReaderId)
{
    private static readonly string[] Languages = ["ar", "sv"];

    public HttpClient Admin => Setup.Admin;

    public DateOnly Today => Host.Today;

    /// <summary>A participant enrolled in the module from <paramref name="startedDaysAgo"/>, with a consent for health data unless told otherwise.</summary>
    public async Task<Participant> ParticipantAsync(string gender = "woman", bool healthConsent = true, int startedDaysAgo = 60)
    {
        var id = await RegisterAsync(gender);
        var enrolment = await Worker.EnrolAsync(id, Programme, HealthHost.Module, Today.AddDays(-startedDaysAgo));
        var consent = healthConsent ? await Worker.GiveConsentAsync(id, "healthData", Today.AddDays(-startedDaysAgo)) : (Guid?)null;
        return new Participant(id, enrolment, consent);
    }

    /// <summary>
    /// Registers a participant without an identity number. (The shared CoreRecords.CreateParticipantAsync reads the id
    /// at the top of the answer, where the host has it under <c>participant</c>.)
    /// </summary>
    public async Task<Guid> RegisterAsync(string gender = "woman")
    {
        var response = await Worker.PostAsJsonAsync("/api/participants", new
        {
            givenName = "Testa",
            familyName = "Deltagare" + Guid.NewGuid().ToString("N")[..6],
            gender,
            birthYear = 1990,
            languages = Languages,
            labourMarketStatus = "unemployed",
        });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
    }

    /// <summary>Exits an enrolment (the shared CoreRecords.ExitAsync sends no If-Match, which the host requires).</summary>
    public async Task ExitAsync(Guid enrolmentId, DateOnly date)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enrolments/{enrolmentId}/status") { Content = JsonContent.Create(new { status = "exited", date, exitReason = "completed" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        await (await Worker.SendAsync(request)).ReadJsonAsync();
    }

    /// <summary>A course from <paramref name="startDaysAgo"/> days ago to <paramref name="endInDays"/> days from today.</summary>
    public async Task<JsonElement> CourseAsync(int startDaysAgo = 30, int endInDays = 30, string name = "Hälsoskola")
    {
        var response = await Worker.PostAsJsonAsync($"{HealthHost.Base}/courses", new { name, startDate = Today.AddDays(-startDaysAgo), endDate = Today.AddDays(endInDays), language = "sv", place = "Medborgarhuset" });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public async Task PlaceAsync(Guid courseId, Guid participantId) =>
        await (await Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{courseId}/participants", new { participantId })).ReadJsonAsync(HttpStatusCode.Created);

    /// <summary>A course with the participants placed on it; returns its id.</summary>
    public async Task<Guid> CourseWithAsync(params Participant[] participants)
    {
        var course = (await CourseAsync()).GetProperty("id").GetGuid();
        foreach (var participant in participants)
        {
            await PlaceAsync(course, participant.Id);
        }

        return course;
    }

    public Task<HttpResponseMessage> PostScoreAsync(Guid courseId, Guid participantId, string point, int[] items, DateOnly? measuredOn = null) =>
        Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{courseId}/scores", new { participantId, point, measuredOn = measuredOn ?? Today, items });

    public async Task<JsonElement> ScoreAsync(Guid courseId, Guid participantId, string point, int[] items, DateOnly? measuredOn = null) =>
        await (await PostScoreAsync(courseId, participantId, point, items, measuredOn)).ReadJsonAsync(HttpStatusCode.Created);

    public async Task<JsonElement> ParticipantScoresAsync(Guid participantId, HttpClient? client = null) =>
        await (await (client ?? Reader).GetAsync($"{HealthHost.Base}/participants/{participantId}/scores")).ReadJsonAsync();
}

public sealed record Participant(Guid Id, Guid EnrolmentId, Guid? HealthConsentId);
