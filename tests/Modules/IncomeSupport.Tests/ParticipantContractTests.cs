using System.Net.Http.Json;
using System.Text.Json;
using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Host.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>What the module does through the contract for the host: merges, the register extract and the demo data.</summary>
public sealed class ParticipantContractTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    [Fact]
    public async Task A_merge_joins_the_duplicates_months_plan_and_outcome_to_the_survivors_pathway()
    {
        var t = await host.NewTenantAsync();
        var m = t.ThisMonth;
        var (survivor, survivorEnrolment) = await t.ParticipantAsync();
        var kept = Id(await t.PathwayForAsync(survivor, m.AddMonths(-6)));
        await t.MonthsAsync(kept, m.AddMonths(-6), true, true);
        await t.Worker.PostAsJsonAsync($"{Api}/pathways/{kept}/steps", new { kind = "sfi", startDate = m.AddMonths(-6) });
        await t.Worker.ExitAsync(survivorEnrolment, t.Today);
        var (duplicate, _) = await t.ParticipantAsync();
        var gone = Id(await t.PathwayForAsync(duplicate, m.AddMonths(-8), "HH-9"));
        await t.MonthsAsync(gone, m.AddMonths(-5), true, false, false, false);
        await t.Worker.PostAsJsonAsync($"{Api}/pathways/{gone}/barriers", new { kind = "childcare", identifiedOn = m.AddMonths(-8) });

        var merge = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();
        var again = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(5, ModuleMoved(merge)); // months −4, −3, −2, the barrier and the pathway
        Assert.Equal(0, ModuleMoved(again));
        var pathway = await t.GetAsync(kept);
        Assert.Equal(m.AddMonths(-8), Date(pathway.GetProperty("firstApplicationOn")));
        Assert.Equal("HH-9", pathway.GetProperty("householdReference").GetString());
        Assert.Equal(5, pathway.GetProperty("months").GetArrayLength());
        Assert.Equal(["unemployment"], pathway.GetProperty("months")[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal((1, 1), (pathway.GetProperty("steps").GetArrayLength(), pathway.GetProperty("barriers").GetArrayLength()));
        Assert.Equal(m.AddMonths(-4), Date(pathway.GetProperty("selfSufficientOn")));
        Assert.Equal(m.AddMonths(-4), Date(Assert.Single(await t.SelfSufficientOutcomesAsync(survivor)).GetProperty("date")));
        await (await t.Worker.GetAsync($"{Api}/pathways/{gone}")).AssertProblemAsync(System.Net.HttpStatusCode.NotFound);
        Assert.DoesNotContain(await t.ReviewsAsync(survivor), r => r.GetProperty("state").GetString() == "scheduled");
    }

    [Fact]
    public async Task A_duplicates_pathway_moves_whole_when_the_survivor_has_none()
    {
        var t = await host.NewTenantAsync();
        var (survivor, enrolment) = await t.ParticipantAsync();
        await t.Worker.ExitAsync(enrolment, t.Today);
        var (duplicate, _) = await t.ParticipantAsync();
        var id = Id(await t.PathwayForAsync(duplicate, t.Today.AddDays(-20)));

        var merge = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        Assert.Equal(1, ModuleMoved(merge));
        Assert.Equal(survivor, (await t.GetAsync(id)).GetProperty("participantId").GetGuid());
        Assert.Equal(id, Id((await (await t.Worker.GetAsync($"{Api}/pathways?participantId={survivor}")).ReadJsonAsync()).GetProperty("items")[0]));
    }

    [Fact]
    public async Task The_register_extract_holds_the_pathway_with_its_months_plan_and_barriers()
    {
        var t = await host.NewTenantAsync();
        var pathway = await t.PathwayAsync(t.ThisMonth.AddMonths(-2), household: "HH-3");
        var id = Id(pathway);
        var participant = pathway.GetProperty("participantId").GetGuid();
        await (await t.PutMonthAsync(id, Month(t.ThisMonth.AddMonths(-1)), new { supportPaid = true, reasons = new[] { "waitingForEstablishmentBenefit", "illness" } })).ReadJsonAsync();
        await t.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/barriers", new { kind = "housing", identifiedOn = t.Today });
        var (stranger, _) = await t.ParticipantAsync();

        var extract = await (await t.Admin.GetAsync($"/api/participants/{participant}/export")).ReadJsonAsync();
        var nothing = await (await t.Admin.GetAsync($"/api/participants/{stranger}/export")).ReadJsonAsync();

        var part = extract.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module);
        Assert.False(part.GetProperty("sensitive").GetBoolean());
        var data = part.GetProperty("data").GetProperty("pathway");
        Assert.Equal("HH-3", data.GetProperty("householdReference").GetString());
        var month = data.GetProperty("months").EnumerateArray().Single();
        Assert.Equal(["illness", "waitingForEstablishmentBenefit"], month.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("housing", data.GetProperty("barriers")[0].GetProperty("kind").GetString());
        Assert.DoesNotContain(nothing.GetProperty("modules").EnumerateArray(), m => m.GetProperty("moduleId").GetString() == Module);
    }

    [Fact]
    public async Task The_demo_data_fills_the_programme_the_same_way_each_time_and_only_once()
    {
        var t = await host.NewTenantAsync();
        var twin = await host.NewTenantAsync();
        var programme = await DemoProgrammeAsync(t);
        var twinProgramme = await DemoProgrammeAsync(twin);

        await SeedAsync(t, programme);
        await SeedAsync(t, programme);
        await SeedAsync(twin, twinProgramme);

        var pathways = await PathwaysAsync(t);
        Assert.Equal(7, pathways.Count);
        Assert.Equal(pathways.Select(Summary), (await PathwaysAsync(twin)).Select(Summary));
        Assert.Contains(pathways, p => p.GetProperty("status").GetString() == "selfSufficient");
        Assert.Contains(pathways, p => p.GetProperty("status").GetString() == "open");
        foreach (var p in pathways)
        {
            var participant = p.GetProperty("participantId").GetGuid();
            Assert.NotEmpty(p.GetProperty("months").EnumerateArray());
            Assert.NotEmpty(p.GetProperty("steps").EnumerateArray());
            Assert.True(p.GetProperty("months").EnumerateArray().All(m => DateOnly.Parse(m.GetProperty("month").GetString() + "-01", System.Globalization.CultureInfo.InvariantCulture) < t.ThisMonth));
            if (p.GetProperty("status").GetString() == "selfSufficient")
            {
                Assert.Equal(Date(p.GetProperty("selfSufficientOn")), Date(Assert.Single(await t.SelfSufficientOutcomesAsync(participant)).GetProperty("date")));
            }
            else
            {
                Assert.Contains(await t.ReviewsAsync(participant), r => r.GetProperty("state").GetString() == "scheduled");
            }
        }

        var referred = programme.Enrolments.Single(e => e.StartDate is null).ParticipantId;
        Assert.Equal(0, (await (await t.Worker.GetAsync($"{Api}/pathways?participantId={referred}")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    private static string Summary(JsonElement p) =>
        $"{p.GetProperty("firstApplicationOn").GetString()} {p.GetProperty("status").GetString()} {p.GetProperty("householdReference").GetString()} "
        + $"{string.Join(",", p.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("supportPaid").GetBoolean() ? "1" : "0"))} "
        + $"{p.GetProperty("steps").GetArrayLength()} {p.GetProperty("barriers").GetArrayLength()}";

    private static async Task<List<JsonElement>> PathwaysAsync(IncomeSupportTenant t)
    {
        var page = await (await t.Worker.GetAsync($"{Api}/pathways?pageSize=200")).ReadJsonAsync();
        var result = new List<JsonElement>();
        foreach (var item in page.GetProperty("items").EnumerateArray().OrderBy(i => i.GetProperty("firstApplicationOn").GetString(), StringComparer.Ordinal))
        {
            result.Add(await t.GetAsync(Id(item)));
        }

        return result;
    }

    private static async Task<DemoProgramme> DemoProgrammeAsync(IncomeSupportTenant t)
    {
        var enrolments = new List<DemoEnrolment>();
        foreach (var (gender, days) in new[] { (Gender.Woman, 700), (Gender.Man, 600), (Gender.Woman, 500), (Gender.Man, 420), (Gender.Woman, 300), (Gender.Man, 200), (Gender.Woman, 90) })
        {
            var (id, enrolment) = await t.ParticipantAsync(gender == Gender.Woman ? "woman" : "man", days);
            enrolments.Add(new DemoEnrolment(enrolment, id, gender, 1985, ["ar", "sv"], EnrolmentStatus.Active, t.Today.AddDays(-days), null, null));
        }

        var referred = await t.Worker.CreateParticipantAsync();
        enrolments.Add(new DemoEnrolment(Guid.NewGuid(), referred, Gender.Woman, 1990, ["ti"], EnrolmentStatus.Referred, null, null, null));
        return new DemoProgramme(t.Setup.Id, t.Programme, "Hållbar integration (demo)", "2321", t.Today, 42, enrolments);
    }

    private async Task SeedAsync(IncomeSupportTenant t, DemoProgramme programme)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(t.Setup.Id);
        await scope.ServiceProvider.GetServices<IDemoDataContributor>().Single(c => c.ModuleId == Module).SeedAsync(programme, default);
    }

    private static int ModuleMoved(JsonElement merge) =>
        merge.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("moduleId").GetString() == Module).GetProperty("moved").GetInt32();
}
