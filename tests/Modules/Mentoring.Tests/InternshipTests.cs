using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;
using static Integration.Modules.Mentoring.Tests.MentoringTenant;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>Internships: the employer's organisationsnummer and its check digit, dates, hours, supervisor, and the employed outcome at the end.</summary>
public sealed class InternshipTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task Ending_an_internship_with_a_job_records_one_employed_outcome_through_the_contract()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var supervisor = await t.MentorAsync(("name", "Handledare Holm"), ("kind", "workplaceSupervisor"));
        var internship = await t.InternshipAsync(p, ("supervisorId", Id(supervisor)), ("organisationNumber", OrgNumbers.Valid("212000123").Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Equal((OrgNumbers.Valid("212000123"), "Handledare Holm", "ongoing", 30m), (internship.GetProperty("organisationNumber").GetString(),
            internship.GetProperty("supervisorName").GetString(), internship.GetProperty("status").GetString(), internship.GetProperty("hoursPerWeek").GetDecimal()));

        var ended = await (await t.EndInternshipAsync(internship, new { endedOn = t.Today.AddDays(-6), ledToJobOffer = true, employment = "partTime" })).ReadJsonAsync();

        Assert.Equal(("ended", true), (ended.GetProperty("status").GetString(), ended.GetProperty("ledToJobOffer").GetBoolean()));
        var outcome = Assert.Single((await t.Worker.OutcomesAsync(p)).EnumerateArray());
        Assert.Equal(("employed", "partTime", "mentoring", $"{t.Today.AddDays(-6):yyyy-MM-dd}"),
            (outcome.GetProperty("type").GetString(), outcome.GetProperty("detail").GetString(), outcome.GetProperty("recordedByModule").GetString(), outcome.GetProperty("date").GetString()));
        Assert.Equal(Id(await t.EnrolmentAsync(p)), outcome.GetProperty("enrolmentId").GetGuid());
        Assert.Equal(Id(outcome), ended.GetProperty("outcomeId").GetGuid());
        await (await t.EndInternshipAsync(ended, new { endedOn = t.Today, ledToJobOffer = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/internships/{Id(internship)}", InternshipBody(t.Today), Version(ended)))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await t.Worker.OutcomesAsync(p)).EnumerateArray());
    }

    [Fact]
    public async Task Ending_without_a_job_records_no_outcome_and_bad_ends_store_nothing()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var internship = await t.InternshipAsync(p);

        await (await t.EndInternshipAsync(internship, new { endedOn = t.Today.AddDays(-41), ledToJobOffer = false })).AssertFieldErrorAsync("endedOn");
        await (await t.EndInternshipAsync(internship, new { endedOn = t.Today.AddDays(1), ledToJobOffer = false })).AssertFieldErrorAsync("endedOn");
        await (await t.EndInternshipAsync(internship, new { endedOn = t.Today })).AssertFieldErrorAsync("ledToJobOffer");
        await (await t.EndInternshipAsync(internship, new { endedOn = t.Today, ledToJobOffer = false, employment = "fullTime" })).AssertFieldErrorAsync("employment");
        await (await t.EndInternshipAsync(internship, new { endedOn = t.Today, ledToJobOffer = true, employment = "forever" })).AssertFieldErrorAsync("employment");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, $"{Api}/internships/{Id(internship)}/end", new { endedOn = t.Today, ledToJobOffer = true }, 7))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("ongoing", (await t.InternshipsOfAsync(p)).Single().GetProperty("status").GetString());
        Assert.Empty((await t.Worker.OutcomesAsync(p)).EnumerateArray());

        var ended = await (await t.EndInternshipAsync(internship, new { endedOn = t.Today.AddDays(-5), ledToJobOffer = false })).ReadJsonAsync();
        Assert.Equal((false, System.Text.Json.JsonValueKind.Null), (ended.GetProperty("ledToJobOffer").GetBoolean(), ended.GetProperty("outcomeId").ValueKind));
        Assert.Empty((await t.Worker.OutcomesAsync(p)).EnumerateArray());
    }

    public static TheoryData<string, string, object?> BadInternships() => new()
    {
        { "organisationNumber", "organisationNumber", OrgNumbers.WrongCheckDigit("212000123") },
        { "organisationNumber", "organisationNumber", "21200012" },
        { "organisationNumber", "organisationNumber", "2120-00-1234" },
        { "organisationNumber", "organisationNumber", null },
        { "employerName", "employerName", " " },
        { "endDate", "endDate", "beforeStart" },
        { "endDate", "endDate", "tooLong" },
        { "startDate", "startDate", null },
        { "hoursPerWeek", "hoursPerWeek", 0 },
        { "hoursPerWeek", "hoursPerWeek", -5 },
        { "hoursPerWeek", "hoursPerWeek", 41 },
        { "hoursPerWeek", "hoursPerWeek", 12.1 },
        { "sector", "sector", "mining" },
        { "supervisorId", "supervisorId", "buddy" },
        { "supervisorId", "supervisorId", "unknown" },
    };

    [Theory]
    [MemberData(nameof(BadInternships))]
    public async Task Bad_internship_fields_are_a_400_naming_the_field_and_store_nothing(string field, string error, object? value)
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        object? actual = value switch
        {
            "beforeStart" => t.Today.AddDays(-41),
            "tooLong" => t.Today.AddDays(400),
            "buddy" => Id(await t.MentorAsync()),
            "unknown" => Guid.NewGuid(),
            _ => value,
        };

        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{p}/internships", InternshipBody(t.Today, (field, actual)))).AssertFieldErrorAsync(error);

        Assert.Empty(await t.InternshipsOfAsync(p));
        Assert.Empty(await t.FollowUpsAsync(p, "mentoring:internship-end"));
    }

    [Fact]
    public async Task Internships_are_changed_with_if_match_listed_by_status_and_isolated_per_tenant()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var planned = await t.InternshipAsync(p, ("startDate", t.Today.AddDays(10)), ("endDate", t.Today.AddDays(40)));
        await t.InternshipAsync(p, ("startDate", t.Today.AddDays(-10)), ("endDate", t.Today.AddDays(20)));
        var url = $"{Api}/internships/{Id(planned)}";

        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, InternshipBody(t.Today, ("startDate", t.Today.AddDays(10)), ("endDate", t.Today.AddDays(5))), 1))).AssertFieldErrorAsync("endDate");
        var changed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, InternshipBody(t.Today, ("startDate", t.Today.AddDays(10)), ("endDate", t.Today.AddDays(50)), ("hoursPerWeek", 37.5)), 1))).ReadJsonAsync();
        Assert.Equal((37.5m, 2L, "planned"), (changed.GetProperty("hoursPerWeek").GetDecimal(), Version(changed), changed.GetProperty("status").GetString()));
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, url, InternshipBody(t.Today), 1))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var planning = (await (await t.Worker.GetAsync($"{Api}/internships?status=planned")).ReadJsonAsync()).GetProperty("items").EnumerateArray();
        Assert.Equal(Id(planned), Assert.Single(planning).GetProperty("id").GetGuid());
        Assert.Equal(1, (await (await t.Worker.GetAsync($"{Api}/internships?status=ongoing")).ReadJsonAsync()).GetProperty("total").GetInt32());
        await (await t.Worker.GetAsync($"{Api}/internships?status=finished")).AssertFieldErrorAsync("status");

        await (await other.Worker.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.SendAsync(Versioned(HttpMethod.Post, $"{url}/end", new { endedOn = other.Today, ledToJobOffer = true }, 2))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{Api}/participants/{p}/internships", InternshipBody(other.Today))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.Worker.GetAsync($"{Api}/internships")).ReadJsonAsync()).GetProperty("total").GetInt32());
        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{await t.ParticipantAsync(enrol: false)}/internships", InternshipBody(t.Today))).AssertFieldErrorAsync("participantId");
    }
}
