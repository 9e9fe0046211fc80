using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Modules.Health.Tests;

/// <summary>Course and physical-activity sessions, and the attendance of a whole group, rejected whole when any line is wrong.</summary>
public sealed class SessionTests(HealthHost host) : IClassFixture<HealthHost>
{
    [Fact]
    public async Task A_course_session_records_topic_language_and_interpreter_and_the_groups_attendance()
    {
        var t = await host.NewTenantAsync();
        var (a, b) = (await t.ParticipantAsync(), await t.ParticipantAsync("man"));
        var course = await t.CourseWithAsync(a, b);

        var session = await (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/sessions",
            new { date = t.Today.AddDays(-1), topic = "swedishHealthCare", interpreterLanguage = "ar", durationMinutes = 120, place = "Vårdcentralen" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = session.GetProperty("id").GetGuid();
        var recorded = await Attendance(t, id, "\"1\"", new { participantId = a.Id, status = "present" }, new { participantId = b.Id, status = "excused" });
        var body = await recorded.ReadJsonAsync();

        Assert.Equal("swedishHealthCare", session.GetProperty("topic").GetString());
        Assert.Equal("sv", session.GetProperty("language").GetString());
        Assert.Equal("ar", session.GetProperty("interpreterLanguage").GetString());
        Assert.Equal("\"2\"", recorded.Headers.ETag?.Tag);
        var lines = body.GetProperty("attendance").EnumerateArray().ToDictionary(l => l.GetProperty("participantId").GetGuid(), l => l.GetProperty("status").GetString());
        Assert.Equal("present", lines[a.Id]);
        Assert.Equal("excused", lines[b.Id]);

        var again = await (await Attendance(t, id, "\"2\"", new { participantId = a.Id, status = "absent" })).ReadJsonAsync();
        Assert.Equal("absent", Assert.Single(again.GetProperty("attendance").EnumerateArray()).GetProperty("status").GetString());
        var fromCourse = (await (await t.Worker.GetAsync($"{HealthHost.Base}/courses/{course}")).ReadJsonAsync()).GetProperty("sessions");
        Assert.Single(Assert.Single(fromCourse.EnumerateArray()).GetProperty("attendance").EnumerateArray());
    }

    [Theory]
    [InlineData("date", null, "diet", null, null, null)]
    [InlineData("date", 40, "diet", null, null, null)]
    [InlineData("topic", 0, null, null, null, null)]
    [InlineData("topic", 0, "yoga", null, null, null)]
    [InlineData("language", 0, "diet", "swedish", null, null)]
    [InlineData("interpreterLanguage", 0, "diet", "sv", "arabic", null)]
    [InlineData("durationMinutes", 0, "diet", "sv", null, 0)]
    [InlineData("durationMinutes", 0, "diet", "sv", null, 601)]
    public async Task Bad_course_session_fields_name_the_field_and_nothing_is_stored(string field, int? dayOffset, string? topic, string? language, string? interpreter, int? minutes)
    {
        var t = await host.NewTenantAsync();
        var course = (await t.CourseAsync()).GetProperty("id").GetGuid();

        var response = await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/sessions",
            new { date = dayOffset is { } d ? t.Today.AddDays(d) : (DateOnly?)null, topic, language, interpreterLanguage = interpreter, durationMinutes = minutes });

        await response.AssertFieldErrorAsync(field);
        Assert.Empty((await (await t.Worker.GetAsync($"{HealthHost.Base}/courses/{course}")).ReadJsonAsync()).GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public async Task One_wrong_line_rejects_the_whole_group_and_nothing_changes()
    {
        var t = await host.NewTenantAsync();
        var (a, b) = (await t.ParticipantAsync(), await t.ParticipantAsync());
        var outsider = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(a, b);
        var session = (await (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/sessions", new { date = t.Today, topic = "mentalHealth" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await Attendance(t, session, "\"1\"", new { participantId = a.Id, status = "present" })).EnsureSuccessStatusCode();

        await (await Attendance(t, session, "\"2\"", new { participantId = b.Id, status = "present" }, new { participantId = outsider.Id, status = "present" })).AssertFieldErrorAsync("lines[1].participantId");
        await (await Attendance(t, session, "\"2\"", new { participantId = b.Id, status = "present" }, new { participantId = b.Id, status = "absent" })).AssertFieldErrorAsync("lines[1].participantId");
        await (await Attendance(t, session, "\"2\"", new { participantId = b.Id, status = "late" })).AssertFieldErrorAsync("lines[0].status");
        await (await Attendance(t, session, "\"2\"", new { status = "present" })).AssertFieldErrorAsync("lines[0].participantId");
        await (await Attendance(t, session, "\"2\"")).AssertFieldErrorAsync("lines");
        await (await AttendanceBody(t, session, "\"2\"", new { })).AssertFieldErrorAsync("lines");
        await (await Attendance(t, session, "\"1\"", new { participantId = b.Id, status = "present" })).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await AttendanceBody(t, session, null, new { lines = new[] { new { participantId = b.Id, status = "present" } } })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);

        var read = await (await t.Worker.GetAsync($"{HealthHost.Base}/sessions/{session}")).ReadJsonAsync();
        Assert.Equal(2, read.GetProperty("version").GetInt64());
        Assert.Equal(a.Id, Assert.Single(read.GetProperty("attendance").EnumerateArray()).GetProperty("participantId").GetGuid());
    }

    [Fact]
    public async Task Attendance_waits_for_the_session_day()
    {
        var t = await host.NewTenantAsync();
        var a = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(a);
        var session = (await (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/sessions", new { date = t.Today.AddDays(3), topic = "diet" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await Attendance(t, session, "\"1\"", new { participantId = a.Id, status = "present" })).AssertFieldErrorAsync("lines");
    }

    [Fact]
    public async Task Physical_activity_sessions_take_participants_enrolled_on_the_day()
    {
        var t = await host.NewTenantAsync();
        var enrolled = await t.ParticipantAsync(startedDaysAgo: 10);
        var later = await t.ParticipantAsync(startedDaysAgo: 2);
        var notEnrolled = await t.RegisterAsync();
        var url = $"{HealthHost.Base}/activity-sessions";
        var session = await (await t.Worker.PostAsJsonAsync(url, new { date = t.Today.AddDays(-5), activity = "walk", language = "sv", durationMinutes = 60, place = "Motionsspåret" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = session.GetProperty("id").GetGuid();

        await (await Attendance(t, id, "\"1\"", new { participantId = enrolled.Id, status = "present" }, new { participantId = later.Id, status = "present" })).AssertFieldErrorAsync("lines[1].participantId");
        await (await Attendance(t, id, "\"1\"", new { participantId = notEnrolled, status = "present" })).AssertFieldErrorAsync("lines[0].participantId");
        await (await Attendance(t, id, "\"1\"", new { participantId = Guid.NewGuid(), status = "present" })).AssertFieldErrorAsync("lines[0].participantId");
        (await Attendance(t, id, "\"1\"", new { participantId = enrolled.Id, status = "present" })).EnsureSuccessStatusCode();

        var list = await (await t.Worker.GetAsync($"{url}?from={t.Today.AddDays(-7):yyyy-MM-dd}&to={t.Today:yyyy-MM-dd}")).ReadJsonAsync();
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal("physicalActivity", listed.GetProperty("kind").GetString());
        Assert.Equal("walk", listed.GetProperty("activity").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("courseId").ValueKind);
        Assert.Single(listed.GetProperty("attendance").EnumerateArray());
        await (await t.Worker.GetAsync($"{url}?from={t.Today:yyyy-MM-dd}&to={t.Today.AddDays(-1):yyyy-MM-dd}")).AssertFieldErrorAsync("to");
    }

    [Theory]
    [InlineData("date", false, "walk", "sv", 60)]
    [InlineData("activity", true, null, "sv", 60)]
    [InlineData("activity", true, "knitting", "sv", 60)]
    [InlineData("language", true, "walk", null, 60)]
    [InlineData("durationMinutes", true, "walk", "sv", -5)]
    public async Task Bad_activity_session_fields_name_the_field_and_nothing_is_stored(string field, bool withDate, string? activity, string? language, int minutes)
    {
        var t = await host.NewTenantAsync();
        var url = $"{HealthHost.Base}/activity-sessions";

        await (await t.Worker.PostAsJsonAsync(url, new { date = withDate ? t.Today : (DateOnly?)null, activity, language, durationMinutes = minutes })).AssertFieldErrorAsync(field);

        Assert.Empty((await (await t.Worker.GetAsync(url)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Another_tenants_sessions_are_404_and_analysts_cannot_record()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var session = (await (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/activity-sessions", new { date = t.Today, activity = "gym", language = "sv" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (analyst, _) = await host.StaffAsync(t.Setup, "analyst");

        await (await other.Worker.GetAsync($"{HealthHost.Base}/sessions/{session}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Attendance(other, session, "*", new { participantId = Guid.NewGuid(), status = "present" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"{HealthHost.Base}/activity-sessions", new { date = t.Today, activity = "gym", language = "sv" })).StatusCode);
        Assert.Empty((await (await other.Worker.GetAsync($"{HealthHost.Base}/activity-sessions")).ReadJsonAsync()).EnumerateArray());
    }

    private static Task<HttpResponseMessage> Attendance(HealthTenant t, Guid session, string ifMatch, params object[] lines) =>
        AttendanceBody(t, session, ifMatch, new { lines });

    private static async Task<HttpResponseMessage> AttendanceBody(HealthTenant t, Guid session, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{HealthHost.Base}/sessions/{session}/attendance") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await t.Worker.SendAsync(request);
    }
}
