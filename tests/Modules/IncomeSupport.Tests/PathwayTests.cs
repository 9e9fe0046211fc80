using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>Pathways: opened for an enrolled participant, read, listed by household and changed with their version; tenants and permissions.</summary>
public sealed class PathwayTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    [Fact]
    public async Task A_pathway_is_opened_read_and_changed_with_its_version()
    {
        var t = await host.NewTenantAsync();
        var created = await t.PathwayAsync(t.Today.AddDays(-40), household: "HH-77");
        var id = Id(created);

        var read = await t.Worker.GetAsync($"{Api}/pathways/{id}");
        var body = await read.ReadJsonAsync();
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("monthsRequired").GetInt32());
        Assert.Equal("HH-77", body.GetProperty("householdReference").GetString());

        var change = new { firstApplicationOn = t.Today.AddDays(-50), householdReference = "HH-78" };
        await (await t.Worker.PutAsJsonAsync($"{Api}/pathways/{id}", change)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}", change, "\"9\""))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}", change, "\"1\""))).ReadJsonAsync();

        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal(t.Today.AddDays(-50), Date(updated.GetProperty("firstApplicationOn")));
        Assert.Equal("HH-78", updated.GetProperty("householdReference").GetString());
    }

    [Fact]
    public async Task Pathways_are_listed_by_household_and_status()
    {
        var t = await host.NewTenantAsync();
        var a = Id(await t.PathwayAsync(t.Today.AddDays(-10), household: "HH-1"));
        var b = Id(await t.PathwayAsync(t.Today.AddDays(-20), household: "HH-1"));
        await t.PathwayAsync(t.Today.AddDays(-30), household: "HH-2");

        var household = await (await t.Worker.GetAsync($"{Api}/pathways?household=HH-1")).ReadJsonAsync();
        var open = await (await t.Worker.GetAsync($"{Api}/pathways?status=open&pageSize=2")).ReadJsonAsync();

        Assert.Equal([a, b], household.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal(3, open.GetProperty("total").GetInt32());
        Assert.Equal(2, open.GetProperty("items").GetArrayLength());
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/pathways?status=selfSufficient")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        await (await t.Worker.GetAsync($"{Api}/pathways?status=closed")).AssertFieldErrorAsync("status");
        await (await t.Worker.GetAsync($"{Api}/pathways?pageSize=500")).AssertFieldErrorAsync("pageSize");
    }

    [Theory]
    [InlineData("participantId", false, 10, "HH")]
    [InlineData("firstApplicationOn", true, null, "HH")]
    [InlineData("firstApplicationOn", true, -1, "HH")]
    [InlineData("firstApplicationOn", true, 365 * 21, "HH")]
    [InlineData("householdReference", true, 10, "A-very-long-household-reference-beyond-forty-characters")]
    public async Task Bad_pathway_fields_are_a_400_naming_the_field_and_nothing_is_stored(string field, bool withParticipant, int? daysAgo, string household)
    {
        var t = await host.NewTenantAsync();
        var (participant, _) = await t.ParticipantAsync();

        var response = await t.PostPathwayAsync(new
        {
            participantId = withParticipant ? participant : (Guid?)null,
            firstApplicationOn = daysAgo is { } d ? t.Today.AddDays(-d) : (DateOnly?)null,
            householdReference = household,
        });

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/pathways")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Empty(await t.ReviewsAsync(participant));
    }

    [Fact]
    public async Task A_participant_needs_an_ongoing_enrolment_and_has_one_pathway()
    {
        var t = await host.NewTenantAsync();
        var unenrolled = await t.Worker.CreateParticipantAsync();
        var (exited, enrolment) = await t.ParticipantAsync();
        await t.Worker.ExitAsync(enrolment, t.Today);

        await (await t.PostPathwayAsync(new { participantId = unenrolled, firstApplicationOn = t.Today })).AssertFieldErrorAsync("participantId");
        await (await t.PostPathwayAsync(new { participantId = exited, firstApplicationOn = t.Today })).AssertFieldErrorAsync("participantId");
        await (await t.PostPathwayAsync(new { participantId = Guid.NewGuid(), firstApplicationOn = t.Today })).AssertFieldErrorAsync("participantId");

        var (p, _) = await t.ParticipantAsync();
        await t.PathwayForAsync(p, t.Today.AddDays(-5));
        await (await t.PostPathwayAsync(new { participantId = p, firstApplicationOn = t.Today })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await (await t.Worker.GetAsync($"{Api}/pathways")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_start_cannot_move_after_recorded_months()
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.ThisMonth.AddMonths(-3)));
        await t.MonthAsync(id, t.ThisMonth.AddMonths(-3), paid: true);

        var late = new { firstApplicationOn = t.ThisMonth.AddMonths(-1) };
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}", late, "*"))).AssertFieldErrorAsync("firstApplicationOn");

        Assert.Equal(t.ThisMonth.AddMonths(-3), Date((await t.GetAsync(id)).GetProperty("firstApplicationOn")));
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_every_route_of_a_pathway()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.Today.AddDays(-40)));
        var month = Month(t.ThisMonth);

        await (await other.Worker.GetAsync($"{Api}/pathways/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}", new { firstApplicationOn = t.Today }, "*"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutMonthAsync(id, month, new { supportPaid = false })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/steps", new { kind = "sfi", startDate = t.Today })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/barriers", new { kind = "language", identifiedOn = t.Today })).AssertProblemAsync(HttpStatusCode.NotFound);
        await t.MonthAsync(id, t.ThisMonth, paid: false);
        var step = Id(await (await t.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/steps", new { kind = "sfi", startDate = t.Today })).ReadJsonAsync(HttpStatusCode.Created));
        var barrier = Id(await (await t.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/barriers", new { kind = "language", identifiedOn = t.Today })).ReadJsonAsync(HttpStatusCode.Created));
        await (await other.Worker.DeleteAsync($"{Api}/pathways/{id}/months/{month}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}/steps/{step}", new { kind = "work", startDate = t.Today }, "*"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.DeleteAsync($"{Api}/pathways/{id}/steps/{step}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}/barriers/{barrier}", new { kind = "health", identifiedOn = t.Today }, "*"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.DeleteAsync($"{Api}/pathways/{id}/barriers/{barrier}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.Worker.GetAsync($"{Api}/pathways")).ReadJsonAsync()).GetProperty("total").GetInt32());
        var kept = await t.GetAsync(id);
        Assert.Equal((1, "sfi", "language"), (kept.GetProperty("months").GetArrayLength(), kept.GetProperty("steps")[0].GetProperty("kind").GetString(), kept.GetProperty("barriers")[0].GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Permissions_read_for_admins_and_case_workers_write_for_case_workers_settings_for_admins()
    {
        var t = await host.NewTenantAsync();
        var analyst = await host.Host.CreateStaffAsync(t.Setup, "analyst");
        var (p, _) = await t.ParticipantAsync();
        var id = Id(await t.PathwayForAsync(p, t.Today.AddDays(-10)));

        await (await analyst.GetAsync($"{Api}/pathways/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await t.Admin.PostAsJsonAsync($"{Api}/pathways", new { participantId = p, firstApplicationOn = t.Today })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await t.Admin.PutAsJsonAsync($"{Api}/pathways/{id}/months/{Month(t.ThisMonth)}", new { supportPaid = false })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/settings", new { monthsWithoutSupport = 4 }, "*"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        (await t.Admin.GetAsync($"{Api}/pathways/{id}")).EnsureSuccessStatusCode();
        Assert.Empty((await t.GetAsync(id)).GetProperty("months").EnumerateArray());
    }

    [Fact]
    public async Task Reading_a_pathway_is_audited_as_a_read_of_the_participant()
    {
        var t = await host.NewTenantAsync();
        var (p, _) = await t.ParticipantAsync();
        var id = Id(await t.PathwayForAsync(p, t.Today.AddDays(-10)));
        var before = await ReadsAsync(t, p);

        await t.GetAsync(id);

        Assert.True(await ReadsAsync(t, p) > before);
    }

    private static async Task<int> ReadsAsync(IncomeSupportTenant t, Guid participant)
    {
        var audit = await (await t.Admin.GetAsync($"/api/audit?participantId={participant}&action=read&pageSize=200")).ReadJsonAsync();
        return audit.GetProperty("total").GetInt32();
    }
}
