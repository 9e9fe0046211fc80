using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Integration.Host.Audit;
using Integration.Host.Configuration;
using Integration.Host.Tests.Infrastructure;
using Integration.Host.Tests.Participants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Integration.Host.Tests.Api;

/// <summary>
/// The host works on at most <c>Integration:Http:MaxConcurrentRequests</c> requests at once; others wait in line, and
/// one beyond <c>RequestQueueLimit</c> gets a 503 problem asking it to come back. Health probes never wait.
/// </summary>
public sealed class RequestConcurrencyTests
{
    [Fact]
    public async Task A_request_beyond_the_limit_and_the_line_gets_503_with_retry_after_while_health_probes_still_answer()
    {
        // A real server: the request whose body is held must be in the pipeline (past the limiter) before its body
        // arrives, as it is on Kestrel, which starts a request on its headers.
        using var data = TestPaths.NewTempFolder("request-concurrency");
        await using var host = await RunningHost.StartAsync(data.Path, Path.Combine(data.Path, "no-plugins"), new Dictionary<string, string>
        {
            ["Integration__Http__MaxConcurrentRequests"] = "1",
            ["Integration__Http__RequestQueueLimit"] = "0",
        });
        using var admin = await host.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);

        // A request whose body arrives only when released holds the one permit meanwhile.
        var body = new HeldContent();
        var held = admin.PostAsync(new Uri("/api/tenants", UriKind.Relative), body);
        await body.Started.WaitAsync(TimeSpan.FromSeconds(30));

        // The held request reaches the limiter on the server's side at its own pace: until it has, a probe may still
        // get the permit and an answer.
        var rejected = await Eventually.WaitForAsync(
            () => admin.GetAsync(new Uri("/api/auth/me", UriKind.Relative)),
            response => response.StatusCode != HttpStatusCode.OK,
            "a request turned away while the permit is held");
        using var anonymous = host.Anonymous();
        var live = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        body.Release();
        var finished = await held;
        var afterwards = await admin.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        var problem = await rejected.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("1", rejected.Headers.GetValues("Retry-After").Single());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, finished.StatusCode); // the held body was an empty tenant
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task Requests_within_the_line_wait_for_their_turn_and_are_all_answered()
    {
        await using var host = OneAtATime(queueLimit: 100);
        var tenant = await host.CreateTenantAsync("Åre kommun", "2321");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tenant.Admin.GetAsync(new Uri("/api/programmes", UriKind.Relative))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task A_read_waiting_for_its_audit_entries_to_be_committed_gives_its_place_to_the_next_request()
    {
        await using var host = OneAtATime(queueLimit: 0);
        var tenant = await host.CreateTenantAsync("Åre kommun", "2321");
        var worker = await host.CreateStaffAsync(tenant, "caseWorker");
        var created = await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person());
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
        var writer = host.Services.GetRequiredService<AuditReadWriter>();

        // Another connection holds the read log's write lock (SQLite) or its table (PostgreSQL), so the audit writer
        // cannot commit the search's entries until it lets go.
        await using var blocker = host.AuditReadLogConnection();
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        if (host.OnPostgreSql)
        {
            await using var lockTable = blocker.CreateCommand();
            lockTable.Transaction = transaction;
            lockTable.CommandText = "LOCK TABLE core_audit_reads IN EXCLUSIVE MODE";
            await lockTable.ExecuteNonQueryAsync();
        }

        var search = worker.GetAsync(new Uri("/api/participants?q=amina", UriKind.Relative));
        await Eventually.WaitForAsync(() => Task.FromResult(writer.PendingWrites), n => n == 1, "the search's entries handed to the audit writer");

        // With one request at a time and no line, this would be turned away (503) if the search still held its place.
        var meanwhile = await worker.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        var searchAnsweredEarly = search.IsCompleted;
        await transaction.RollbackAsync();
        var answered = await search;

        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.False(searchAnsweredEarly, "the search answered before its audit entries were committed");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var log = await (await tenant.Admin.GetAsync(new Uri($"/api/audit?participantId={id}", UriKind.Relative))).ReadJsonAsync();
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "read");
    }

    [Theory]
    [InlineData("Integration:Http:MaxConcurrentRequests", "0")]
    [InlineData("Integration:Http:MaxConcurrentRequests", "many")]
    [InlineData("Integration:Http:RequestQueueLimit", "-1")]
    public void A_wrong_limit_names_the_setting(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => IntegrationSettingsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)])
            .Build()));

        Assert.Equal(key, error.Setting);
    }

    [Fact]
    public void The_default_limit_is_four_requests_per_core_with_a_line_of_a_thousand()
    {
        var settings = IntegrationSettingsReader.Read(new ConfigurationBuilder().Build());

        Assert.Equal(4 * Environment.ProcessorCount, settings.Http.MaxConcurrentRequests);
        Assert.Equal(1000, settings.Http.RequestQueueLimit);
    }

    /// <summary>A host that works on one request at a time, with a line of <paramref name="queueLimit"/>.</summary>
    private static TestHost OneAtATime(int queueLimit) => new(settings: new Dictionary<string, string?>
    {
        ["Integration:Http:MaxConcurrentRequests"] = "1",
        ["Integration:Http:RequestQueueLimit"] = queueLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    /// <summary>A JSON body (an empty object) that is finished only after <see cref="Release"/>.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldContent() => Headers.ContentType = new MediaTypeHeaderValue("application/json");

        public Task Started => started.Task;

        public void Release() => released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // The headers go out with the first bytes of the body, so the body begins at once and ends on release.
            await stream.WriteAsync("{"u8.ToArray());
            await stream.FlushAsync();
            started.TrySetResult();
            await released.Task;
            await stream.WriteAsync("}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
