using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>The reminder comes due when the clock passes 60 days without an answer (its own host: the clock moves).</summary>
public sealed class ReminderClockTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    [Fact]
    public async Task Sixty_days_without_an_answer_make_the_reminder_due_and_the_answer_then_cancels_it()
    {
        var t = await host.NewTenantAsync();
        var amina = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-30));
        var eventId = Id(await t.EventAsync(("date", t.Today.AddDays(-1))));
        await t.AttendAsync(eventId, (amina, 2));
        var sent = await t.SendAsync(await t.ProposalAsync(eventId, "transport", amina), t.Today);

        await host.DispatchAsync();
        var before = (await t.RemindersAsync(amina)).Single();
        host.Clock.Advance(TimeSpan.FromDays(59));
        await host.DispatchAsync();
        var admin = await host.Host.SignInAsync(t.Setup.AdminEmail, TestHost.StaffPassword);
        var stillWaiting = await StateAsync(admin, amina);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.DispatchAsync();
        admin = await host.Host.SignInAsync(t.Setup.AdminEmail, TestHost.StaffPassword);
        var due = await StateAsync(admin, amina);
        var answer = await admin.SendAsync(Versioned(HttpMethod.Post, $"{Api}/proposals/{Id(sent)}/answer",
            new { decision = "rejected", answeredOn = host.Today, content = "Avslag med hänvisning till budgeten." }, Version(sent)));
        answer.EnsureSuccessStatusCode();

        Assert.Equal("scheduled", before.GetProperty("state").GetString());
        Assert.Equal("scheduled", stillWaiting);
        Assert.Equal("due", due);
        Assert.Equal("cancelled", await StateAsync(admin, amina));
    }

    private static async Task<string?> StateAsync(HttpClient client, Guid participant)
    {
        var page = await (await client.GetAsync($"/api/follow-ups?participantId={participant}&kind=democracy-dialogue-proposal-reminder")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("state").GetString();
    }
}
