using System.Net.Http.Json;
using System.Text.Json;
using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Host.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>What the module does through the contract for the host: merges, the register extract and the demo data.</summary>
public sealed class ParticipantContractTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    [Fact]
    public async Task A_merge_moves_attendance_proposals_and_reminders_to_the_survivor_keeping_one_line_per_event()
    {
        var t = await host.NewTenantAsync();
        var survivor = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-60));
        await t.ExitAsync(survivor, t.Today.AddDays(-20));
        var duplicate = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-60));
        var both = Id(await t.EventAsync(("date", t.Today.AddDays(-30))));
        await t.AttendAsync(both, (survivor, null), (duplicate, 4));
        var later = Id(await t.EventAsync(("date", t.Today.AddDays(-10))));
        await t.AttendAsync(later, (duplicate, 5));
        var proposal = await t.SendAsync(await t.ProposalAsync(later, "housing", duplicate), t.Today.AddDays(-9));

        var merge = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();
        var again = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(4, ModuleMoved(merge));
        Assert.Equal(0, ModuleMoved(again));
        var attendance = (await t.AttendanceAsync(both)).GetProperty("participants").EnumerateArray().Single();
        Assert.Equal((survivor, 4), (attendance.GetProperty("participantId").GetGuid(), attendance.GetProperty("influenceScore").GetInt32()));
        Assert.Equal(survivor, (await t.AttendanceAsync(later)).GetProperty("participants")[0].GetProperty("participantId").GetGuid());
        var moved = await t.ProposalByIdAsync(Id(proposal));
        Assert.Equal([survivor], moved.GetProperty("raisedBy").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Equal(survivor, moved.GetProperty("reminderParticipantId").GetGuid());
        Assert.Equal(1, (await (await t.Worker.GetAsync($"{Api}/participants/{survivor}/influence")).ReadJsonAsync()).GetProperty("change").GetInt32());

        await t.AnswerAsync(moved, "accepted", t.Today);
        Assert.Equal("cancelled", (await t.RemindersAsync(survivor)).Single().GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_register_extract_lists_events_attended_and_proposals_raised()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        var stranger = await t.ParticipantAsync();
        var eventId = Id(await t.EventAsync(("topic", "Bostäder för unga")));
        await t.AttendAsync(eventId, (amina, 3));
        await t.SendAsync(await t.ProposalAsync(eventId, "housing", amina), t.Today);

        var extract = await (await t.Admin.GetAsync($"/api/participants/{amina}/export")).ReadJsonAsync();
        var nothing = await (await t.Admin.GetAsync($"/api/participants/{stranger}/export")).ReadJsonAsync();

        var part = extract.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module);
        Assert.False(part.GetProperty("sensitive").GetBoolean());
        var data = part.GetProperty("data");
        var attended = data.GetProperty("attendance").EnumerateArray().Single();
        Assert.Equal(("Bostäder för unga", 3), (attended.GetProperty("topic").GetString(), attended.GetProperty("influenceScore").GetInt32()));
        var raised = data.GetProperty("proposalsRaised").EnumerateArray().Single();
        Assert.Equal(("housing", "Kommunfullmäktige"), (raised.GetProperty("theme").GetString(), raised.GetProperty("sentTo").GetString()));
        Assert.DoesNotContain(nothing.GetProperty("modules").EnumerateArray(), m => m.GetProperty("moduleId").GetString() == Module);
    }

    [Fact]
    public async Task The_demo_data_fills_the_programme_the_same_way_each_time_and_only_once()
    {
        var t = await host.NewTenantAsync();
        var twin = await host.NewTenantAsync();
        var programme = await DemoProgrammeAsync(t);
        var twinProgramme = await DemoProgrammeAsync(twin);

        await SeedAsync(t, programme);
        await SeedAsync(t, programme);
        await SeedAsync(twin, twinProgramme);

        var events = (await (await t.Worker.GetAsync($"{Api}/events?pageSize=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var twinEvents = (await (await twin.Worker.GetAsync($"{Api}/events?pageSize=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(events.Count, 4, 11);
        Assert.Equal(events.Select(Summary), twinEvents.Select(Summary));
        Assert.Single(events, e => DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > t.Today);
        Assert.True(events.Sum(e => e.GetProperty("registeredAttendance").GetInt32()) > 0);
        var proposals = (await (await t.Worker.GetAsync($"{Api}/proposals?pageSize=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(proposals);
        var waiting = proposals.Where(p => p.GetProperty("status").GetString() == "sent").ToList();
        Assert.All(waiting, p => Assert.Equal("followUp", p.GetProperty("reminder").GetString()));
        foreach (var p in waiting)
        {
            Assert.NotEmpty(await t.RemindersAsync(p.GetProperty("reminderParticipantId").GetGuid()));
        }

        // Attendance only while enrolled: the participant who has not started yet attended nothing.
        var late = programme.Enrolments.Single(e => e.StartDate is null).ParticipantId;
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/participants/{late}/influence")).ReadJsonAsync()).GetProperty("assessments").EnumerateArray());
    }

    private static string Summary(JsonElement e) =>
        $"{e.GetProperty("date").GetString()} {e.GetProperty("topic").GetString()} {e.GetProperty("registeredAttendance").GetInt32()} {e.GetProperty("anonymousAttendance").GetInt32()} {e.GetProperty("proposals").GetInt32()}";

    private static async Task<DemoProgramme> DemoProgrammeAsync(DialogueTenant t)
    {
        var enrolments = new List<DemoEnrolment>();
        foreach (var (gender, days) in new[] { (Gender.Woman, 200), (Gender.Man, 180), (Gender.Woman, 120), (Gender.Man, 90), (Gender.Woman, 60) })
        {
            var id = await t.ParticipantAsync(gender == Gender.Woman ? "woman" : "man", 1985, enrolledFrom: t.Today.AddDays(-days));
            enrolments.Add(new DemoEnrolment(Guid.NewGuid(), id, gender, 1985, ["ar", "sv"], EnrolmentStatus.Active, t.Today.AddDays(-days), null, null));
        }

        var referred = await t.ParticipantAsync(enrol: false);
        enrolments.Add(new DemoEnrolment(Guid.NewGuid(), referred, Gender.Woman, 1990, ["ti"], EnrolmentStatus.Referred, null, null, null));
        return new DemoProgramme(t.Setup.Id, t.Programme, "Hållbar integration (demo)", "2321", t.Today, 42, enrolments);
    }

    private async Task SeedAsync(DialogueTenant t, DemoProgramme programme)
    {
        await using var scope = TenantScope(t);
        await scope.ServiceProvider.GetServices<IDemoDataContributor>().Single(c => c.ModuleId == Module).SeedAsync(programme, default);
    }

    /// <summary>A container scope in the tenant's context, as the host's jobs and demo seeding run.</summary>
    private AsyncServiceScope TenantScope(DialogueTenant t)
    {
        var scope = host.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(t.Setup.Id);
        return scope;
    }

    private static int ModuleMoved(JsonElement merge) =>
        merge.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module).GetProperty("moved").GetInt32();
}
