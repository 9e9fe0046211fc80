using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>The monthly review while a pathway is open: started when it opens, cancelled at self-sufficiency, started again on reopening.</summary>
public sealed class FollowUpTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    [Fact]
    public async Task An_open_pathway_is_reviewed_monthly_until_self_sufficiency_and_again_after_reopening()
    {
        var t = await host.NewTenantAsync();
        var first = t.Today.AddDays(-10);
        var pathway = await t.PathwayAsync(first);
        var id = Id(pathway);
        var participant = pathway.GetProperty("participantId").GetGuid();

        var review = Assert.Single(await t.ReviewsAsync(participant));
        Assert.Equal("scheduled", review.GetProperty("state").GetString());
        Assert.Equal(first.AddMonths(1), Date(review.GetProperty("dueOn")));
        Assert.Equal("income-support-monthly-review", review.GetProperty("kind").GetString());
        Assert.Equal(pathway.GetProperty("enrolmentId").GetGuid(), review.GetProperty("enrolmentId").GetGuid());

        // Backdate the start so that three whole months lie behind it.
        var start = t.ThisMonth.AddMonths(-4);
        await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}", new { firstApplicationOn = start }, "*"));
        await t.MonthsAsync(id, start, true, false, false, false);
        Assert.All(await t.ReviewsAsync(participant), r => Assert.Equal("cancelled", r.GetProperty("state").GetString()));

        await t.MonthAsync(id, t.ThisMonth, paid: true);

        var reviews = await t.ReviewsAsync(participant);
        var reopened = Assert.Single(reviews, r => r.GetProperty("state").GetString() == "scheduled");
        Assert.True(Date(reopened.GetProperty("dueOn")) > t.Today);
    }
}
