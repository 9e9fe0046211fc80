using System.Net;
using System.Text.Json;
using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>Registered participants and anonymous head counts: replacing lines, every rule, all-or-nothing.</summary>
public sealed class AttendanceTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    [Fact]
    public async Task Registered_and_anonymous_attendance_add_up_and_recording_again_replaces_a_line()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        var karim = await t.ParticipantAsync("man");
        var eventId = Id(await t.EventAsync());

        await t.RecordAttendanceAsync(eventId, new
        {
            participants = new object[] { new { participantId = amina, influenceScore = 2 }, new { participantId = karim } },
            headCounts = new[] { new { gender = "woman", ageBand = "from30To54", count = 5 }, new { gender = "man", ageBand = "from55", count = 2 } },
        });
        var again = await (await t.RecordAttendanceAsync(eventId, new
        {
            participants = new[] { new { participantId = amina, influenceScore = 4 } },
            headCounts = new[] { new { gender = "woman", ageBand = "from30To54", count = 6 }, new { gender = "man", ageBand = "from55", count = 0 } },
        })).ReadJsonAsync();

        Assert.Equal(2, again.GetProperty("registered").GetInt32());
        Assert.Equal(6, again.GetProperty("anonymous").GetInt32());
        Assert.Equal(8, again.GetProperty("total").GetInt32());
        var lines = again.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(4, lines.Single(l => l.GetProperty("participantId").GetGuid() == amina).GetProperty("influenceScore").GetInt32());
        Assert.Equal(JsonValueKind.Null, lines.Single(l => l.GetProperty("participantId").GetGuid() == karim).GetProperty("influenceScore").ValueKind);
        Assert.StartsWith("Testa Deltagare", lines[0].GetProperty("displayName").GetString(), StringComparison.Ordinal);
        var count = again.GetProperty("headCounts").EnumerateArray().Single();
        Assert.Equal(("woman", "from30To54", 6), (count.GetProperty("gender").GetString(), count.GetProperty("ageBand").GetString(), count.GetProperty("count").GetInt32()));
        var read = await (await t.Worker.GetAsync($"{Api}/events/{eventId}")).ReadJsonAsync();
        Assert.Equal((2, 6, 3L), (read.GetProperty("registeredAttendance").GetInt32(), read.GetProperty("anonymousAttendance").GetInt32(), Version(read)));
    }

    [Fact]
    public async Task Participants_must_exist_and_be_enrolled_in_the_events_programme_on_its_day()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var eventId = Id(await t.EventAsync(("date", t.Today.AddDays(-20))));
        var otherProgramme = await t.Admin.CreateProgrammeAsync(DialogueHost.Module);
        var notEnrolled = await t.ParticipantAsync(enrol: false);
        var elsewhere = await t.ParticipantAsync(programmeId: otherProgramme);
        var startedLater = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-10));
        var exited = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-60));
        await t.ExitAsync(exited, t.Today.AddDays(-25));
        var foreign = await other.ParticipantAsync();

        foreach (var participant in new[] { Guid.NewGuid(), foreign, notEnrolled, elsewhere, startedLater, exited })
        {
            var response = await t.RecordAttendanceAsync(eventId, new { participants = new[] { new { participantId = participant } } });
            await response.AssertFieldErrorAsync("participants[0].participantId");
        }

        await (await t.RecordAttendanceAsync(eventId, new { participants = new[] { new { participantId = (Guid?)null } } })).AssertFieldErrorAsync("participants[0].participantId");
        Assert.Equal(0, (await t.AttendanceAsync(eventId)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task One_wrong_line_refuses_the_whole_request_and_names_each_wrong_line()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        var eventId = Id(await t.EventAsync());

        var response = await t.RecordAttendanceAsync(eventId, new
        {
            participants = new object?[] { new { participantId = amina, influenceScore = 3 }, new { participantId = amina }, new { participantId = Guid.NewGuid(), influenceScore = 6 }, null },
            headCounts = new object?[] { new { gender = "woman", ageBand = "from18To29", count = 3 }, new { gender = "woman", ageBand = "from18To29", count = 1 }, new { gender = "man", count = -1 }, null },
        });

        var problem = await response.AssertFieldErrorAsync("participants[1].participantId");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "participants[2].participantId", "participants[2].influenceScore", "participants[3]", "headCounts[1]", "headCounts[2].ageBand", "headCounts[2].count", "headCounts[3]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.False(errors.TryGetProperty("participants[0].participantId", out _));
        var attendance = await t.AttendanceAsync(eventId);
        Assert.Equal(0, attendance.GetProperty("total").GetInt32());
        Assert.Equal(1, Version(attendance));
    }

    [Fact]
    public async Task Head_counts_belong_to_open_events_and_attendance_to_held_ones()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        var closed = Id(await t.EventAsync(("open", false)));
        var planned = Id(await t.EventAsync(("date", t.Today.AddDays(3))));

        await (await t.RecordAttendanceAsync(closed, new { headCounts = new[] { new { gender = "woman", ageBand = "from18To29", count = 2 } } })).AssertFieldErrorAsync("headCounts");
        await (await t.RecordAttendanceAsync(planned, new { participants = new[] { new { participantId = amina } } })).AssertFieldErrorAsync("eventId");
        await (await t.RecordAttendanceAsync(closed, new { })).AssertFieldErrorAsync("participants");
        await (await t.RecordAttendanceAsync(closed, new { headCounts = new[] { new { gender = "woman", ageBand = "teen", count = 2 } } })).AssertFieldErrorAsync("headCounts[0].ageBand");
        await (await t.RecordAttendanceAsync(Guid.NewGuid(), new { participants = new[] { new { participantId = amina } } })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, (await t.AttendanceAsync(closed)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await t.AttendanceAsync(planned)).GetProperty("total").GetInt32());
        var registered = await t.AttendAsync(closed, (amina, null));
        Assert.Equal(1, registered.GetProperty("registered").GetInt32());
    }

    [Fact]
    public async Task A_line_recorded_by_mistake_is_removed_unless_the_participant_raised_a_proposal_there()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        var karim = await t.ParticipantAsync("man");
        var eventId = Id(await t.EventAsync());
        await t.AttendAsync(eventId, (amina, null), (karim, 3));
        await t.ProposalAsync(eventId, "leisure", amina);

        var refused = await t.Worker.DeleteAsync($"{Api}/events/{eventId}/attendance/participants/{amina}");
        var removed = await t.Worker.DeleteAsync($"{Api}/events/{eventId}/attendance/participants/{karim}");
        var again = await t.Worker.DeleteAsync($"{Api}/events/{eventId}/attendance/participants/{karim}");

        await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([amina], (await t.AttendanceAsync(eventId)).GetProperty("participants").EnumerateArray().Select(l => l.GetProperty("participantId").GetGuid()));
    }
}
