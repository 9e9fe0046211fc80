using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>
/// The real host on SQLite with only the mentoring module loaded, on a fake clock; shared by the tests of a class, each
/// of which makes its own tenant (<see cref="NewTenantAsync"/>) so that tests see only their own records.
/// </summary>
public sealed class MentoringHost : IAsyncLifetime
{
    public const string Module = "mentoring";
    public const string Api = "/api/modules/" + Module;

    private int nextMunicipality = 10;

    public MentoringHost()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        Host = TestHost.ForModules([Module], clock: Clock);
    }

    public TestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>A municipality with the module enabled, a programme that uses it, its admin and a case worker.</summary>
    public async Task<MentoringTenant> NewTenantAsync()
    {
        var code = $"03{Interlocked.Increment(ref nextMunicipality):00}";
        var tenant = await Host.CreateTenantAsync($"Kommun {code}", code);
        await tenant.EnableModuleAsync(Module);
        var programme = await tenant.Admin.CreateProgrammeAsync(Module);
        var worker = await Host.CreateStaffAsync(tenant, "caseWorker");
        return new MentoringTenant(this, tenant, worker, programme);
    }

    public Task InitializeAsync() => Host.WhenReadyAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A request with <c>If-Match</c> set to <paramref name="version"/>.</summary>
    public static HttpRequestMessage Versioned(HttpMethod method, string url, object? body, long version)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return request;
    }

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    public static long Version(JsonElement element) => element.GetProperty("version").GetInt64();

    public static async Task<JsonElement> Created(HttpResponseMessage response) => await response.ReadJsonAsync(HttpStatusCode.Created);

    /// <summary>A body: the defaults with some fields changed (a null value sends null).</summary>
    public static Dictionary<string, object?> With(Dictionary<string, object?> defaults, params (string Field, object? Value)[] changes)
    {
        foreach (var (field, value) in changes)
        {
            defaults[field] = value;
        }

        return defaults;
    }
}
