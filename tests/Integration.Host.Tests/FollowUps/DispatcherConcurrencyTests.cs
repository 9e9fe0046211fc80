using System.Net;
using System.Net.Http.Json;

namespace Integration.Host.Tests.FollowUps;

/// <summary>Two dispatcher runs at once (as two host instances would run them) share the work and never both take a follow-up.</summary>
public sealed class DispatcherConcurrencyTests : IAsyncLifetime
{
    private FollowUpFixture f = null!;

    public async Task InitializeAsync() => f = await FollowUpFixture.CreateAsync("dispatcher-concurrency", new Dictionary<string, string?> { ["Integration:FollowUps:BatchSize"] = "10" });

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task Concurrent_runs_make_each_follow_up_due_and_notify_it_once()
    {
        for (var i = 0; i < 6; i++)
        {
            await f.ExitedParticipantAsync(given: $"Person{i}");
        }

        for (var round = 0; round < 20; round++)
        {
            (await f.Admin.PostAsJsonAsync("/api/follow-ups/schedule", new { idempotencyKey = $"r{round}", kind = $"check-{round}", dueOn = f.Today, assigneeId = f.WorkerId }))
                .EnsureSuccessStatusCode();
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => f.DispatchAsync()));

        Assert.Equal(120, runs.Sum(r => r.GetProperty("madeDue").GetInt32()));
        var notifications = await (await f.Worker.GetAsync("/api/notifications?pageSize=1")).ReadJsonAsync();
        Assert.Equal(120, notifications.GetProperty("total").GetInt32());
        var due = await (await f.Worker.GetAsync("/api/follow-ups?state=due&pageSize=1")).ReadJsonAsync();
        Assert.Equal(120, due.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await f.Worker.GetAsync("/api/follow-ups/worklist")).StatusCode);
    }
}
