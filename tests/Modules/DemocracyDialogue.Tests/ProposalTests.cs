using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.DemocracyDialogue.Tests.DialogueHost;

namespace Integration.Modules.DemocracyDialogue.Tests;

/// <summary>Proposals: raised, sent to a municipal body, answered; every rule, and the reminder follow-up.</summary>
public sealed class ProposalTests(DialogueHost host) : IClassFixture<DialogueHost>
{
    [Fact]
    public async Task A_proposal_goes_to_a_body_and_back_with_the_days_it_took()
    {
        var t = await host.NewTenantAsync();
        var (eventId, amina, karim) = await HeldEventAsync(t, daysAgo: 40);

        var raised = await t.ProposalAsync(eventId, "transport", karim, amina);
        var sent = await t.SendAsync(raised, t.Today.AddDays(-30));
        var answered = await t.AnswerAsync(sent, "partly", t.Today.AddDays(-5));

        Assert.Equal("raised", raised.GetProperty("status").GetString());
        Assert.Equal([karim, amina], raised.GetProperty("raisedBy").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal("council", sent.GetProperty("sentTo").GetProperty("kind").GetString());
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        Assert.Equal("partly", answered.GetProperty("answer").GetProperty("decision").GetString());
        Assert.Equal(25, answered.GetProperty("daysToAnswer").GetInt32());
        Assert.Equal(3, Version(answered));
        var listed = await (await t.Worker.GetAsync($"{Api}/events/{eventId}/proposals")).ReadJsonAsync();
        Assert.Equal(Id(raised), Id(listed.EnumerateArray().Single()));
    }

    [Fact]
    public async Task Every_field_of_a_proposal_is_checked_and_nothing_is_stored()
    {
        var t = await host.NewTenantAsync();
        var (eventId, amina, _) = await HeldEventAsync(t);
        var absent = await t.ParticipantAsync();
        var planned = Id(await t.EventAsync(("date", t.Today.AddDays(5))));
        var url = $"{Api}/events/{eventId}/proposals";

        await (await t.Worker.PostAsJsonAsync(url, new { text = " ", theme = "housing" })).AssertFieldErrorAsync("text");
        await (await t.Worker.PostAsJsonAsync(url, new { text = new string('x', 4001), theme = "housing" })).AssertFieldErrorAsync("text");
        await (await t.Worker.PostAsJsonAsync(url, new { text = "Förslag", theme = "weather" })).AssertFieldErrorAsync("theme");
        await (await t.Worker.PostAsJsonAsync(url, new { text = "Förslag" })).AssertFieldErrorAsync("theme");
        await (await t.Worker.PostAsJsonAsync(url, new { text = "Förslag", theme = "other", raisedBy = new[] { amina, absent } })).AssertFieldErrorAsync("raisedBy[1]");
        await (await t.Worker.PostAsJsonAsync(url, new { text = "Förslag", theme = "other", raisedBy = new[] { amina, amina } })).AssertFieldErrorAsync("raisedBy[1]");
        await (await t.Worker.PostAsJsonAsync($"{Api}/events/{planned}/proposals", new { text = "Förslag", theme = "other" })).AssertFieldErrorAsync("eventId");
        await (await t.Worker.PostAsJsonAsync($"{Api}/events/{Guid.NewGuid()}/proposals", new { text = "Förslag", theme = "other" })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/proposals")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sending_and_answering_are_checked_against_the_event_the_sending_and_today()
    {
        var t = await host.NewTenantAsync();
        var (eventId, amina, _) = await HeldEventAsync(t, daysAgo: 20);
        var proposal = await t.ProposalAsync(eventId, "schools", amina);
        async Task SendRefused(string field, object body) => await (await t.SendProposalAsync(proposal, body)).AssertFieldErrorAsync(field);

        await (await t.AnswerProposalAsync(proposal, new { decision = "accepted", answeredOn = t.Today, content = "Ja." })).AssertProblemAsync(HttpStatusCode.Conflict);
        await SendRefused("sentOn", new { bodyKind = "committee", bodyName = "Barn- och utbildningsnämnden", sentOn = t.Today.AddDays(-21) });
        await SendRefused("sentOn", new { bodyKind = "committee", bodyName = "Barn- och utbildningsnämnden", sentOn = t.Today.AddDays(1) });
        await SendRefused("sentOn", new { bodyKind = "committee", bodyName = "Barn- och utbildningsnämnden" });
        await SendRefused("bodyKind", new { bodyKind = "parliament", bodyName = "Riksdagen", sentOn = t.Today });
        await SendRefused("bodyName", new { bodyKind = "board", bodyName = "", sentOn = t.Today });
        await (await t.Worker.PostAsJsonAsync($"{Api}/proposals/{Id(proposal)}/send", new { bodyKind = "board", bodyName = "Kommunstyrelsen", sentOn = t.Today })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal("raised", (await t.ProposalByIdAsync(Id(proposal))).GetProperty("status").GetString());

        var sent = await t.SendAsync(proposal, t.Today.AddDays(-10));
        await (await t.SendProposalAsync(sent, new { bodyKind = "board", bodyName = "Kommunstyrelsen", sentOn = t.Today })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await t.AnswerProposalAsync(proposal, new { decision = "accepted", answeredOn = t.Today, content = "Ja." })).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        async Task AnswerRefused(string field, object body) => await (await t.AnswerProposalAsync(sent, body)).AssertFieldErrorAsync(field);
        await AnswerRefused("answeredOn", new { decision = "accepted", answeredOn = t.Today.AddDays(-11), content = "Ja." });
        await AnswerRefused("answeredOn", new { decision = "accepted", answeredOn = t.Today.AddDays(1), content = "Ja." });
        await AnswerRefused("content", new { decision = "rejected", answeredOn = t.Today });
        await AnswerRefused("decision", new { decision = "maybe", answeredOn = t.Today, content = "Kanske." });
        Assert.Equal("sent", (await t.ProposalByIdAsync(Id(proposal))).GetProperty("status").GetString());

        var closed = await (await t.AnswerProposalAsync(sent, new { decision = "noAnswer", answeredOn = t.Today })).ReadJsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("daysToAnswer").ValueKind);
    }

    [Fact]
    public async Task A_sent_proposal_gets_a_reminder_on_its_first_raisers_list_that_the_answer_cancels()
    {
        var t = await host.NewTenantAsync();
        var (eventId, amina, karim) = await HeldEventAsync(t, daysAgo: 90);
        var proposal = await t.ProposalAsync(eventId, "housing", karim, amina);

        var sent = await t.SendAsync(proposal, t.Today.AddDays(-70));
        var reminder = (await t.RemindersAsync(karim)).Single();
        await host.DispatchAsync();
        var due = (await t.RemindersAsync(karim)).Single();
        var answered = await t.AnswerAsync(sent, "accepted", t.Today);
        var cancelled = (await t.RemindersAsync(karim)).Single();

        Assert.Equal("followUp", sent.GetProperty("reminder").GetString());
        Assert.Equal(karim, sent.GetProperty("reminderParticipantId").GetGuid());
        Assert.Equal(t.Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reminder.GetProperty("dueOn").GetString());
        Assert.Equal("democracy-dialogue-proposal-reminder", reminder.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, reminder.GetProperty("enrolmentId").ValueKind);
        Assert.Equal("due", due.GetProperty("state").GetString());
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("closed", answered.GetProperty("reminder").GetString());
        Assert.Empty(await t.RemindersAsync(amina));
    }

    [Fact]
    public async Task The_tenant_sets_the_days_and_a_raiser_who_withdrew_follow_up_consent_is_passed_over()
    {
        var t = await host.NewTenantAsync();
        (await t.Admin.PutAsJsonAsync("/api/follow-up-policies/democracy-dialogue:proposal-reminder", new { enabled = true, offsets = new[] { "30 days" } })).EnsureSuccessStatusCode();
        var (eventId, amina, karim) = await HeldEventAsync(t, daysAgo: 10);
        var consent = await t.Worker.GiveConsentAsync(karim, "followUpContact", t.Today.AddDays(-50));
        await t.Worker.WithdrawConsentAsync(karim, consent, t.Today.AddDays(-1));
        var proposal = await t.ProposalAsync(eventId, "leisure", karim, amina);

        var sent = await t.SendAsync(proposal, t.Today.AddDays(-2));

        Assert.Equal(amina, sent.GetProperty("reminderParticipantId").GetGuid());
        var reminder = (await t.RemindersAsync(amina)).Single();
        Assert.Equal(t.Today.AddDays(28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reminder.GetProperty("dueOn").GetString());
        Assert.Empty(await t.RemindersAsync(karim));
    }

    [Fact]
    public async Task A_proposal_no_participant_raised_is_found_by_days_without_answer_and_gets_its_reminder_once_a_raiser_is_named()
    {
        var t = await host.NewTenantAsync();
        var (eventId, amina, _) = await HeldEventAsync(t, daysAgo: 100);
        var lonely = await t.ProposalAsync(eventId, "other");
        var recent = await t.SendAsync(await t.ProposalAsync(eventId, "schools"), t.Today.AddDays(-5));

        var sent = await t.SendAsync(lonely, t.Today.AddDays(-80));
        var waiting = await (await t.Worker.GetAsync($"{Api}/proposals?unansweredForDays=60")).ReadJsonAsync();
        var allSent = await (await t.Worker.GetAsync($"{Api}/proposals?status=sent")).ReadJsonAsync();
        var named = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/proposals/{Id(sent)}", new { text = "Blanketter på lätt svenska.", theme = "other", raisedBy = new[] { amina } }, Version(sent)))).ReadJsonAsync();

        Assert.Equal("noParticipant", sent.GetProperty("reminder").GetString());
        Assert.Equal(Id(sent), Id(waiting.GetProperty("items").EnumerateArray().Single()));
        Assert.Equal(2, allSent.GetProperty("total").GetInt32());
        Assert.NotEqual(Id(recent), Id(waiting.GetProperty("items")[0]));
        Assert.Equal("followUp", named.GetProperty("reminder").GetString());
        Assert.Equal(t.Today.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (await t.RemindersAsync(amina)).Single().GetProperty("dueOn").GetString());
        await (await t.Worker.GetAsync($"{Api}/proposals?status=lost")).AssertFieldErrorAsync("status");
        await (await t.Worker.GetAsync($"{Api}/proposals?unansweredForDays=-1")).AssertFieldErrorAsync("unansweredForDays");
    }

    /// <summary>An event <paramref name="daysAgo"/> days ago attended by a woman and a man enrolled long before.</summary>
    private static async Task<(Guid Event, Guid Amina, Guid Karim)> HeldEventAsync(DialogueTenant t, int daysAgo = 7)
    {
        var amina = await t.ParticipantAsync(enrolledFrom: t.Today.AddDays(-daysAgo - 30));
        var karim = await t.ParticipantAsync("man", enrolledFrom: t.Today.AddDays(-daysAgo - 30));
        var eventId = Id(await t.EventAsync(("date", t.Today.AddDays(-daysAgo))));
        await t.AttendAsync(eventId, (amina, null), (karim, null));
        return (eventId, amina, karim);
    }
}
