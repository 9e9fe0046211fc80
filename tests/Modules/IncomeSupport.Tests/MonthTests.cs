using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>Monthly statuses and the rule of self-sufficiency: the outcome through the contract, reopening, the tenant's setting.</summary>
public sealed class MonthTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    [Fact]
    public async Task Three_months_without_support_make_the_participant_self_sufficient_from_the_first_of_them()
    {
        var t = await host.NewTenantAsync();
        var start = t.ThisMonth.AddMonths(-6);
        var pathway = await t.PathwayAsync(start.AddDays(9));
        var id = Id(pathway);
        var participant = pathway.GetProperty("participantId").GetGuid();

        var two = await t.MonthsAsync(id, start, true, true, false, false);
        Assert.Equal("open", two.GetProperty("status").GetString());
        Assert.Equal(2, two.GetProperty("monthsWithoutSupport").GetInt32());
        Assert.Empty(await t.SelfSufficientOutcomesAsync(participant));

        var three = await t.MonthAsync(id, start.AddMonths(4), paid: false);
        var again = await t.MonthAsync(id, start.AddMonths(4), paid: false);

        Assert.Equal("selfSufficient", three.GetProperty("status").GetString());
        Assert.Equal(start.AddMonths(2), Date(three.GetProperty("selfSufficientOn")));
        var outcome = Assert.Single(await t.SelfSufficientOutcomesAsync(participant));
        Assert.Equal(start.AddMonths(2), Date(outcome.GetProperty("date")));
        Assert.Equal("income-support", outcome.GetProperty("recordedByModule").GetString());
        Assert.Equal(pathway.GetProperty("enrolmentId").GetGuid(), outcome.GetProperty("enrolmentId").GetGuid());
        Assert.Equal(outcome.GetProperty("id").GetGuid(), again.GetProperty("outcomeId").GetGuid());
    }

    [Fact]
    public async Task A_streak_in_the_month_of_the_application_dates_from_the_application()
    {
        var t = await host.NewTenantAsync();
        var first = t.ThisMonth.AddMonths(-4).AddDays(14);
        var id = Id(await t.PathwayAsync(first));

        var done = await t.MonthsAsync(id, first.AddDays(-14), false, false, false);

        Assert.Equal(first, Date(done.GetProperty("selfSufficientOn")));
    }

    [Fact]
    public async Task An_unrecorded_month_breaks_the_streak()
    {
        var t = await host.NewTenantAsync();
        var start = t.ThisMonth.AddMonths(-6);
        var id = Id(await t.PathwayAsync(start));
        await t.MonthsAsync(id, start, true, false, false);

        var after = await t.MonthAsync(id, start.AddMonths(4), paid: false);

        Assert.Equal("open", after.GetProperty("status").GetString());
        Assert.Equal(1, after.GetProperty("monthsWithoutSupport").GetInt32());
        var filled = await t.MonthAsync(id, start.AddMonths(3), paid: false);
        Assert.Equal(start.AddMonths(1), Date(filled.GetProperty("selfSufficientOn")));
    }

    [Fact]
    public async Task Support_paid_again_reopens_the_pathway_and_a_new_streak_records_a_new_outcome()
    {
        var t = await host.NewTenantAsync();
        var start = t.ThisMonth.AddMonths(-9);
        var pathway = await t.PathwayAsync(start);
        var id = Id(pathway);
        var participant = pathway.GetProperty("participantId").GetGuid();
        await t.MonthsAsync(id, start, true, false, false, false);

        var reopened = await t.MonthAsync(id, start.AddMonths(4), paid: true);
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal(JsonNull, reopened.GetProperty("selfSufficientOn").ValueKind);

        var closed = await t.MonthsAsync(id, start.AddMonths(5), false, false, false);
        Assert.Equal(start.AddMonths(5), Date(closed.GetProperty("selfSufficientOn")));
        Assert.Equal([start.AddMonths(1), start.AddMonths(5)], (await t.SelfSufficientOutcomesAsync(participant)).Select(o => Date(o.GetProperty("date"))).Order());
    }

    [Theory]
    [InlineData("2026-13", "month")]
    [InlineData("march", "month")]
    [InlineData("future", "month")]
    [InlineData("before", "month")]
    public async Task A_month_in_the_future_or_before_the_pathway_or_malformed_is_a_400_and_nothing_is_stored(string month, string field)
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.ThisMonth.AddMonths(-2)));
        var text = month switch
        {
            "future" => Month(t.ThisMonth.AddMonths(1)),
            "before" => Month(t.ThisMonth.AddMonths(-3)),
            _ => month,
        };

        await (await t.PutMonthAsync(id, text, new { supportPaid = false })).AssertFieldErrorAsync(field);

        var stored = await t.GetAsync(id);
        Assert.Empty(stored.GetProperty("months").EnumerateArray());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_current_month_may_be_recorded()
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.ThisMonth));

        var now = await t.MonthAsync(id, t.ThisMonth, paid: true);

        Assert.Equal(Month(t.ThisMonth), now.GetProperty("months")[0].GetProperty("month").GetString());
        Assert.Equal(["unemployment"], now.GetProperty("months")[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData(null, new string[0], "supportPaid")]
    [InlineData(true, new string[0], "reasons")]
    [InlineData(false, new[] { "illness" }, "reasons")]
    [InlineData(true, new[] { "laziness" }, "reasons[0]")]
    [InlineData(true, new[] { "illness", "illness" }, "reasons[1]")]
    public async Task Bad_statuses_name_the_field_and_store_nothing(bool? paid, string[] reasons, string field)
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.ThisMonth.AddMonths(-2)));

        await (await t.PutMonthAsync(id, Month(t.ThisMonth), new { supportPaid = paid, reasons })).AssertFieldErrorAsync(field);

        Assert.Empty((await t.GetAsync(id)).GetProperty("months").EnumerateArray());
    }

    [Fact]
    public async Task A_month_recorded_by_mistake_is_removed_and_the_pathway_evaluated_again()
    {
        var t = await host.NewTenantAsync();
        var start = t.ThisMonth.AddMonths(-5);
        var id = Id(await t.PathwayAsync(start));
        await t.MonthsAsync(id, start, true, false, false, false);

        var removed = await (await t.Worker.DeleteAsync($"{Api}/pathways/{id}/months/{Month(start.AddMonths(3))}")).ReadJsonAsync();

        Assert.Equal("open", removed.GetProperty("status").GetString());
        Assert.Equal(3, removed.GetProperty("months").GetArrayLength());
        await (await t.Worker.DeleteAsync($"{Api}/pathways/{id}/months/{Month(start.AddMonths(3))}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tenant_admin_changes_the_months_required_and_every_pathway_is_evaluated_again()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var start = t.ThisMonth.AddMonths(-5);
        var pathway = await t.PathwayAsync(start);
        var id = Id(pathway);
        await t.MonthsAsync(id, start, true, false, false);
        var settings = await t.Admin.GetAsync($"{Api}/settings");
        Assert.Equal(3, (await settings.ReadJsonAsync()).GetProperty("monthsWithoutSupport").GetInt32());

        await (await t.Admin.PutAsJsonAsync($"{Api}/settings", new { monthsWithoutSupport = 2 })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await t.Admin.SendAsync(Versioned(HttpMethod.Put, $"{Api}/settings", new { monthsWithoutSupport = 0 }, "\"0\""))).AssertFieldErrorAsync("monthsWithoutSupport");
        await (await t.Admin.SendAsync(Versioned(HttpMethod.Put, $"{Api}/settings", new { monthsWithoutSupport = 25 }, "\"0\""))).AssertFieldErrorAsync("monthsWithoutSupport");
        Assert.Equal("open", (await t.GetAsync(id)).GetProperty("status").GetString());
        var changed = await (await t.Admin.SendAsync(Versioned(HttpMethod.Put, $"{Api}/settings", new { monthsWithoutSupport = 2 }, "\"0\""))).ReadJsonAsync();

        Assert.Equal((2, 1L), (changed.GetProperty("monthsWithoutSupport").GetInt32(), changed.GetProperty("version").GetInt64()));
        var now = await t.GetAsync(id);
        Assert.Equal(("selfSufficient", 2), (now.GetProperty("status").GetString(), now.GetProperty("monthsRequired").GetInt32()));
        Assert.Equal(start.AddMonths(1), Date(now.GetProperty("selfSufficientOn")));
        Assert.Single(await t.SelfSufficientOutcomesAsync(pathway.GetProperty("participantId").GetGuid()));
        await (await t.Admin.SendAsync(Versioned(HttpMethod.Put, $"{Api}/settings", new { monthsWithoutSupport = 4 }, "\"0\""))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(3, (await (await other.Admin.GetAsync($"{Api}/settings")).ReadJsonAsync()).GetProperty("monthsWithoutSupport").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
