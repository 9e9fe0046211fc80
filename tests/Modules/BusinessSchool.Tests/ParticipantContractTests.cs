using System.Net.Http.Json;
using System.Text.Json;
using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Host.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>What the module does through the contract for the host: merges, the register extract and the demo data.</summary>
public sealed class ParticipantContractTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    [Fact]
    public async Task A_merge_moves_places_attendance_advice_milestones_and_companies_keeping_one_row_each()
    {
        var t = await host.NewTenantAsync();
        var survivor = await t.ParticipantAsync();
        var duplicate = await t.Worker.CreateParticipantAsync("woman", 1988);
        var second = await t.Admin.CreateProgrammeAsync(Module);
        await t.Worker.EnrolAsync(duplicate, second, Module, t.Today.AddDays(-100));
        var both = await t.CohortWithAsync(survivor, duplicate);
        var session = await t.SessionAsync(both, t.Today.AddDays(-1));
        await t.AttendAsync(session, (duplicate, "present"));
        var alone = await t.CohortWithAsync(duplicate);
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{survivor}/milestones/idea", new { reachedOn = t.Today.AddDays(-10) })).ReadJsonAsync();
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{duplicate}/milestones/idea", new { reachedOn = t.Today.AddDays(-40) })).ReadJsonAsync();
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{duplicate}/advice-meetings", new { date = t.Today, adviser = "Rådgivare", partner = "bank", topic = "financing" }));
        var company = await CompanyTests.RegisterAsync(t, duplicate, "556677889", t.Today.AddDays(-5));

        var merge = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();
        var again = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(5, Moved(merge)); // the attendance, the place in the other cohort, the meeting, the company and its registered milestone; the shared place and idea give way
        Assert.Equal(0, Moved(again));
        Assert.Equal([survivor], (await t.CohortByIdAsync(both)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetGuid()));
        Assert.Equal([survivor], (await t.CohortByIdAsync(alone)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetGuid()));
        var attendance = (await (await t.Worker.GetAsync($"{Api}/sessions/{Id(session)}")).ReadJsonAsync()).GetProperty("attendance");
        Assert.Equal(survivor, Assert.Single(attendance.EnumerateArray()).GetProperty("participantId").GetGuid());
        var plan = await (await t.Worker.GetAsync($"{Api}/participants/{survivor}/business-plan")).ReadJsonAsync();
        Assert.Equal(Id(company), Assert.Single(plan.GetProperty("companies").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Single(plan.GetProperty("adviceMeetings").EnumerateArray());
        var idea = plan.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "idea");
        Assert.Equal($"{t.Today.AddDays(-40):yyyy-MM-dd}", idea.GetProperty("reachedOn").GetString());
    }

    [Fact]
    public async Task The_register_extract_lists_cohorts_attendance_advice_and_companies()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var stranger = await t.ParticipantAsync();
        var cohort = await t.CohortWithAsync(p);
        await t.AttendAsync(await t.SessionAsync(cohort, t.Today, "permits"), (p, "present"));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{p}/advice-meetings", new { date = t.Today, adviser = "Rådgivare", partner = "almi", topic = "budget" }));
        await CompanyTests.RegisterAsync(t, p, "556677889", t.Today.AddDays(-1));

        var extract = await (await t.Admin.GetAsync($"/api/participants/{p}/export")).ReadJsonAsync();
        var nothing = await (await t.Admin.GetAsync($"/api/participants/{stranger}/export")).ReadJsonAsync();

        var part = extract.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module);
        Assert.False(part.GetProperty("sensitive").GetBoolean());
        var data = part.GetProperty("data");
        Assert.Equal(cohort, Assert.Single(data.GetProperty("cohorts").EnumerateArray()).GetProperty("cohortId").GetGuid());
        Assert.Equal(("permits", "present"), (data.GetProperty("attendance")[0].GetProperty("topic").GetString(), data.GetProperty("attendance")[0].GetProperty("status").GetString()));
        Assert.Equal("almi", Assert.Single(data.GetProperty("adviceMeetings").EnumerateArray()).GetProperty("partner").GetString());
        Assert.Equal(OrgNumbers.Valid("556677889"), Assert.Single(data.GetProperty("companies").EnumerateArray()).GetProperty("organisationNumber").GetString());
        Assert.Equal("registered", Assert.Single(data.GetProperty("milestones").EnumerateArray()).GetProperty("kind").GetString());
        Assert.DoesNotContain(nothing.GetProperty("modules").EnumerateArray(), m => m.GetProperty("moduleId").GetString() == Module);
    }

    [Fact]
    public async Task The_demo_fills_cohorts_attendance_advice_and_companies_the_same_way_each_time_and_only_once()
    {
        var t = await host.NewTenantAsync();
        var twin = await host.NewTenantAsync();
        var programme = await DemoProgrammeAsync(t);
        var twinProgramme = await DemoProgrammeAsync(twin);

        await SeedAsync(t, programme);
        await SeedAsync(t, programme);
        await SeedAsync(twin, twinProgramme);

        var cohorts = await CohortsAsync(t);
        Assert.Equal(3, cohorts.Count);
        Assert.Equal(cohorts.Select(Summary), (await CohortsAsync(twin)).Select(Summary));
        Assert.All(cohorts, c => Assert.Equal(8, c.GetProperty("sessions").GetArrayLength()));
        Assert.Contains(cohorts.SelectMany(c => c.GetProperty("sessions").EnumerateArray()).SelectMany(s => s.GetProperty("attendance").EnumerateArray()), a => a.GetProperty("status").GetString() == "present");
        Assert.Empty(cohorts.Single(c => c.GetProperty("name").GetString() == "Nu").GetProperty("sessions").EnumerateArray().Where(s => DateOnly.Parse(s.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > t.Today).SelectMany(s => s.GetProperty("attendance").EnumerateArray()));

        var members = cohorts.SelectMany(c => c.GetProperty("members").EnumerateArray()).Select(m => m.GetProperty("participantId").GetGuid()).ToList();
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.DoesNotContain(programme.Enrolments.Single(e => e.StartDate is null).ParticipantId, members);
        var companies = new List<JsonElement>();
        foreach (var member in members)
        {
            var plan = await (await t.Worker.GetAsync($"{Api}/participants/{member}/business-plan")).ReadJsonAsync();
            companies.AddRange(plan.GetProperty("companies").EnumerateArray());
            Assert.NotEmpty(await t.AfterCourseFollowUpsAsync(member));
        }

        Assert.NotEmpty(companies);
        foreach (var company in companies)
        {
            var outcomes = (await t.Worker.OutcomesAsync(company.GetProperty("participantId").GetGuid())).EnumerateArray();
            Assert.Contains(outcomes, o => o.GetProperty("id").GetGuid() == company.GetProperty("outcomeId").GetGuid() && o.GetProperty("type").GetString() == "selfEmployed");
        }

        Assert.NotEmpty((await (await t.Worker.GetAsync($"{Api}/advice-meetings")).ReadJsonAsync()).EnumerateArray());
    }

    private static string Summary(JsonElement c) =>
        $"{c.GetProperty("name").GetString()} {c.GetProperty("startDate").GetString()} {c.GetProperty("members").GetArrayLength()} " +
        string.Join(",", c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("present").GetInt32()));

    private static async Task<List<JsonElement>> CohortsAsync(SchoolTenant t)
    {
        var list = (await (await t.Worker.GetAsync($"{Api}/cohorts")).ReadJsonAsync()).EnumerateArray().ToList();
        var cohorts = new List<JsonElement>();
        foreach (var summary in list)
        {
            cohorts.Add(await t.CohortByIdAsync(Id(summary)));
        }

        return cohorts;
    }

    private static async Task<DemoProgramme> DemoProgrammeAsync(SchoolTenant t)
    {
        var enrolments = new List<DemoEnrolment>();
        var days = new[] { 500, 480, 460, 450, 440, 435, 200, 180, 170, 160, 155, 150, 60, 40, 30, 25 };
        for (var i = 0; i < days.Length; i++)
        {
            var gender = i % 2 == 0 ? Gender.Woman : Gender.Man;
            var id = await t.ParticipantAsync(gender == Gender.Woman ? "woman" : "man", t.Today.AddDays(-days[i]));
            enrolments.Add(new DemoEnrolment(Id(await t.EnrolmentAsync(id)), id, gender, 1988, ["ar", "sv"], EnrolmentStatus.Active, t.Today.AddDays(-days[i]), null, null));
        }

        var referred = await t.ParticipantAsync(enrol: false);
        enrolments.Add(new DemoEnrolment(Guid.NewGuid(), referred, Gender.Woman, 1990, ["ti"], EnrolmentStatus.Referred, null, null, null));
        return new DemoProgramme(t.Setup.Id, t.Programme, "En väg in (demo)", "2083", t.Today, 42, enrolments);
    }

    private async Task SeedAsync(SchoolTenant t, DemoProgramme programme)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(t.Setup.Id);
        await scope.ServiceProvider.GetServices<IDemoDataContributor>().Single(c => c.ModuleId == Module).SeedAsync(programme, default);
    }

    private static int Moved(JsonElement merge) =>
        merge.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module).GetProperty("moved").GetInt32();
}
