using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>Sessions and the attendance of a whole cohort in one request, and the 75 % completion rule.</summary>
public sealed class AttendanceTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    [Fact]
    public async Task Attendance_of_the_whole_cohort_is_recorded_in_one_request_and_replaces_the_last()
    {
        var t = await host.NewTenantAsync();
        var (amal, bashir, ciwan) = (await t.ParticipantAsync(), await t.ParticipantAsync("man"), await t.ParticipantAsync());
        var cohort = await t.CohortWithAsync(amal, bashir, ciwan);
        var session = await t.SessionAsync(cohort, t.Today.AddDays(-2), "fTaxAndVat", 3);

        var recorded = await (await t.RecordAttendanceAsync(session, new
        {
            lines = new object[]
            {
                new { participantId = amal, status = "present" },
                new { participantId = bashir, status = "present", hours = 1.5 },
                new { participantId = ciwan, status = "excused" },
            },
        })).ReadJsonAsync();

        Assert.Equal(2L, Version(recorded));
        Assert.Equal("fTaxAndVat", recorded.GetProperty("topic").GetString());
        Assert.Equal([3m, 1.5m, 0m], recorded.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("hours").GetDecimal()));
        Assert.Equal(["present", "present", "excused"], recorded.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("status").GetString()));

        var again = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/sessions/{Id(session)}/attendance", new { lines = new[] { new { participantId = amal, status = "absent" } } }, 2))).ReadJsonAsync();
        Assert.Equal("absent", Assert.Single(again.GetProperty("attendance").EnumerateArray()).GetProperty("status").GetString());
        await (await t.RecordAttendanceAsync(session, new { lines = new[] { new { participantId = amal, status = "present" } } })).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Bad_lines_are_a_400_naming_the_line_and_nothing_is_stored()
    {
        var t = await host.NewTenantAsync();
        var member = await t.ParticipantAsync();
        var outsider = await t.ParticipantAsync();
        var cohort = await t.CohortWithAsync(member);
        var session = await t.SessionAsync(cohort, t.Today, hours: 2);
        var future = await t.SessionAsync(cohort, t.Today.AddDays(3));

        async Task Refused(object body, string field) => await (await t.RecordAttendanceAsync(session, body)).AssertFieldErrorAsync(field);
        await Refused(new { lines = new[] { new { participantId = member, status = "present" }, new { participantId = outsider, status = "present" } } }, "lines[1].participantId");
        await Refused(new { lines = new[] { new { participantId = member, status = "present" }, new { participantId = member, status = "absent" } } }, "lines[1].participantId");
        await Refused(new { lines = new[] { new { participantId = member, status = "late" } } }, "lines[0].status");
        await Refused(new { lines = new[] { new { participantId = member, status = "present", hours = 2.5 } } }, "lines[0].hours");
        await Refused(new { lines = new[] { new { participantId = member, status = "present", hours = 0.1 } } }, "lines[0].hours");
        await Refused(new { lines = new[] { new { participantId = member, status = "absent", hours = 1 } } }, "lines[0].hours");
        await Refused(new { lines = new[] { new { participantId = (Guid?)null, status = "present" } } }, "lines[0].participantId");
        await Refused(new { lines = Array.Empty<object>() }, "lines");
        await (await t.RecordAttendanceAsync(future, new { lines = new[] { new { participantId = member, status = "present" } } })).AssertFieldErrorAsync("lines");

        var read = await (await t.Worker.GetAsync($"{Api}/sessions/{Id(session)}")).ReadJsonAsync();
        Assert.Empty(read.GetProperty("attendance").EnumerateArray());
        Assert.Equal(1L, Version(read));
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/sessions/{Guid.NewGuid()}/attendance", new { lines = new[] { new { participantId = member, status = "present" } } }, 1))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("date", "2000-01-01", "businessPlan", "Rådgivare", 2.0)]
    [InlineData("date", null, "businessPlan", "Rådgivare", 2.0)]
    [InlineData("topic", "today", "astrology", "Rådgivare", 2.0)]
    [InlineData("topic", "today", null, "Rådgivare", 2.0)]
    [InlineData("teacher", "today", "marketing", " ", 2.0)]
    [InlineData("hours", "today", "permits", "Rådgivare", 0.0)]
    [InlineData("hours", "today", "permits", "Rådgivare", 12.5)]
    [InlineData("hours", "today", "permits", "Rådgivare", 1.3)]
    public async Task Bad_session_fields_are_a_400_naming_the_field_and_nothing_is_stored(string field, string? date, string? topic, string teacher, double hours)
    {
        var t = await host.NewTenantAsync();
        var cohort = Id(await t.CohortAsync());

        var day = date == "today" ? t.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : date;
        await (await t.Worker.PostAsJsonAsync($"{Api}/cohorts/{cohort}/sessions", new { date = day, topic, teacher, hours })).AssertFieldErrorAsync(field);

        Assert.Empty((await t.CohortByIdAsync(cohort)).GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public async Task A_member_present_at_three_of_four_sessions_has_completed_and_two_of_four_has_not()
    {
        var t = await host.NewTenantAsync();
        var (steady, halfway, excused) = (await t.ParticipantAsync(), await t.ParticipantAsync(), await t.ParticipantAsync());
        var cohort = await t.CohortWithAsync(steady, halfway, excused);
        for (var i = 0; i < 4; i++)
        {
            var session = await t.SessionAsync(cohort, t.Today.AddDays(-20 + (5 * i)));
            await t.AttendAsync(session, (steady, i == 0 ? "absent" : "present"), (halfway, i < 2 ? "present" : "absent"), (excused, i < 2 ? "present" : "excused"));
        }

        var members = (await t.CohortByIdAsync(cohort)).GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("participantId").GetGuid());

        Assert.Equal((3, 4, 9m, true), (members[steady].GetProperty("present").GetInt32(), members[steady].GetProperty("sessions").GetInt32(), members[steady].GetProperty("hoursPresent").GetDecimal(), members[steady].GetProperty("completed").GetBoolean()));
        Assert.False(members[halfway].GetProperty("completed").GetBoolean());
        Assert.False(members[excused].GetProperty("completed").GetBoolean());
    }
}
