using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>Dialogue events: recording, reading, listing, changing with a version, every field rule, tenants and permissions.</summary>
public sealed class EventTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    [Fact]
    public async Task An_event_is_recorded_with_every_field_and_read_back_with_its_version()
    {
        var t = await host.NewTenantAsync();

        var created = await t.EventAsync(("format", "interreligiousDialogue"), ("partnerOrganisations", new[] { "Studieförbundet", "Församlingen" }));
        var response = await t.Worker.GetAsync($"{Api}/events/{Id(created)}");
        var read = await response.ReadJsonAsync();

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("interreligiousDialogue", read.GetProperty("format").GetString());
        Assert.Equal(t.Programme, read.GetProperty("programmeId").GetGuid());
        Assert.Equal(t.Today.AddDays(-7), DateOnly.Parse(read.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["ar", "ti"], read.GetProperty("interpretation").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["Studieförbundet", "Församlingen"], read.GetProperty("partnerOrganisations").EnumerateArray().Select(l => l.GetString()));
        Assert.True(read.GetProperty("open").GetBoolean());
        Assert.Equal("Projektmedarbetare", read.GetProperty("facilitator").GetString());
        Assert.Equal(0, read.GetProperty("registeredAttendance").GetInt32());
    }

    [Theory]
    [InlineData("programmeId", null)]
    [InlineData("topic", "  ")]
    [InlineData("format", "party")]
    [InlineData("format", null)]
    [InlineData("date", null)]
    [InlineData("date", "1999-12-31")]
    [InlineData("place", "")]
    [InlineData("facilitator", null)]
    [InlineData("open", null)]
    public async Task A_wrong_field_is_named_and_nothing_is_stored(string field, string? value)
    {
        var t = await host.NewTenantAsync();

        var response = await t.Worker.PostAsJsonAsync($"{Api}/events", t.EventBody((field, value)));

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/events")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Lists_languages_dates_and_texts_are_checked_element_by_element()
    {
        var t = await host.NewTenantAsync();
        async Task Refused(string field, params (string, object?)[] changes) =>
            await (await t.Worker.PostAsJsonAsync($"{Api}/events", t.EventBody(changes))).AssertFieldErrorAsync(field);

        await Refused("languages", ("languages", Array.Empty<string>()));
        await Refused("languages[1]", ("languages", new[] { "sv", "Swedish" }));
        await Refused("languages[1]", ("languages", new[] { "sv", "sv" }));
        await Refused("interpretation[0]", ("interpretation", new[] { "AR" }));
        await Refused("interpretation", ("languages", new[] { "sv", "ar" }), ("interpretation", new[] { "ar" }));
        await Refused("partnerOrganisations[1]", ("partnerOrganisations", new[] { "Studieförbundet", "studieförbundet" }));
        await Refused("partnerOrganisations[0]", ("partnerOrganisations", new[] { " " }));
        await Refused("topic", ("topic", new string('x', 201)));
        await Refused("date", ("date", t.Today.AddYears(2).AddDays(1)));
        await (await t.Worker.PostAsJsonAsync($"{Api}/events", t.EventBody(("open", "yes")))).AssertFieldErrorAsync("open");

        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/events")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_change_needs_the_current_version()
    {
        var t = await host.NewTenantAsync();
        var created = await t.EventAsync();
        var url = $"{Api}/events/{Id(created)}";

        var withoutVersion = await t.Worker.PutAsJsonAsync(url, t.EventBody(("topic", "Nytt ämne")));
        var changed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, t.EventBody(("topic", "Nytt ämne")), 1))).ReadJsonAsync();
        var stale = await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, t.EventBody(("topic", "Tredje")), 1));

        await withoutVersion.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(2, Version(changed));
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Nytt ämne", (await (await t.Worker.GetAsync(url)).ReadJsonAsync()).GetProperty("topic").GetString());
    }

    [Fact]
    public async Task A_change_cannot_leave_recorded_attendance_or_proposals_wrong()
    {
        var t = await host.NewTenantAsync();
        var participant = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-30));
        var e = await t.EventAsync();
        var eventId = Id(e);
        await t.AttendAsync(eventId, (participant, 3));
        (await t.RecordAttendanceAsync(eventId, new { headCounts = new[] { new { gender = "man", ageBand = "from18To29", count = 4 } } })).EnsureSuccessStatusCode();
        var proposal = await t.ProposalAsync(eventId, "transport", participant);
        await t.SendAsync(proposal, t.Today.AddDays(-3));
        var otherProgramme = await t.Admin.CreateProgrammeAsync(DialogueHost.Module);
        var version = Version(await (await t.Worker.GetAsync($"{Api}/events/{eventId}")).ReadJsonAsync());
        async Task Refused(string field, params (string, object?)[] changes) =>
            await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/events/{eventId}", t.EventBody(changes), version))).AssertFieldErrorAsync(field);

        await Refused("programmeId", ("programmeId", otherProgramme));
        await Refused("open", ("open", false));
        await Refused("date", ("date", t.Today.AddDays(1)));
        await Refused("date", ("date", t.Today.AddDays(-2)));
        await Refused("date", ("date", t.Today.AddDays(-40)));

        var moved = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/events/{eventId}", t.EventBody(("date", t.Today.AddDays(-10))), version))).ReadJsonAsync();
        Assert.Equal(version + 1, Version(moved));
    }

    [Fact]
    public async Task The_list_filters_by_date_programme_and_format_newest_first()
    {
        var t = await host.NewTenantAsync();
        var other = await t.Admin.CreateProgrammeAsync(DialogueHost.Module);
        await t.EventAsync(("date", t.Today.AddDays(-30)), ("format", "citizenPanel"));
        var latest = await t.EventAsync(("date", t.Today.AddDays(-1)));
        await t.EventAsync(("date", t.Today.AddDays(-5)), ("programmeId", other));

        var all = await (await t.Worker.GetAsync($"{Api}/events")).ReadJsonAsync();
        var panels = await (await t.Worker.GetAsync($"{Api}/events?format=citizen-panel")).ReadJsonAsync();
        var recent = await (await t.Worker.GetAsync($"{Api}/events?from={t.Today.AddDays(-10):yyyy-MM-dd}&programmeId={t.Programme}")).ReadJsonAsync();

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(Id(latest), Id(all.GetProperty("items")[0]));
        Assert.Equal(1, panels.GetProperty("total").GetInt32());
        Assert.Equal(Id(latest), Id(recent.GetProperty("items").EnumerateArray().Single()));
        await (await t.Worker.GetAsync($"{Api}/events?format=party")).AssertFieldErrorAsync("format");
        await (await t.Worker.GetAsync($"{Api}/events?pageSize=500")).AssertFieldErrorAsync("pageSize");
        await (await t.Worker.GetAsync($"{Api}/events?from=2026-02-01&to=2026-01-01")).AssertFieldErrorAsync("to");
    }

    [Fact]
    public async Task The_openapi_document_shows_the_endpoints_with_their_bodies()
    {
        var document = await (await host.Host.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty($"{Api}/events/{{eventId}}/attendance", out var attendance));
        Assert.Equal("DemocracyDialogueRecordAttendance", attendance.GetProperty("post").GetProperty("operationId").GetString());
        Assert.True(paths.TryGetProperty($"{Api}/proposals/{{proposalId}}/answer", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("DialogueEventRequest", out _));
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_every_record_and_an_analyst_may_neither_read_nor_write()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var participant = await t.ParticipantAsync();
        var eventId = Id(await t.EventAsync());
        await t.AttendAsync(eventId, (participant, 2));
        var proposalId = Id(await t.ProposalAsync(eventId, "schools", participant));

        await (await other.Worker.GetAsync($"{Api}/events/{eventId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.GetAsync($"{Api}/events/{eventId}/attendance")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.GetAsync($"{Api}/proposals/{proposalId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/events/{eventId}", other.EventBody(), 1))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{Api}/events/{eventId}/attendance", new { participants = new[] { new { participantId = participant } } })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{Api}/events/{eventId}/proposals", new { text = "x", theme = "other" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.GetAsync($"{Api}/participants/{participant}/influence")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.Worker.GetAsync($"{Api}/events")).ReadJsonAsync()).GetProperty("total").GetInt32());

        var analyst = await host.Host.CreateStaffAsync(t.Setup, "analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"{Api}/events", t.EventBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"{Api}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"{Api}/events/{eventId}/attendance", new { participants = new[] { new { participantId = participant } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"{Api}/proposals/{proposalId}")).StatusCode);
        Assert.Equal(1, (await (await t.Worker.GetAsync($"{Api}/events")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }
}
