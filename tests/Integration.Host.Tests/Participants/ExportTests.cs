using System.Net;
using System.Net.Http.Json;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Participants;

/// <summary>The register extract of one participant: the host's records, modules' parts, sensitive parts only when asked for.</summary>
public sealed class ExportTests : IAsyncLifetime
{
    private const string Module = FixturePlugins.NotesModuleId;
    private readonly TempFolder root = TestPaths.NewTempFolder("export");
    private TestHost host = null!;
    private TenantSetup tenant = null!;
    private HttpClient worker = null!;

    public async Task InitializeAsync()
    {
        host = new TestHost(await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes));
        tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
        await tenant.EnableModuleAsync(Module);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task The_extract_holds_every_host_record_and_the_sensitive_module_part_only_when_asked_for()
    {
        var participant = await worker.CreateParticipantAsync(givenName: "Export", familyName: "Testsson");
        var programme = await tenant.Admin.CreateProgrammeAsync(Module);
        var enrolment = await worker.EnrolAsync(participant, programme, Module, new DateOnly(2024, 2, 1));
        await worker.GiveConsentAsync(participant, "followUpContact");
        (await worker.PostAsJsonAsync($"/api/participants/{participant}/outcomes", new { type = "studies", detail = "sfi", date = "2024-03-01", source = "register", enrolmentId = enrolment })).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/modules/{Module}/notes", new { text = "Behöver tolk", participantId = participant })).EnsureSuccessStatusCode();

        var plain = await (await tenant.Admin.GetAsync($"/api/participants/{participant}/export")).ReadJsonAsync();
        Assert.Equal("Export", plain.GetProperty("participant").GetProperty("givenName").GetString());
        Assert.Single(plain.GetProperty("consents").EnumerateArray());
        Assert.Equal(enrolment, Assert.Single(plain.GetProperty("enrolments").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Single(plain.GetProperty("participations").EnumerateArray());
        Assert.Single(plain.GetProperty("outcomes").EnumerateArray());
        var omitted = Assert.Single(plain.GetProperty("modules").EnumerateArray());
        Assert.Equal(Module, omitted.GetProperty("moduleId").GetString());
        Assert.True(omitted.GetProperty("sensitive").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, omitted.GetProperty("data").ValueKind);
        Assert.Contains("includeSensitive", omitted.GetProperty("omitted").GetString());

        var full = await (await tenant.Admin.GetAsync($"/api/participants/{participant}/export?includeSensitive=true")).ReadJsonAsync();
        var notes = Assert.Single(full.GetProperty("modules").EnumerateArray()).GetProperty("data");
        Assert.Equal("Behöver tolk", Assert.Single(notes.EnumerateArray()).GetProperty("text").GetString());

        var audit = await (await tenant.Admin.GetAsync($"/api/audit?participantId={participant}")).ReadJsonAsync();
        var exports = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "export").ToList();
        Assert.Equal(2, exports.Count);
        var fields = exports.Select(e => string.Join(',', e.GetProperty("fields").EnumerateArray().Select(f => f.GetString()))).Order().ToList();
        Assert.Equal(["host", $"host,{Module}"], fields);
    }

    [Fact]
    public async Task Only_tenant_admins_export_and_only_their_own_tenants_participants()
    {
        var participant = await worker.CreateParticipantAsync();
        var other = await host.CreateTenantAsync("Avesta kommun", "2084");

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/participants/{participant}/export")).StatusCode);
        await (await other.Admin.GetAsync($"/api/participants/{participant}/export")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Admin.GetAsync($"/api/participants/{Guid.NewGuid()}/export")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
