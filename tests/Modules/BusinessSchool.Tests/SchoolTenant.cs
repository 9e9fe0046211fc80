using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>One test's tenant: its admin and case worker, a programme using the module, and helpers for its records.</summary>
public sealed class SchoolTenant(SchoolHost host, TenantSetup setup, HttpClient worker, Guid programme)
{
    public SchoolHost Host { get; } = host;

    public TenantSetup Setup { get; } = setup;

    public HttpClient Admin => Setup.Admin;

    public HttpClient Worker { get; } = worker;

    public Guid Programme { get; } = programme;

    public DateOnly Today => Host.Today;

    /// <summary>Registers a participant and enrols them in the module, active from <paramref name="enrolledFrom"/> (100 days ago by default).</summary>
    public async Task<Guid> ParticipantAsync(string gender = "woman", DateOnly? enrolledFrom = null, bool enrol = true)
    {
        var id = await Worker.CreateParticipantAsync(gender, 1988);
        if (enrol)
        {
            await Worker.EnrolAsync(id, Programme, Module, enrolledFrom ?? Today.AddDays(-100));
        }

        return id;
    }

    /// <summary>The participant's newest enrolment in the module.</summary>
    public async Task<JsonElement> EnrolmentAsync(Guid participantId) =>
        (await (await Worker.GetAsync($"/api/enrolments?participantId={participantId}&moduleId={Module}")).ReadJsonAsync()).GetProperty("items")[0];

    /// <summary>Exits the participant's enrolment in the module on <paramref name="date"/>.</summary>
    public async Task ExitAsync(Guid participantId, DateOnly date) =>
        await Worker.ExitAsync(Id(await EnrolmentAsync(participantId)), date);

    public async Task<Guid> CourseAsync(string name = "Företagsskola grund") =>
        Id(await Created(await Worker.PostAsJsonAsync($"{Api}/courses", new { name, description = "Från idé till registrerat företag." })));

    /// <summary>A cohort of a new course from <paramref name="startDaysAgo"/> to <paramref name="endInDays"/> days from today.</summary>
    public async Task<JsonElement> CohortAsync(int startDaysAgo = 30, int endInDays = 30, Guid? courseId = null)
    {
        var course = courseId ?? await CourseAsync();
        return await Created(await Worker.PostAsJsonAsync($"{Api}/courses/{course}/cohorts", new
        {
            name = "Våren", startDate = Today.AddDays(-startDaysAgo), endDate = Today.AddDays(endInDays), language = "sv", place = "Näringslivshuset",
        }));
    }

    public Task<HttpResponseMessage> AddMembersAsync(Guid cohortId, params Guid?[] participantIds) =>
        Worker.PostAsJsonAsync($"{Api}/cohorts/{cohortId}/members", new { participantIds });

    /// <summary>A cohort with the participants in it; returns its id.</summary>
    public async Task<Guid> CohortWithAsync(params Guid[] participants)
    {
        var cohort = Id(await CohortAsync());
        await (await AddMembersAsync(cohort, [.. participants.Select(p => (Guid?)p)])).ReadJsonAsync();
        return cohort;
    }

    public async Task<JsonElement> CohortByIdAsync(Guid cohortId) => await (await Worker.GetAsync($"{Api}/cohorts/{cohortId}")).ReadJsonAsync();

    public async Task<JsonElement> SessionAsync(Guid cohortId, DateOnly date, string topic = "businessPlan", decimal hours = 3) =>
        await Created(await Worker.PostAsJsonAsync($"{Api}/cohorts/{cohortId}/sessions", new { date, topic, teacher = "Företagsrådgivare", hours }));

    public Task<HttpResponseMessage> RecordAttendanceAsync(JsonElement session, object body) =>
        Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/sessions/{Id(session)}/attendance", body, Version(session)));

    /// <summary>Records attendance: each participant present or absent.</summary>
    public async Task<JsonElement> AttendAsync(JsonElement session, params (Guid Participant, string Status)[] lines) =>
        await (await RecordAttendanceAsync(session, new { lines = lines.Select(l => new { participantId = l.Participant, status = l.Status }) })).ReadJsonAsync();

    /// <summary>The module's after-course follow-ups on a participant's list.</summary>
    public async Task<List<JsonElement>> AfterCourseFollowUpsAsync(Guid participantId) =>
        (await Worker.FollowUpsAsync(participantId)).GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("policyId").GetString() == "business-school:after-course").ToList();
}
