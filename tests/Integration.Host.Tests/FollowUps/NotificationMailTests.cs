using System.Net.Http.Json;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.FollowUps;

/// <summary>With an SMTP server configured, each assignee gets one e-mail per dispatcher run, without personal data.</summary>
public sealed class NotificationMailTests : IAsyncLifetime
{
    private readonly FakeSmtpServer smtp = new();
    private FollowUpFixture f = null!;

    public async Task InitializeAsync() => f = await FollowUpFixture.CreateAsync("notification-mail", new Dictionary<string, string?>
    {
        ["Integration:Smtp:Host"] = "127.0.0.1",
        ["Integration:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Integration:Smtp:From"] = "uppfoljning@kommun.test.invalid",
        ["Integration:Smtp:WorklistUrl"] = "https://integration.kommun.test.invalid/worklist",
    });

    public async Task DisposeAsync()
    {
        await f.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Due_follow_ups_are_mailed_once_per_assignee_without_names()
    {
        await f.ExitedParticipantAsync(given: "Samira");
        await f.ExitedParticipantAsync(given: "Yusuf", gender: "man");
        var unassigned = await f.RegisterAsync(given: "Noor");
        (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = "u", kind = "call", dueOn = f.Today.AddDays(28) })).EnsureSuccessStatusCode();
        await f.AdvanceAsync(TimeSpan.FromDays(28));

        var report = await f.DispatchAsync();
        await f.DispatchAsync();

        Assert.Equal(1, report.GetProperty("notificationsSent").GetInt32());
        var mail = Assert.Single(smtp.Messages);
        Assert.Single(mail.Recipients);
        Assert.Contains("https://integration.kommun.test.invalid/worklist", mail.Body, StringComparison.Ordinal);
        Assert.Contains("You have 2 follow-up(s) due", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Samira", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hassan", mail.Body, StringComparison.Ordinal);
        var notifications = await (await f.Worker.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.All(notifications.GetProperty("items").EnumerateArray(), n => Assert.Equal("sent", n.GetProperty("delivery").GetString()));
        Assert.Equal(2, notifications.GetProperty("total").GetInt32());
        Assert.NotEqual(Guid.Empty, unassigned);
    }
}
