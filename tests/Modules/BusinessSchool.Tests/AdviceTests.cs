using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>Business-advice meetings and business-plan milestones: every rule with bad input, tenants and permissions.</summary>
public sealed class AdviceTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    [Fact]
    public async Task An_advice_meeting_is_recorded_under_the_enrolment_and_listed_by_partner()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();

        var meeting = await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{p}/advice-meetings", Meeting(t)));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{p}/advice-meetings", Meeting(t, ("partner", "bank"), ("topic", "financing"))));

        Assert.Equal(Id(await t.EnrolmentAsync(p)), meeting.GetProperty("enrolmentId").GetGuid());
        Assert.Equal(("almi", "businessPlan", "Skicka budgeten till rådgivaren."), (meeting.GetProperty("partner").GetString(), meeting.GetProperty("topic").GetString(), meeting.GetProperty("nextStep").GetString()));
        var almi = await (await t.Admin.GetAsync($"{Api}/advice-meetings?partner=almi&from={t.Today.AddDays(-30):yyyy-MM-dd}")).ReadJsonAsync();
        Assert.Equal(Id(meeting), Assert.Single(almi.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, (await (await t.Worker.GetAsync($"{Api}/participants/{p}/business-plan")).ReadJsonAsync()).GetProperty("adviceMeetings").GetArrayLength());
        await (await t.Worker.GetAsync($"{Api}/advice-meetings?partner=lender")).AssertFieldErrorAsync("partner");
        await (await t.Worker.GetAsync($"{Api}/advice-meetings?from={t.Today:yyyy-MM-dd}&to={t.Today.AddDays(-1):yyyy-MM-dd}")).AssertFieldErrorAsync("to");
    }

    [Theory]
    [InlineData("date", "future", "date")]
    [InlineData("date", "beforeEnrolment", "date")]
    [InlineData("date", null, "date")]
    [InlineData("adviser", " ", "adviser")]
    [InlineData("partner", "lender", "partner")]
    [InlineData("partner", "other", "partnerName")]
    [InlineData("topic", null, "topic")]
    [InlineData("nextStepBy", "beforeMeeting", "nextStepBy")]
    [InlineData("nextStep", null, "nextStep")]
    public async Task Bad_advice_meetings_are_a_400_naming_the_field_and_store_nothing(string field, string? value, string error)
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-20));
        object? actual = value switch
        {
            "future" => t.Today.AddDays(1),
            "beforeEnrolment" => t.Today.AddDays(-21),
            "beforeMeeting" => t.Today.AddDays(-3),
            _ => value,
        };

        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{p}/advice-meetings", Meeting(t, (field, actual)))).AssertFieldErrorAsync(error);

        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/advice-meetings")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Advice_for_another_tenants_participant_is_404_and_needs_the_write_permission()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var theirs = await other.ParticipantAsync();
        var mine = await t.ParticipantAsync();
        var analyst = await host.Host.CreateStaffAsync(t.Setup, "analyst");

        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{theirs}/advice-meetings", Meeting(t))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{theirs}/milestones/idea", new { reachedOn = t.Today })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.PostAsJsonAsync($"{Api}/participants/{mine}/advice-meetings", Meeting(t))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"{Api}/advice-meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"{Api}/participants/{mine}/business-plan")).StatusCode);
        Assert.Empty((await (await other.Worker.GetAsync($"{Api}/advice-meetings")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Milestones_are_recorded_in_order_and_corrected_and_bad_ones_store_nothing()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var never = await t.ParticipantAsync(enrol: false);
        string Url(string kind) => $"{Api}/participants/{p}/milestones/{kind}";

        await (await t.Worker.PutAsJsonAsync(Url("idea"), new { reachedOn = t.Today.AddDays(-60), note = "Catering med syriska rätter." })).ReadJsonAsync();
        await (await t.Worker.PutAsJsonAsync(Url("budget"), new { reachedOn = t.Today.AddDays(-20) })).ReadJsonAsync();

        await (await t.Worker.PutAsJsonAsync(Url("planWritten"), new { reachedOn = t.Today.AddDays(-70) })).AssertFieldErrorAsync("reachedOn");
        await (await t.Worker.PutAsJsonAsync(Url("planWritten"), new { reachedOn = t.Today.AddDays(-10) })).AssertFieldErrorAsync("reachedOn");
        await (await t.Worker.PutAsJsonAsync(Url("planWritten"), new { reachedOn = t.Today.AddDays(1) })).AssertFieldErrorAsync("reachedOn");
        await (await t.Worker.PutAsJsonAsync(Url("planWritten"), new { reachedOn = (DateOnly?)null })).AssertFieldErrorAsync("reachedOn");
        await (await t.Worker.PutAsJsonAsync(Url("registered"), new { reachedOn = t.Today })).AssertFieldErrorAsync("kind");
        await (await t.Worker.PutAsJsonAsync(Url("dream"), new { reachedOn = t.Today })).AssertFieldErrorAsync("kind");
        await (await t.Worker.PutAsJsonAsync(Url("planWritten"), new { reachedOn = t.Today, note = new string('a', 1001) })).AssertFieldErrorAsync("note");
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{never}/milestones/idea", new { reachedOn = t.Today })).AssertFieldErrorAsync("participantId");

        var plan = await (await t.Worker.PutAsJsonAsync(Url("planWritten"), new { reachedOn = t.Today.AddDays(-30) })).ReadJsonAsync();
        Assert.Equal(["idea", "planWritten", "budget"], plan.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        var corrected = await (await t.Worker.PutAsJsonAsync(Url("idea"), new { reachedOn = t.Today.AddDays(-50) })).ReadJsonAsync();
        Assert.Equal($"{t.Today.AddDays(-50):yyyy-MM-dd}", corrected.GetProperty("milestones")[0].GetProperty("reachedOn").GetString());
        Assert.Equal(JsonValueKindNull, corrected.GetProperty("milestones")[0].GetProperty("note").ValueKind);
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/participants/{never}/business-plan")).ReadJsonAsync()).GetProperty("milestones").EnumerateArray());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static Dictionary<string, object?> Meeting(SchoolTenant t, params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["date"] = t.Today.AddDays(-2),
            ["adviser"] = "Företagsrådgivare",
            ["partner"] = "almi",
            ["topic"] = "businessPlan",
            ["nextStep"] = "Skicka budgeten till rådgivaren.",
            ["nextStepBy"] = t.Today.AddDays(14),
        };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }
}
