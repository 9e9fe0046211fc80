using System.Net.Http.Json;
using System.Text.Json;
using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Host.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Modules.Mentoring.Tests.MentoringHost;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>What the module does through the contract for the host: merges, the register extract and the demo data.</summary>
public sealed class ParticipantContractTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task A_merge_moves_matches_meetings_goals_internships_and_wishes_to_the_survivor()
    {
        var t = await host.NewTenantAsync();
        var survivor = await t.ParticipantAsync();
        var duplicate = await t.Worker.CreateParticipantAsync("woman", 1988);
        await t.Worker.EnrolAsync(duplicate, await t.Admin.CreateProgrammeAsync(Module), Module, t.Today.AddDays(-100));
        var mentor = await t.MentorAsync();
        var match = await t.MatchAsync(duplicate, Id(mentor));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/meetings", new { date = t.Today, durationMinutes = 45, kind = "phone" }));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/goals", new { title = "Skriva ett CV" }));
        var internship = await t.InternshipAsync(duplicate);
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{survivor}/preferences", new { sectorWishes = new[] { "care" } })).ReadJsonAsync();
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{duplicate}/preferences", new { sectorWishes = new[] { "retail" } })).ReadJsonAsync();

        var merge = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();
        var again = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(4, Moved(merge)); // the match, its meeting and goal, the internship; the survivor's wishes stay
        Assert.Equal(0, Moved(again));
        Assert.Equal(survivor, (await t.MatchByIdAsync(Id(match))).GetProperty("participantId").GetGuid());
        Assert.Equal(Id(internship), Assert.Single(await t.InternshipsOfAsync(survivor)).GetProperty("id").GetGuid());
        var wishes = await (await t.Worker.GetAsync($"{Api}/participants/{survivor}/preferences")).ReadJsonAsync();
        Assert.Equal(["care"], wishes.GetProperty("sectorWishes").EnumerateArray().Select(s => s.GetString()));
        var extract = await ExtractAsync(t, survivor);
        Assert.Single(extract!.Value.GetProperty("meetings").EnumerateArray());
        Assert.Single(extract.Value.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public async Task The_register_extract_lists_wishes_matches_meetings_goals_and_internships()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var stranger = await t.ParticipantAsync();
        var match = await t.MatchAsync(p, Id(await t.MentorAsync(("name", "Språkvän Lund"))));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/meetings", new { date = t.Today, durationMinutes = 60, kind = "groupActivity" }));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/goals", new { title = "Öva inför intervju" }));
        await t.InternshipAsync(p);
        await (await t.Worker.PutAsJsonAsync($"{Api}/participants/{p}/preferences", new { preferredMentorGender = "woman" })).ReadJsonAsync();

        var data = (await ExtractAsync(t, p))!.Value;

        Assert.Equal("woman", data.GetProperty("preferences").GetProperty("preferredMentorGender").GetString());
        Assert.Equal("Språkvän Lund", Assert.Single(data.GetProperty("matches").EnumerateArray()).GetProperty("mentorName").GetString());
        Assert.Equal("groupActivity", Assert.Single(data.GetProperty("meetings").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal("Öva inför intervju", Assert.Single(data.GetProperty("goals").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(OrgNumbers.Valid("212000123"), Assert.Single(data.GetProperty("internships").EnumerateArray()).GetProperty("organisationNumber").GetString());
        Assert.Null(await ExtractAsync(t, stranger));
    }

    [Fact]
    public async Task The_demo_fills_mentors_matches_meetings_goals_and_internships_the_same_way_each_time_and_only_once()
    {
        var t = await host.NewTenantAsync();
        var twin = await host.NewTenantAsync();
        var programme = await DemoProgrammeAsync(t);
        var twinProgramme = await DemoProgrammeAsync(twin);

        await SeedAsync(t, programme);
        await SeedAsync(t, programme);
        await SeedAsync(twin, twinProgramme);

        var matches = await ListAsync(t, "matches");
        Assert.NotEmpty(matches);
        Assert.Equal(matches.Select(Summary).Order(), (await ListAsync(twin, "matches")).Select(Summary).Order());
        Assert.Equal((await ListAsync(t, "mentors")).Count, (await ListAsync(twin, "mentors")).Count);
        Assert.All(await ListAsync(t, "mentors"), m => Assert.InRange(m.GetProperty("activeMatches").GetInt32(), 0, m.GetProperty("capacity").GetInt32()));
        Assert.Contains(matches, m => m.GetProperty("meetings").GetInt32() > 0);
        Assert.DoesNotContain(programme.Enrolments.Single(e => e.StartDate is null).ParticipantId, matches.Select(m => m.GetProperty("participantId").GetGuid()));
        var exited = programme.Enrolments.Single(e => e.Status == EnrolmentStatus.Exited);
        Assert.All(matches.Where(m => m.GetProperty("participantId").GetGuid() == exited.ParticipantId), m => Assert.Equal("ended", m.GetProperty("status").GetString()));

        var activeOne = matches.First(m => m.GetProperty("status").GetString() == "active");
        Assert.NotEmpty(await t.FollowUpsAsync(activeOne.GetProperty("participantId").GetGuid(), "mentoring:check-in"));
        var internships = await ListAsync(t, "internships");
        Assert.NotEmpty(internships);
        foreach (var internship in internships.Where(i => i.GetProperty("outcomeId").ValueKind == JsonValueKind.String))
        {
            var outcomes = (await t.Worker.OutcomesAsync(internship.GetProperty("participantId").GetGuid())).EnumerateArray();
            Assert.Contains(outcomes, o => o.GetProperty("id").GetGuid() == internship.GetProperty("outcomeId").GetGuid() && o.GetProperty("type").GetString() == "employed");
        }

        var participants = programme.Enrolments.Where(e => e.StartDate is not null).Select(e => e.ParticipantId).Distinct().ToList();
        var withRecords = 0;
        foreach (var participant in participants)
        {
            withRecords += await ExtractAsync(t, participant) is null ? 0 : 1;
        }

        Assert.True(withRecords * 10 >= participants.Count * 7, $"{withRecords} of {participants.Count} have records");
    }

    private static string Summary(JsonElement m) =>
        $"{m.GetProperty("status").GetString()} {m.GetProperty("startDate").GetString()} {m.GetProperty("meetings").GetInt32()} {m.GetProperty("mentorName").GetString()}";

    private static async Task<List<JsonElement>> ListAsync(MentoringTenant t, string what) =>
        (await (await t.Worker.GetAsync($"{Api}/{what}?pageSize=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private static async Task<JsonElement?> ExtractAsync(MentoringTenant t, Guid participantId)
    {
        var extract = await (await t.Admin.GetAsync($"/api/participants/{participantId}/export")).ReadJsonAsync();
        var part = extract.GetProperty("modules").EnumerateArray().FirstOrDefault(m => m.GetProperty("moduleId").GetString() == Module);
        return part.ValueKind == JsonValueKind.Undefined ? null : part.GetProperty("data");
    }

    private static async Task<DemoProgramme> DemoProgrammeAsync(MentoringTenant t)
    {
        var enrolments = new List<DemoEnrolment>();
        var days = new[] { 500, 480, 460, 450, 440, 435, 200, 180, 170, 160, 155, 150, 60, 40, 30, 25 };
        for (var i = 0; i < days.Length; i++)
        {
            var gender = i % 2 == 0 ? Gender.Woman : Gender.Man;
            var id = await t.ParticipantAsync(gender == Gender.Woman ? "woman" : "man", t.Today.AddDays(-days[i]));
            enrolments.Add(new DemoEnrolment(Id(await t.EnrolmentAsync(id)), id, gender, 1988, ["ar", "sv"], EnrolmentStatus.Active, t.Today.AddDays(-days[i]), null, null));
        }

        var leaver = await t.ParticipantAsync("woman", t.Today.AddDays(-300));
        var enrolment = Id(await t.EnrolmentAsync(leaver));
        await t.Worker.ExitAsync(enrolment, t.Today.AddDays(-100));
        enrolments.Add(new DemoEnrolment(enrolment, leaver, Gender.Woman, 1985, ["so"], EnrolmentStatus.Exited, t.Today.AddDays(-300), t.Today.AddDays(-100), ExitReason.Completed));
        var referred = await t.ParticipantAsync(enrol: false);
        enrolments.Add(new DemoEnrolment(Guid.NewGuid(), referred, Gender.Woman, 1990, ["ti"], EnrolmentStatus.Referred, null, null, null));
        return new DemoProgramme(t.Setup.Id, t.Programme, "Hållbar integration (demo)", "2321", t.Today, 42, enrolments);
    }

    private async Task SeedAsync(MentoringTenant t, DemoProgramme programme)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(t.Setup.Id);
        await scope.ServiceProvider.GetServices<IDemoDataContributor>().Single(c => c.ModuleId == Module).SeedAsync(programme, default);
    }

    private static int Moved(JsonElement merge) =>
        merge.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module).GetProperty("moved").GetInt32();
}
