using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.Mentoring.Tests.MentoringHost;

namespace Integration.Modules.Mentoring.Tests;

/// <summary>Meetings per match (date, duration, kind) and goals with their progress.</summary>
public sealed class MeetingAndGoalTests(MentoringHost host) : IClassFixture<MentoringHost>
{
    [Fact]
    public async Task Meetings_are_recorded_within_the_match_and_counted_on_it()
    {
        var t = await host.NewTenantAsync();
        var match = await t.MatchAsync(await t.ParticipantAsync(), Id(await t.MentorAsync()), t.Today.AddDays(-30));
        var url = $"{Api}/matches/{Id(match)}/meetings";

        var meeting = await Created(await t.Worker.PostAsJsonAsync(url, new { date = t.Today.AddDays(-7), durationMinutes = 90, kind = "in-person", note = "Fika och samtal om jobb." }));
        await Created(await t.Worker.PostAsJsonAsync(url, new { date = t.Today, durationMinutes = 30, kind = "video" }));

        Assert.Equal(("inPerson", 90), (meeting.GetProperty("kind").GetString(), meeting.GetProperty("durationMinutes").GetInt32()));
        var read = await t.MatchByIdAsync(Id(match));
        Assert.Equal((2, $"{t.Today:yyyy-MM-dd}"), (read.GetProperty("meetings").GetInt32(), read.GetProperty("lastMeetingOn").GetString()));
        var list = (await (await t.Worker.GetAsync(url)).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["video", "inPerson"], list.Select(m => m.GetProperty("kind").GetString()));
    }

    public static TheoryData<string, object?> BadMeetings() => new()
    {
        { "durationMinutes", 0 },
        { "durationMinutes", -15 },
        { "durationMinutes", 601 },
        { "durationMinutes", null },
        { "kind", "letter" },
        { "kind", null },
        { "date", "future" },
        { "date", "beforeStart" },
        { "date", null },
        { "note", new string('x', 1001) },
    };

    [Theory]
    [MemberData(nameof(BadMeetings))]
    public async Task Bad_meetings_are_a_400_naming_the_field_and_store_nothing(string field, object? value)
    {
        var t = await host.NewTenantAsync();
        var match = await t.MatchAsync(await t.ParticipantAsync(), Id(await t.MentorAsync()), t.Today.AddDays(-30));
        var body = With(new Dictionary<string, object?> { ["date"] = t.Today, ["durationMinutes"] = 60, ["kind"] = "phone" }, (field, value switch
        {
            "future" => t.Today.AddDays(1),
            "beforeStart" => t.Today.AddDays(-31),
            _ => value,
        }));

        await (await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/meetings", body)).AssertFieldErrorAsync(field);

        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/matches/{Id(match)}/meetings")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_meeting_after_the_end_is_refused_and_so_is_an_end_before_a_meeting()
    {
        var t = await host.NewTenantAsync();
        var match = await t.MatchAsync(await t.ParticipantAsync(), Id(await t.MentorAsync()), t.Today.AddDays(-30));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/meetings", new { date = t.Today.AddDays(-5), durationMinutes = 60, kind = "phone" }));

        await (await t.ChangeMatchAsync(match, "end", t.Today.AddDays(-6), "goalsReached")).AssertFieldErrorAsync("date");
        (await t.ChangeMatchAsync(match, "end", t.Today.AddDays(-5), "goalsReached")).EnsureSuccessStatusCode();

        await (await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/meetings", new { date = t.Today, durationMinutes = 60, kind = "phone" })).AssertFieldErrorAsync("date");
        await (await t.Worker.PostAsJsonAsync($"{Api}/matches/{Id(match)}/goals", new { title = "Nytt mål" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await t.MatchByIdAsync(Id(match))).GetProperty("meetings").GetInt32());
    }

    [Fact]
    public async Task Goals_record_progress_and_status_with_if_match_and_bad_updates_store_nothing()
    {
        var t = await host.NewTenantAsync();
        var match = await t.MatchAsync(await t.ParticipantAsync(), Id(await t.MentorAsync()), t.Today.AddDays(-30));
        var goals = $"{Api}/matches/{Id(match)}/goals";
        await (await t.Worker.PostAsJsonAsync(goals, new { title = " " })).AssertFieldErrorAsync("title");
        await (await t.Worker.PostAsJsonAsync(goals, new { title = "Mål", targetDate = t.Today.AddDays(-31) })).AssertFieldErrorAsync("targetDate");
        var goal = await Created(await t.Worker.PostAsJsonAsync(goals, new { title = "Skriva ett CV", targetDate = t.Today.AddDays(30) }));
        Assert.Equal((0, "open"), (goal.GetProperty("progress").GetInt32(), goal.GetProperty("status").GetString()));
        Assert.Equal(1, (await t.MatchByIdAsync(Id(match))).GetProperty("openGoals").GetInt32());
        var url = $"{Api}/goals/{Id(goal)}/updates";

        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today, progress = 101 }, 1))).AssertFieldErrorAsync("progress");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today, progress = -1 }, 1))).AssertFieldErrorAsync("progress");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today, status = "done" }, 1))).AssertFieldErrorAsync("status");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today, status = "achieved", progress = 80 }, 1))).AssertFieldErrorAsync("progress");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today.AddDays(1), progress = 50 }, 1))).AssertFieldErrorAsync("date");
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today }, 1))).AssertFieldErrorAsync("progress");
        await (await t.Worker.PostAsJsonAsync(url, new { date = t.Today, progress = 50 })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/goals/{Id(goal)}")).ReadJsonAsync()).GetProperty("updates").EnumerateArray());

        var half = await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today.AddDays(-3), progress = 50, note = "Första utkastet klart." }, 1))).ReadJsonAsync();
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today, progress = 60 }, 1))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var done = await (await t.Worker.SendAsync(Versioned(HttpMethod.Post, url, new { date = t.Today, status = "achieved" }, Version(half)))).ReadJsonAsync();

        Assert.Equal((100, "achieved", 3L), (done.GetProperty("progress").GetInt32(), done.GetProperty("status").GetString(), Version(done)));
        Assert.Equal([50, 100], done.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("progress").GetInt32()));
        Assert.Equal(0, (await t.MatchByIdAsync(Id(match))).GetProperty("openGoals").GetInt32());
        Assert.Single((await (await t.Worker.GetAsync(goals)).ReadJsonAsync()).EnumerateArray());
    }
}
