using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>The monthly review comes due as the clock passes its date, and the next is planned a month on (its own host: the clock moves).</summary>
public sealed class ReviewClockTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    [Fact]
    public async Task The_review_comes_due_and_the_next_follows_a_month_later()
    {
        var t = await host.NewTenantAsync();
        var participant = (await t.PathwayAsync(t.Today)).GetProperty("participantId").GetGuid();
        var due = Date(Assert.Single(await t.ReviewsAsync(participant)).GetProperty("dueOn"));

        host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - t.Today.DayNumber));
        await host.DispatchAsync();
        var admin = await host.Host.SignInAsync(t.Setup.AdminEmail, TestHost.StaffPassword);

        var reviews = (await admin.FollowUpsAsync(participant)).GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "income-support-monthly-review").ToList();
        Assert.Contains(reviews, r => r.GetProperty("state").GetString() == "due" && Date(r.GetProperty("dueOn")) == due);
        Assert.Contains(reviews, r => r.GetProperty("state").GetString() == "scheduled" && Date(r.GetProperty("dueOn")) == due.AddMonths(1));
    }
}
