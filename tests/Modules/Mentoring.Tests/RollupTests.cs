using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>The module's rollup measures by gender, against figures worked out here from what the test entered.</summary>
public sealed class RollupTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task Active_matches_meetings_per_match_internships_and_their_conversion_to_jobs_by_gender()
    {
        var t = await host.NewTenantAsync();
        var mentor = await t.MentorAsync(("capacity", 10));
        var w1 = await t.ParticipantAsync("woman", t.Today.AddDays(-300));
        var w2 = await t.ParticipantAsync("woman", t.Today.AddDays(-300));
        var w3 = await t.ParticipantAsync("woman", t.Today.AddDays(-300));
        var m1 = await t.ParticipantAsync("man", t.Today.AddDays(-300));
        var m2 = await t.ParticipantAsync("man", t.Today.AddDays(-300));

        var active = await t.MatchAsync(w1, Id(mentor), t.Today.AddDays(-60));
        foreach (var days in new[] { 50, 30, 10 })
        {
            await MeetAsync(t, active, t.Today.AddDays(-days));
        }

        var ended = await t.MatchAsync(w2, Id(mentor), t.Today.AddDays(-200));
        await MeetAsync(t, ended, t.Today.AddDays(-190));
        (await t.ChangeMatchAsync(ended, "end", t.Today.AddDays(-150), "goalsReached")).EnsureSuccessStatusCode();
        await t.MatchAsync(m1, Id(mentor), t.Today.AddDays(-20));

        foreach (var (p, job) in new[] { (w1, true), (w3, false), (m2, true) })
        {
            var internship = await t.InternshipAsync(p, ("startDate", t.Today.AddDays(-100)), ("endDate", t.Today.AddDays(-40)));
            (await t.EndInternshipAsync(internship, new { endedOn = t.Today.AddDays(-40), ledToJobOffer = job })).EnsureSuccessStatusCode();
        }

        await t.InternshipAsync(m1, ("startDate", t.Today.AddDays(-5)), ("endDate", t.Today.AddDays(30)));
        await t.InternshipAsync(m2, ("startDate", t.Today.AddDays(5)), ("endDate", t.Today.AddDays(30)));

        // Another programme's match and internship are not this programme's.
        var elsewhere = await t.Admin.CreateProgrammeAsync(Module);
        var visitor = await t.Worker.CreateParticipantAsync("woman", 1990);
        await t.Worker.EnrolAsync(visitor, elsewhere, Module, t.Today.AddDays(-30));
        await t.MatchAsync(visitor, Id(mentor), t.Today.AddDays(-10));
        await t.InternshipAsync(visitor, ("startDate", t.Today.AddDays(-10)));

        await RunAsync(t);
        var report = await (await t.Admin.GetAsync($"/api/rollups?programmeId={t.Programme}&period=ptd&groupBy=gender")).ReadJsonAsync();

        var women = Row(report, "woman");
        var men = Row(report, "man");
        Assert.Equal((2m, 1m), (Value(women, "mentoring.active-matches"), Value(men, "mentoring.active-matches")));
        Assert.Equal(4m, Value(women, "mentoring.meetings"));
        Assert.Equal((2m, 0m), (Value(women, "mentoring.meetings-per-match"), Value(men, "mentoring.meetings-per-match")));
        Assert.Equal((2m, 2m), (Value(women, "mentoring.internships-started"), Value(men, "mentoring.internships-started")));
        Assert.Equal((2m, 1m), (Value(women, "mentoring.internships-ended"), Value(men, "mentoring.internships-ended")));
        Assert.Equal((1m, 1m), (Value(women, "mentoring.internships-to-job"), Value(men, "mentoring.internships-to-job")));
        Assert.Equal((0.5m, 1m), (Math.Round(Value(women, "mentoring.internship-job-conversion"), 4), Math.Round(Value(men, "mentoring.internship-job-conversion"), 4)));
        var total = report.GetProperty("total");
        Assert.Equal((3m, 4m, 3m), (Value(total, "mentoring.active-matches"), Value(total, "mentoring.internships-started"), Value(total, "mentoring.internships-ended")));
    }

    private static async Task MeetAsync(MentoringTenant t, JsonElement match, DateOnly date) =>
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/meetings", new { date, durationMinutes = 60, kind = "inPerson" }));

    private static JsonElement Row(JsonElement report, string gender) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("gender").GetString() == gender).GetProperty("figures");

    private static decimal Value(JsonElement figures, string measure) => figures.GetProperty(measure).GetProperty("value").GetDecimal();

    private static async Task RunAsync(MentoringTenant t)
    {
        var run = await (await t.Admin.PostAsJsonAsync("/api/rollups/run", new { programmeId = t.Programme, period = "ptd" })).ReadJsonAsync(HttpStatusCode.Accepted);
        var done = await Eventually.WaitForAsync(
            async () => await (await t.Admin.GetAsync($"/api/rollups/runs/{Id(run)}")).ReadJsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "failed",
            "the rollup run",
            seconds: 120);
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
    }
}
