using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>
/// The real host on SQLite with only the income-support module loaded, on a fake clock; shared by the tests of a class,
/// each of which makes its own tenant (<see cref="NewTenantAsync"/>) so that tests see only their own records.
/// </summary>
public sealed class IncomeSupportHost : IAsyncLifetime
{
    public const string Module = "income-support";
    public const string Api = "/api/modules/" + Module;

    private int nextMunicipality = 10;

    public IncomeSupportHost()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        Host = TestHost.ForModules([Module], clock: Clock);
    }

    public TestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>The first day of the current month.</summary>
    public DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    /// <summary>A municipality with the module enabled, a programme that uses it, its admin and a case worker.</summary>
    public async Task<IncomeSupportTenant> NewTenantAsync()
    {
        var code = $"01{Interlocked.Increment(ref nextMunicipality):00}";
        var tenant = await Host.CreateTenantAsync($"Kommun {code}", code);
        await tenant.EnableModuleAsync(Module);
        var programme = await tenant.Admin.CreateProgrammeAsync(Module);
        var worker = await Host.CreateStaffAsync(tenant, "caseWorker");
        return new IncomeSupportTenant(this, tenant, worker, programme);
    }

    /// <summary>Runs the follow-up dispatcher now (system admin), as the recurring job would.</summary>
    public async Task DispatchAsync()
    {
        var system = await Host.SystemAdminAsync();
        (await system.PostAsync("/api/follow-ups/dispatch", null)).EnsureSuccessStatusCode();
    }

    public Task InitializeAsync() => Host.WhenReadyAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static HttpRequestMessage Versioned(HttpMethod method, string url, object? body, string etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly Date(JsonElement element) => DateOnly.Parse(element.GetString()!, CultureInfo.InvariantCulture);
}

/// <summary>One test's tenant: its admin and case worker, a programme using the module, and helpers for its records.</summary>
public sealed class IncomeSupportTenant(IncomeSupportHost host, TenantSetup setup, HttpClient worker, Guid programme)
{
    private const string Api = IncomeSupportHost.Api;

    public IncomeSupportHost Host { get; } = host;

    public TenantSetup Setup { get; } = setup;

    public HttpClient Admin => Setup.Admin;

    public HttpClient Worker { get; } = worker;

    public Guid Programme { get; } = programme;

    public DateOnly Today => Host.Today;

    public DateOnly ThisMonth => Host.ThisMonth;

    /// <summary>Registers a participant and enrols them in the module, active from 30 days ago unless told otherwise.</summary>
    public async Task<(Guid Participant, Guid Enrolment)> ParticipantAsync(string gender = "woman", int startedDaysAgo = 30)
    {
        var id = await Worker.CreateParticipantAsync(gender);
        var enrolment = await Worker.EnrolAsync(id, Programme, IncomeSupportHost.Module, Today.AddDays(-startedDaysAgo));
        return (id, enrolment);
    }

    public Task<HttpResponseMessage> PostPathwayAsync(object body) => Worker.PostAsJsonAsync($"{Api}/pathways", body);

    /// <summary>A pathway for a new enrolled participant from <paramref name="firstApplicationOn"/>.</summary>
    public async Task<JsonElement> PathwayAsync(DateOnly firstApplicationOn, string gender = "woman", string? household = null)
    {
        var (participant, _) = await ParticipantAsync(gender);
        return await PathwayForAsync(participant, firstApplicationOn, household);
    }

    public async Task<JsonElement> PathwayForAsync(Guid participant, DateOnly firstApplicationOn, string? household = null) =>
        await (await PostPathwayAsync(new { participantId = participant, firstApplicationOn, householdReference = household })).ReadJsonAsync(HttpStatusCode.Created);

    public async Task<JsonElement> GetAsync(Guid pathwayId, HttpClient? client = null) =>
        await (await (client ?? Worker).GetAsync($"{Api}/pathways/{pathwayId}")).ReadJsonAsync();

    public Task<HttpResponseMessage> PutMonthAsync(Guid pathwayId, string month, object body) =>
        Worker.PutAsJsonAsync($"{Api}/pathways/{pathwayId}/months/{month}", body);

    /// <summary>Records a month: paid (for unemployment) or not.</summary>
    public async Task<JsonElement> MonthAsync(Guid pathwayId, DateOnly month, bool paid) =>
        await (await PutMonthAsync(pathwayId, IncomeSupportHost.Month(month), new { supportPaid = paid, reasons = paid ? new[] { "unemployment" } : [] })).ReadJsonAsync();

    /// <summary>Records consecutive months from <paramref name="from"/>, each paid or not.</summary>
    public async Task<JsonElement> MonthsAsync(Guid pathwayId, DateOnly from, params bool[] paid)
    {
        JsonElement last = default;
        for (var i = 0; i < paid.Length; i++)
        {
            last = await MonthAsync(pathwayId, from.AddMonths(i), paid[i]);
        }

        return last;
    }

    /// <summary>The participant's follow-ups of the module's monthly review.</summary>
    public async Task<List<JsonElement>> ReviewsAsync(Guid participantId) =>
        (await Worker.FollowUpsAsync(participantId)).GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("policyId").GetString() == "income-support:monthly-review").ToList();

    public async Task<List<JsonElement>> SelfSufficientOutcomesAsync(Guid participantId)
    {
        var outcomes = await Worker.OutcomesAsync(participantId);
        var items = outcomes.ValueKind == JsonValueKind.Array ? outcomes : outcomes.GetProperty("items");
        return items.EnumerateArray().Where(o => o.GetProperty("type").GetString() == "selfSufficient").ToList();
    }
}
