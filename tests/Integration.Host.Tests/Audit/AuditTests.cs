using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Integration.Host.Tests.Participants;

namespace Integration.Host.Tests.Audit;

/// <summary>Every read and change of a participant's data leaves an entry that nobody can change.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private TenantSetup tenant = null!;
    private HttpClient worker = null!;

    public async Task InitializeAsync()
    {
        tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Create_read_search_and_update_are_audited_with_the_changed_fields()
    {
        var created = await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person());
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
        (await worker.GetAsync($"/api/participants/{id}")).EnsureSuccessStatusCode();
        (await worker.GetAsync("/api/participants?q=amina")).EnsureSuccessStatusCode();
        var changed = ParticipantTests.Person("Amina", "Hassan-Ali");
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/api/participants/{id}") { Content = JsonContent.Create(changed) })
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(created.Headers.ETag!.Tag));
            (await worker.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var log = await (await tenant.Admin.GetAsync($"/api/audit?participantId={id}")).ReadJsonAsync();
        var entries = log.GetProperty("items").EnumerateArray().Reverse().ToList();

        Assert.Equal(["create", "read", "read", "update"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("caseWorker", e.GetProperty("actorName").GetString()));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("requestId").GetString())));
        Assert.Equal(["familyName"], entries[3].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Reads_that_run_at_the_same_time_each_have_their_entries_when_they_answer()
    {
        var created = await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person());
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
        var other = await host.CreateStaffAsync(tenant, "caseWorker");

        // Forty list reads at once by two users, written by the audit writer in shared transactions.
        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? worker : other).GetAsync("/api/participants?q=amina")));

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var log = await (await tenant.Admin.GetAsync($"/api/audit?participantId={id}&pageSize=200")).ReadJsonAsync();
        var read = log.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "read").ToList();
        Assert.Equal(40, read.Count);
        Assert.Equal(40, read.Select(e => e.GetProperty("requestId").GetString()).Distinct().Count());
        Assert.Equal(2, read.Select(e => e.GetProperty("actorUserId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Only_tenant_admins_read_the_log()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_entries_are_not_shown()
    {
        var other = await host.CreateTenantAsync("Åre kommun", "2321");
        (await other.Admin.PostAsJsonAsync("/api/participants", ParticipantTests.Person())).EnsureSuccessStatusCode();

        var log = await (await tenant.Admin.GetAsync("/api/audit")).ReadJsonAsync();

        Assert.Equal(0, log.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("core_audit_entries")]
    [InlineData("core_audit_reads")]
    public async Task The_database_refuses_to_change_or_delete_an_entry(string table)
    {
        (await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person())).EnsureSuccessStatusCode();
        (await worker.GetAsync("/api/participants?q=amina")).EnsureSuccessStatusCode();
        await using var connection = table == "core_audit_reads" ? host.AuditReadLogConnection() : host.DatabaseConnection();
        await connection.OpenAsync();
        Assert.True(await CountAsync(connection, table) > 0, $"{table} has no entry to change");

        foreach (var sql in new[] { $"UPDATE {table} SET \"ActorName\" = 'someone else'", $"DELETE FROM {table}" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reads_are_logged_apart_from_the_records_and_listed_with_the_changes_newest_first()
    {
        var created = await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person());
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
        await using var records = host.DatabaseConnection();
        await records.OpenAsync();
        await using var readLog = host.AuditReadLogConnection();
        await readLog.OpenAsync();
        var recordEntriesBefore = await CountAsync(records, "core_audit_entries");

        (await worker.GetAsync("/api/participants?q=amina")).EnsureSuccessStatusCode();
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/api/participants/{id}") { Content = JsonContent.Create(ParticipantTests.Person("Amina", "Hassan-Ali")) })
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(created.Headers.ETag!.Tag));
            (await worker.SendAsync(request)).EnsureSuccessStatusCode();
        }

        (await worker.GetAsync("/api/participants?q=amina")).EnsureSuccessStatusCode();

        // The two searches went to the read log; the records' log got the update only.
        Assert.Equal(recordEntriesBefore + 1, await CountAsync(records, "core_audit_entries"));
        Assert.Equal(2, await CountAsync(readLog, "core_audit_reads"));

        var all = await (await tenant.Admin.GetAsync($"/api/audit?participantId={id}")).ReadJsonAsync();
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["read", "update", "read", "create"], items.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        var ids = items.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.All([ids[0], ids[2]], readId => Assert.True(readId >= 1_000_000_000_000_000, $"read log id {readId} is not in its own range"));

        // Page by page, the same entries in the same order, each once.
        var paged = new List<long>();
        for (var page = 1; page <= 5; page++)
        {
            var one = await (await tenant.Admin.GetAsync($"/api/audit?participantId={id}&pageSize=1&page={page}")).ReadJsonAsync();
            Assert.Equal(4, one.GetProperty("total").GetInt32());
            paged.AddRange(one.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        }

        Assert.Equal(ids, paged);
        var reads = await (await tenant.Admin.GetAsync($"/api/audit?participantId={id}&action=read")).ReadJsonAsync();
        Assert.Equal(2, reads.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_page_too_far_out_is_refused_naming_the_page()
    {
        var answer = await tenant.Admin.GetAsync("/api/audit?page=2000000000&pageSize=200");

        var problem = await answer.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _), problem.ToString());
    }

    private static async Task<long> CountAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
