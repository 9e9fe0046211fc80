using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Host.Tests.Infrastructure;
using Integration.Host.Tests.Participants;

namespace Integration.Host.Tests.Enrolments;

/// <summary>Enrolments, their status changes, ESF+ participation counting, and outcomes (by staff and by modules).</summary>
public sealed class EnrolmentTests : IAsyncLifetime
{
    private const string Module = FixturePlugins.NotesModuleId;
    private readonly TempFolder root = TestPaths.NewTempFolder("enrolments");
    private TestHost host = null!;
    private TenantSetup tenant = null!;
    private HttpClient worker = null!;
    private Guid programme;

    public async Task InitializeAsync()
    {
        host = new TestHost(await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes));
        tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
        (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/{Module}", null)).EnsureSuccessStatusCode();
        programme = await CreateProgrammeAsync(planned: 1);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task Enrolment_moves_through_its_statuses_and_the_participation_follows()
    {
        var participant = await RegisterAsync();
        var enrolment = await EnrolAsync(participant, referredOn: "2024-01-10");

        enrolment = await MoveAsync(enrolment, new { status = "waitlisted", date = "2024-01-15" });
        enrolment = await MoveAsync(enrolment, new { status = "active", date = "2024-02-01" });
        enrolment = await MoveAsync(enrolment, new { status = "paused", date = "2024-03-01" });
        enrolment = await MoveAsync(enrolment, new { status = "active", date = "2024-03-15" });
        var exited = await MoveAsync(enrolment, new { status = "exited", date = "2024-06-30", exitReason = "employment" });

        Assert.Equal("2024-02-01", exited.GetProperty("startDate").GetString());
        Assert.Equal("2024-06-30", exited.GetProperty("exitDate").GetString());
        Assert.Equal("employment", exited.GetProperty("exitReason").GetString());
        Assert.Empty(exited.GetProperty("allowedNext").EnumerateArray());
        var programmeRead = await (await worker.GetAsync($"/api/programmes/{programme}")).ReadJsonAsync();
        Assert.Equal(1, programmeRead.GetProperty("participants").GetInt32());
        Assert.Equal(1, programmeRead.GetProperty("participantsByGender").GetProperty("woman").GetInt32());
    }

    [Fact]
    public async Task Invalid_changes_name_the_field_and_change_nothing()
    {
        var enrolment = await EnrolAsync(await RegisterAsync(), referredOn: "2024-01-10");
        var active = await MoveAsync(enrolment, new { status = "active", date = "2024-02-01" });

        await (await Move(active, new { status = "exited", date = "2024-03-01" })).AssertFieldErrorAsync("exitReason");
        await (await Move(active, new { status = "waitlisted", date = "2024-03-01" })).AssertFieldErrorAsync("status");
        await (await Move(active, new { status = "paused", date = "2024-01-20" })).AssertFieldErrorAsync("date");
        await (await Move(active, new { status = "paused", date = "2099-01-01" })).AssertFieldErrorAsync("date");
        await (await Move(active, new { status = "asleep" })).AssertFieldErrorAsync("status");
        var exited = await MoveAsync(active, new { status = "exited", date = "2024-05-01", exitReason = "studies" });
        await (await Move(exited, new { status = "active", date = "2024-06-01" })).AssertFieldErrorAsync("status");

        var read = await (await worker.GetAsync($"/api/enrolments/{Id(exited)}")).ReadJsonAsync();
        Assert.Equal("exited", read.GetProperty("status").GetString());
        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/enrolments/{Id(exited)}") { Content = JsonContent.Create(new { plannedEndDate = "2024-12-31" }) };
        change.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{read.GetProperty("version").GetInt64()}\""));
        await (await worker.SendAsync(change)).AssertFieldErrorAsync("plannedEndDate");
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = read.GetProperty("participantId").GetGuid(), programmeId = programme, moduleId = Module, status = "exited" })).AssertFieldErrorAsync("status");
    }

    [Fact]
    public async Task Enrolments_that_never_started_do_not_count_as_a_last_exit()
    {
        var participant = await RegisterAsync();
        var first = await EnrolAsync(participant, status: "active", startDate: "2024-02-01");
        await MoveAsync(first, new { status = "exited", date = "2024-03-31", exitReason = "completed" });
        var dropped = await EnrolAsync(participant, referredOn: "2024-06-01");
        await MoveAsync(dropped, new { status = "exited", date = "2024-07-01", exitReason = "droppedOut" });

        var participation = Assert.Single((await (await worker.GetAsync($"/api/participants/{participant}/participations")).ReadJsonAsync()).EnumerateArray());

        Assert.Equal("2024-02-01", participation.GetProperty("firstStart").GetString());
        Assert.Equal("2024-03-31", participation.GetProperty("lastExit").GetString());
    }

    [Fact]
    public async Task Stale_status_change_is_refused()
    {
        var enrolment = await EnrolAsync(await RegisterAsync(), referredOn: "2024-01-10");
        await MoveAsync(enrolment, new { status = "active", date = "2024-02-01" });

        var stale = await Move(enrolment, new { status = "waitlisted", date = "2024-02-02" });

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Enrolling_needs_an_enabled_module_that_the_open_programme_uses()
    {
        var participant = await RegisterAsync();
        var other = await CreateProgrammeAsync(modules: []);
        var closed = await CreateProgrammeAsync();
        using (var close = new HttpRequestMessage(HttpMethod.Post, $"/api/programmes/{closed}/close") { Content = JsonContent.Create(new { closedOn = "2024-06-01" }) })
        {
            close.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            (await tenant.Admin.SendAsync(close)).EnsureSuccessStatusCode();
        }

        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = other, moduleId = Module })).AssertFieldErrorAsync("moduleId");
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = closed, moduleId = Module })).AssertFieldErrorAsync("programmeId");
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = Guid.NewGuid(), programmeId = programme, moduleId = Module })).AssertFieldErrorAsync("participantId");
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = Module, status = "active", startDate = "2024-02-01", plannedEndDate = "2024-01-01" })).AssertFieldErrorAsync("plannedEndDate");
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = Module, status = "active" })).AssertFieldErrorAsync("startDate");
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = Module, referredOn = "2019-01-01" })).AssertFieldErrorAsync("referredOn");

        (await tenant.Admin.DeleteAsync($"/api/tenants/{tenant.Id}/modules/{Module}")).EnsureSuccessStatusCode();
        await (await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = Module })).AssertFieldErrorAsync("moduleId");
        Assert.Equal(0, (await (await worker.GetAsync($"/api/enrolments?participantId={participant}")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_participant_who_comes_back_keeps_one_participation_with_first_start_and_last_exit()
    {
        var participant = await RegisterAsync();
        var first = await EnrolAsync(participant, status: "active", startDate: "2024-02-01");
        await MoveAsync(first, new { status = "exited", date = "2024-04-01", exitReason = "droppedOut" });
        var again = await EnrolAsync(participant, referredOn: "2024-08-20");
        var open = await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = Module });
        var active = await MoveAsync(again, new { status = "active", date = "2024-09-01" });
        await MoveAsync(active, new { status = "exited", date = "2024-12-01", exitReason = "completed" });

        await open.AssertProblemAsync(HttpStatusCode.Conflict);
        var participation = Assert.Single((await (await worker.GetAsync($"/api/participants/{participant}/participations")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("2024-02-01", participation.GetProperty("firstStart").GetString());
        Assert.Equal("2024-12-01", participation.GetProperty("lastExit").GetString());
        Assert.Equal("unemployed", participation.GetProperty("entry").GetProperty("labourMarketStatus").GetString());
        var read = await (await worker.GetAsync($"/api/programmes/{programme}")).ReadJsonAsync();
        Assert.Equal(1, read.GetProperty("participants").GetInt32());
        Assert.Equal(2, (await (await worker.GetAsync($"/api/enrolments?participantId={participant}")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task More_participants_than_planned_is_allowed_and_shown()
    {
        await EnrolAsync(await RegisterAsync("Amina", "Hassan"), status: "active", startDate: "2024-02-01");
        await EnrolAsync(await RegisterAsync("Yonas", "Tesfaye", "man"), status: "active", startDate: "2024-02-01");

        var read = await (await worker.GetAsync($"/api/programmes/{programme}")).ReadJsonAsync();

        Assert.Equal(2, read.GetProperty("participants").GetInt32());
        Assert.True(read.GetProperty("overPlan").GetBoolean());
    }

    [Fact]
    public async Task Outcomes_are_recorded_attributed_listed_and_removed()
    {
        var participant = await RegisterAsync();
        var otherParticipant = await RegisterAsync("Yonas", "Tesfaye", "man");
        var enrolment = await EnrolAsync(participant, status: "active", startDate: "2024-02-01");
        var otherEnrolment = await EnrolAsync(otherParticipant, status: "active", startDate: "2024-02-01");
        var url = $"/api/participants/{participant}/outcomes";

        var outcome = await JsonOf(await worker.PostAsJsonAsync(url, new { type = "employed", detail = "partTime", date = "2024-05-02", source = "caseWorkerVerified", enrolmentId = Id(enrolment) }), HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync(url, new { type = "employed", detail = "sfi", date = "2024-05-02", source = "register" })).AssertFieldErrorAsync("detail");
        await (await worker.PostAsJsonAsync(url, new { type = "studies", date = "2099-05-02", source = "register" })).AssertFieldErrorAsync("date");
        await (await worker.PostAsJsonAsync(url, new { type = "studies", date = "2024-05-02", source = "rumour" })).AssertFieldErrorAsync("source");
        await (await worker.PostAsJsonAsync(url, new { type = "studies", date = "2024-05-02", source = "register", enrolmentId = Id(otherEnrolment) })).AssertFieldErrorAsync("enrolmentId");

        var list = await (await worker.GetAsync(url)).ReadJsonAsync();
        Assert.Equal("partTime", Assert.Single(list.EnumerateArray()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"{url}/{outcome.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Empty((await (await worker.GetAsync(url)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_module_reads_participants_and_records_outcomes_through_the_contract_and_is_audited()
    {
        var participant = await RegisterAsync();

        var note = await worker.PostAsJsonAsync($"/api/modules/{Module}/notes", new { text = "Samtal", participantId = participant });
        var badNote = await worker.PostAsJsonAsync($"/api/modules/{Module}/notes", new { text = "Samtal", participantId = Guid.NewGuid() });
        var recorded = await worker.PostAsync($"/api/modules/{Module}/participants/{participant}/job-seeking", null);

        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        await badNote.AssertFieldErrorAsync("participantId");
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var outcome = Assert.Single((await (await worker.GetAsync($"/api/participants/{participant}/outcomes")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("jobSeeking", outcome.GetProperty("type").GetString());
        Assert.Equal(Module, outcome.GetProperty("recordedByModule").GetString());
        var audit = await (await tenant.Admin.GetAsync($"/api/audit?participantId={participant}")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("actorKind").GetString() == "module" && e.GetProperty("actorName").GetString() == Module && e.GetProperty("action").GetString() == "read");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("actorKind").GetString() == "module" && e.GetProperty("recordType").GetString() == "outcome");
    }

    private async Task<Guid> CreateProgrammeAsync(int? planned = null, string[]? modules = null)
    {
        var body = new
        {
            name = $"Program {Guid.NewGuid():N}",
            funder = "esfPlus",
            projectNumber = "2015/00763",
            periodStart = "2024-01-01",
            periodEnd = "2026-12-31",
            plannedParticipants = planned,
            moduleIds = modules ?? [Module],
        };
        return (await JsonOf(await tenant.Admin.PostAsJsonAsync("/api/programmes", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> RegisterAsync(string given = "Amina", string family = "Hassan", string gender = "woman")
    {
        var person = ParticipantTests.Person(given, family);
        person["gender"] = gender;
        return (await JsonOf(await worker.PostAsJsonAsync("/api/participants", person), HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> EnrolAsync(Guid participant, string? referredOn = null, string? status = null, string? startDate = null) =>
        await JsonOf(await worker.PostAsJsonAsync("/api/enrolments", new { participantId = participant, programmeId = programme, moduleId = Module, referredOn, status, startDate }), HttpStatusCode.Created);

    private async Task<JsonElement> MoveAsync(JsonElement enrolment, object change) => await JsonOf(await Move(enrolment, change), HttpStatusCode.OK);

    private Task<HttpResponseMessage> Move(JsonElement enrolment, object change)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enrolments/{Id(enrolment)}/status") { Content = JsonContent.Create(change) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{enrolment.GetProperty("version").GetInt64()}\""));
        return worker.SendAsync(request);
    }

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private static Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode status) => response.ReadJsonAsync(status);
}
