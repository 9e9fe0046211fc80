using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>Courses, cohorts and members added in bulk: every rule with bad input, versions, tenants and permissions.</summary>
public sealed class CohortTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    [Fact]
    public async Task A_course_and_its_cohort_are_created_read_and_changed_with_their_versions()
    {
        var t = await host.NewTenantAsync();
        var course = await t.CourseAsync("Företagsskola på arabiska");
        var cohort = await t.CohortAsync(courseId: course);

        var read = await t.Worker.GetAsync($"{Api}/courses/{course}");
        var body = await read.ReadJsonAsync();
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(Id(cohort), Assert.Single(body.GetProperty("cohorts").EnumerateArray()).GetProperty("id").GetGuid());

        var change = new { name = "Hösten", startDate = t.Today, endDate = t.Today.AddDays(60), language = "ar", place = "Biblioteket" };
        await (await t.Worker.PutAsJsonAsync($"{Api}/cohorts/{Id(cohort)}", change)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/cohorts/{Id(cohort)}", change, 7))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/cohorts/{Id(cohort)}", change, 1))).ReadJsonAsync();
        Assert.Equal((2L, "ar", "Hösten"), (Version(updated), updated.GetProperty("language").GetString(), updated.GetProperty("name").GetString()));

        var renamed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/courses/{course}", new { name = "Företagsskola" }, 1))).ReadJsonAsync();
        Assert.Equal("Företagsskola", renamed.GetProperty("name").GetString());
        var list = await (await t.Worker.GetAsync($"{Api}/cohorts?courseId={course}&from={t.Today.AddDays(30):yyyy-MM-dd}")).ReadJsonAsync();
        Assert.Single(list.EnumerateArray());
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/cohorts?to={t.Today.AddDays(-1):yyyy-MM-dd}")).ReadJsonAsync()).EnumerateArray());
        await (await t.Worker.GetAsync($"{Api}/cohorts?from={t.Today:yyyy-MM-dd}&to={t.Today.AddDays(-1):yyyy-MM-dd}")).AssertFieldErrorAsync("to");
    }

    [Theory]
    [InlineData("name", null, "2026-01-01", "2026-03-01", "sv")]
    [InlineData("startDate", "Våren", null, "2026-03-01", "sv")]
    [InlineData("endDate", "Våren", "2026-01-01", null, "sv")]
    [InlineData("endDate", "Våren", "2026-03-01", "2026-01-01", "sv")]
    [InlineData("endDate", "Våren", "2026-01-01", "2027-06-01", "sv")]
    [InlineData("language", "Våren", "2026-01-01", "2026-03-01", null)]
    [InlineData("language", "Våren", "2026-01-01", "2026-03-01", "arabiska")]
    public async Task Bad_cohort_fields_are_a_400_naming_the_field_and_nothing_is_stored(string field, string? name, string? start, string? end, string? language)
    {
        var t = await host.NewTenantAsync();
        var course = await t.CourseAsync();

        await (await t.Worker.PostAsJsonAsync($"{Api}/courses/{course}/cohorts", new { name, startDate = start, endDate = end, language })).AssertFieldErrorAsync(field);

        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/cohorts")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Bad_course_fields_and_cohort_changes_that_leave_sessions_outside_are_refused()
    {
        var t = await host.NewTenantAsync();

        await (await t.Worker.PostAsJsonAsync($"{Api}/courses", new { name = " " })).AssertFieldErrorAsync("name");
        await (await t.Worker.PostAsJsonAsync($"{Api}/courses", new { name = new string('a', 201) })).AssertFieldErrorAsync("name");
        await (await t.Worker.PostAsJsonAsync($"{Api}/courses", new { name = "Kurs", description = new string('a', 1001) })).AssertFieldErrorAsync("description");
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/courses")).ReadJsonAsync()).EnumerateArray());

        var cohort = await t.CohortAsync();
        await t.SessionAsync(Id(cohort), t.Today);
        var later = new { name = "Våren", startDate = t.Today.AddDays(1), endDate = t.Today.AddDays(20), language = "sv" };
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/cohorts/{Id(cohort)}", later, 1))).AssertFieldErrorAsync("startDate");
        Assert.Equal(1L, Version(await t.CohortByIdAsync(Id(cohort))));
        await (await t.Worker.PostAsJsonAsync($"{Api}/courses/{Guid.NewGuid()}/cohorts", new { name = "X", startDate = t.Today, endDate = t.Today, language = "sv" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_are_added_in_bulk_and_one_wrong_participant_adds_none()
    {
        var t = await host.NewTenantAsync();
        var cohort = Id(await t.CohortAsync());
        var first = await t.ParticipantAsync();
        var second = await t.ParticipantAsync("man");
        var notEnrolled = await t.ParticipantAsync(enrol: false);
        var exited = await t.ParticipantAsync();
        await t.ExitAsync(exited, t.Today.AddDays(-1));

        await (await t.AddMembersAsync(cohort, first, notEnrolled)).AssertFieldErrorAsync("participantIds[1]");
        await (await t.AddMembersAsync(cohort, first, exited)).AssertFieldErrorAsync("participantIds[1]");
        await (await t.AddMembersAsync(cohort, first, Guid.NewGuid())).AssertFieldErrorAsync("participantIds[1]");
        await (await t.AddMembersAsync(cohort, first, first)).AssertFieldErrorAsync("participantIds[1]");
        await (await t.AddMembersAsync(cohort, first, null)).AssertFieldErrorAsync("participantIds[1]");
        await (await t.AddMembersAsync(cohort)).AssertFieldErrorAsync("participantIds");
        Assert.Empty((await t.CohortByIdAsync(cohort)).GetProperty("members").EnumerateArray());

        var added = await (await t.AddMembersAsync(cohort, first, second)).ReadJsonAsync();
        Assert.Equal([first, second], added.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetGuid()));
        Assert.Equal(Id(await t.EnrolmentAsync(first)), added.GetProperty("members")[0].GetProperty("enrolmentId").GetGuid());

        await (await t.AddMembersAsync(cohort, second)).AssertFieldErrorAsync("participantIds[0]");
        await (await t.AddMembersAsync(Guid.NewGuid(), first)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await t.CohortByIdAsync(cohort)).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Another_tenants_records_are_404_and_missing_permissions_are_403()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var course = await t.CourseAsync();
        var cohort = Id(await t.CohortAsync(courseId: course));
        var session = await t.SessionAsync(cohort, t.Today);
        var theirs = await other.ParticipantAsync();
        var analyst = await host.Host.CreateStaffAsync(t.Setup, "analyst");

        await (await other.Worker.GetAsync($"{Api}/courses/{course}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.GetAsync($"{Api}/cohorts/{cohort}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.GetAsync($"{Api}/sessions/{Id(session)}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/cohorts/{cohort}", new { name = "X", startDate = t.Today, endDate = t.Today, language = "sv" }, 1))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.AddMembersAsync(cohort, theirs)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.AddMembersAsync(cohort, theirs)).AssertFieldErrorAsync("participantIds[0]");
        Assert.Empty((await (await other.Worker.GetAsync($"{Api}/courses")).ReadJsonAsync()).EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"{Api}/courses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"{Api}/courses", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.PostAsJsonAsync($"{Api}/courses", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Admin.GetAsync($"{Api}/cohorts/{cohort}")).StatusCode);
        Assert.Single((await (await t.Worker.GetAsync($"{Api}/courses")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_tenant_without_the_module_sees_no_routes()
    {
        var tenant = await host.Host.CreateTenantAsync("Utan modul", "0180");
        var worker = await host.Host.CreateStaffAsync(tenant, "caseWorker");

        await (await worker.GetAsync($"{Api}/courses")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
