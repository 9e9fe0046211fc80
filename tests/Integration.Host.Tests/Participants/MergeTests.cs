using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Participants;

/// <summary>Two records of the same person become one, with everything attached moved and the merge audited.</summary>
public sealed class MergeTests : IAsyncLifetime
{
    private const string Module = FixturePlugins.NotesModuleId;
    private readonly TempFolder root = TestPaths.NewTempFolder("merge");
    private TestHost host = null!;
    private TenantSetup tenant = null!;
    private HttpClient worker = null!;

    public async Task InitializeAsync()
    {
        host = new TestHost(await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes));
        tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
        (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/{Module}", null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task Merge_moves_enrolments_outcomes_consents_follow_ups_and_module_data_to_the_survivor()
    {
        var survivor = await Register(ParticipantTests.Person("Amina", "Hassan"));
        var duplicate = await Register(ParticipantTests.Person("Amina", "Hasan", "811218-9876"));
        var programme = await (await tenant.Admin.PostAsJsonAsync("/api/programmes", new { name = "P", funder = "amif", periodStart = "2020-01-01", periodEnd = "2030-12-31", moduleIds = new[] { Module } })).ReadJsonAsync(HttpStatusCode.Created);
        (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = duplicate, programmeId = programme.GetProperty("id").GetGuid(), moduleId = Module, status = "active", startDate = "2024-02-01" })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/participants/{duplicate}/outcomes", new { type = "studies", detail = "sfi", date = "2024-03-01", source = "register" })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/participants/{duplicate}/consents", new { purpose = "followUpContact" })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/modules/{Module}/notes", new { text = "Om dubbletten", participantId = duplicate })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync("/api/follow-ups", new { participantId = duplicate, kind = "phone-call", dueOn = "2030-01-01" })).EnsureSuccessStatusCode();

        var merged = await (await tenant.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(1, merged.GetProperty("moved").GetProperty("enrolments").GetInt32());
        Assert.Equal(1, merged.GetProperty("moved").GetProperty("outcomes").GetInt32());
        Assert.Equal(1, merged.GetProperty("moved").GetProperty("consents").GetInt32());
        Assert.Equal(1, merged.GetProperty("moved").GetProperty("followUps").GetInt32());
        var module = Assert.Single(merged.GetProperty("modules").EnumerateArray());
        Assert.Equal(1, module.GetProperty("moved").GetInt32());

        var survivorRead = await (await worker.GetAsync($"/api/participants/{survivor}")).ReadJsonAsync();
        var duplicateRead = await (await worker.GetAsync($"/api/participants/{duplicate}")).ReadJsonAsync();
        Assert.Equal("198112189876", survivorRead.GetProperty("identityNumber").GetString());
        Assert.Equal(survivor, duplicateRead.GetProperty("mergedIntoId").GetGuid());
        Assert.Single((await (await worker.GetAsync($"/api/participants/{survivor}/outcomes")).ReadJsonAsync()).EnumerateArray());
        Assert.Single((await (await worker.GetAsync($"/api/participants/{survivor}/participations")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(1, (await (await worker.GetAsync($"/api/follow-ups?participantId={survivor}")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(1, (await (await worker.GetAsync("/api/participants?q=amina")).ReadJsonAsync()).GetProperty("total").GetInt32());
        var notes = await (await worker.GetAsync($"/api/modules/{Module}/notes")).ReadJsonAsync();
        Assert.Equal(survivor, Assert.Single(notes.EnumerateArray()).GetProperty("participantId").GetGuid());
        var audit = await (await tenant.Admin.GetAsync("/api/audit?action=merge")).ReadJsonAsync();
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_one_consent_per_purpose_stays_in_force_after_a_merge()
    {
        var survivor = await Register(ParticipantTests.Person("Amina", "Hassan"));
        var duplicate = await Register(ParticipantTests.Person("Amina", "Hasan"));
        (await worker.PostAsJsonAsync($"/api/participants/{survivor}/consents", new { purpose = "followUpContact", givenOn = "2024-01-01" })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/participants/{duplicate}/consents", new { purpose = "followUpContact", givenOn = "2024-02-01" })).EnsureSuccessStatusCode();

        (await tenant.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).EnsureSuccessStatusCode();

        var consents = (await (await worker.GetAsync($"/api/participants/{survivor}/consents")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, consents.Count);
        Assert.Single(consents, c => c.GetProperty("inForce").GetBoolean());
    }

    [Fact]
    public async Task Merging_again_is_harmless()
    {
        var survivor = await Register(ParticipantTests.Person("Yonas", "Tesfaye"));
        var duplicate = await Register(ParticipantTests.Person("Yonas", "Tesfay"));

        (await tenant.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).EnsureSuccessStatusCode();
        var again = await (await tenant.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(0, again.GetProperty("moved").GetProperty("enrolments").GetInt32());
    }

    [Fact]
    public async Task Records_with_different_identity_numbers_are_not_merged()
    {
        var survivor = await Register(ParticipantTests.Person("Amina", "Hassan", "811218-9876"));
        var other = await Register(ParticipantTests.Person("Amina", "Hassan", "121212-1212"));

        await (await tenant.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = other })).AssertFieldErrorAsync("duplicateId");
        await (await tenant.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = survivor })).AssertFieldErrorAsync("duplicateId");
        Assert.Equal(JsonValueKind.Null, (await (await worker.GetAsync($"/api/participants/{other}")).ReadJsonAsync()).GetProperty("mergedIntoId").ValueKind);
    }

    [Fact]
    public async Task Only_tenant_admins_merge()
    {
        var a = await Register(ParticipantTests.Person("Amina", "Hassan"));
        var b = await Register(ParticipantTests.Person("Amina", "Hasan"));

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/participants/{a}/merge", new { duplicateId = b })).StatusCode);
    }

    private async Task<Guid> Register(Dictionary<string, object?> person) =>
        (await (await worker.PostAsJsonAsync("/api/participants", person)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
}
