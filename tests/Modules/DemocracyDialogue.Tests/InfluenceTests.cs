using System.Text.Json;
using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>Self-assessments of influence: the change from the first to the latest event, in event order.</summary>
public sealed class InfluenceTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    [Fact]
    public async Task The_change_runs_from_the_earliest_to_the_latest_event_whatever_the_order_of_recording()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        var latest = Id(await t.EventAsync(("date", t.Today.AddDays(-2)), ("topic", "Senaste")));
        var first = Id(await t.EventAsync(("date", t.Today.AddDays(-40)), ("topic", "Första")));
        var middle = Id(await t.EventAsync(("date", t.Today.AddDays(-20))));
        var notAsked = Id(await t.EventAsync(("date", t.Today.AddDays(-1))));
        await t.AttendAsync(latest, (amina, 4));
        await t.AttendAsync(middle, (amina, 5));
        await t.AttendAsync(first, (amina, 1));
        await t.AttendAsync(notAsked, (amina, null));

        var influence = await (await t.Worker.GetAsync($"{Api}/participants/{amina}/influence")).ReadJsonAsync();

        var assessments = influence.GetProperty("assessments").EnumerateArray().ToList();
        Assert.Equal([first, middle, latest], assessments.Select(a => a.GetProperty("eventId").GetGuid()));
        Assert.Equal("Första", assessments[0].GetProperty("topic").GetString());
        Assert.Equal(3, influence.GetProperty("change").GetInt32());
    }

    [Fact]
    public async Task One_assessment_has_no_change_yet()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync();
        await t.AttendAsync(Id(await t.EventAsync()), (amina, 2));

        var influence = await (await t.Worker.GetAsync($"{Api}/participants/{amina}/influence")).ReadJsonAsync();

        Assert.Single(influence.GetProperty("assessments").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, influence.GetProperty("change").ValueKind);
    }
}
