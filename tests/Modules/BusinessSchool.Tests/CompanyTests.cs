using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Integration.Modules.BusinessSchool.Tests.SchoolHost;

namespace Integration.Modules.BusinessSchool.Tests;

/// <summary>Companies: the organisationsnummer and its check digit, registration and the self-employed outcome, the 6/12-month checks.</summary>
public sealed class CompanyTests(SchoolHost host) : IClassFixture<SchoolHost>
{
    private static readonly string LimitedCompany = OrgNumbers.Valid("556677889");

    [Fact]
    public async Task Registering_a_company_records_one_self_employed_outcome_and_the_registered_milestone()
    {
        var t = await host.NewTenantAsync();
        var owner = await t.ParticipantAsync();
        var registeredOn = t.Today.AddDays(-10);

        var company = await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{owner}/companies", Body(t, ("registeredOn", registeredOn), ("fTaxApprovedOn", registeredOn.AddDays(3)))));

        Assert.Equal(LimitedCompany, company.GetProperty("organisationNumber").GetString());
        var outcome = Assert.Single((await t.Worker.OutcomesAsync(owner)).EnumerateArray());
        Assert.Equal(("selfEmployed", "business-school", $"{registeredOn:yyyy-MM-dd}"), (outcome.GetProperty("type").GetString(), outcome.GetProperty("recordedByModule").GetString(), outcome.GetProperty("date").GetString()));
        Assert.Equal(Id(await t.EnrolmentAsync(owner)), outcome.GetProperty("enrolmentId").GetGuid());
        Assert.Equal(Id(outcome), company.GetProperty("outcomeId").GetGuid());

        var renamed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/companies/{Id(company)}", Body(t, ("name", "Nya Bageriet AB"), ("registeredOn", registeredOn)), 1))).ReadJsonAsync();
        Assert.Equal("Nya Bageriet AB", renamed.GetProperty("name").GetString());
        Assert.Single((await t.Worker.OutcomesAsync(owner)).EnumerateArray());
        var plan = await (await t.Worker.GetAsync($"{Api}/participants/{owner}/business-plan")).ReadJsonAsync();
        var milestone = Assert.Single(plan.GetProperty("milestones").EnumerateArray());
        Assert.Equal(("registered", $"{registeredOn:yyyy-MM-dd}"), (milestone.GetProperty("kind").GetString(), milestone.GetProperty("reachedOn").GetString()));
    }

    [Fact]
    public async Task A_sole_trader_in_registration_is_registered_later_with_the_owners_personnummer()
    {
        var t = await host.NewTenantAsync();
        var owner = await t.ParticipantAsync("man");
        var personnummer = OrgNumbers.Valid("880515123");
        var inProgress = Body(t, ("legalForm", "soleTrader"), ("status", "registrationInProgress"), ("organisationNumber", null), ("registeredOn", null), ("registrationAppliedOn", t.Today.AddDays(-5)));

        var company = await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{owner}/companies", inProgress));
        Assert.Empty((await t.Worker.OutcomesAsync(owner)).EnumerateArray());
        await (await t.Worker.PostAsJsonAsync($"{Api}/companies/{Id(company)}/checks", Check(t))).AssertProblemAsync(HttpStatusCode.Conflict);

        var registered = Body(t, ("legalForm", "soleTrader"), ("organisationNumber", $"19{personnummer}"), ("registrationAppliedOn", t.Today.AddDays(-5)), ("registeredOn", t.Today.AddDays(-1)));
        var updated = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/companies/{Id(company)}", registered, 1))).ReadJsonAsync();

        Assert.Equal(("registered", personnummer), (updated.GetProperty("status").GetString(), updated.GetProperty("organisationNumber").GetString()));
        Assert.Equal("selfEmployed", Assert.Single((await t.Worker.OutcomesAsync(owner)).EnumerateArray()).GetProperty("type").GetString());
        var back = Body(t, ("legalForm", "soleTrader"), ("status", "registrationInProgress"), ("organisationNumber", personnummer), ("registeredOn", null));
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/companies/{Id(company)}", back, 2))).AssertFieldErrorAsync("status");
        var samordningsnummer = Body(t, ("legalForm", "soleTrader"), ("organisationNumber", OrgNumbers.Valid("880575123")));
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{await t.ParticipantAsync()}/companies", samordningsnummer));
    }

    public static TheoryData<string, string, object?> BadCompanies() => new()
    {
        { "organisationNumber", "organisationNumber", OrgNumbers.WrongCheckDigit("556677889") },
        { "organisationNumber", "organisationNumber", "55667788" },
        { "organisationNumber", "organisationNumber", "556677-88AB" },
        { "organisationNumber", "organisationNumber", OrgNumbers.Valid("551077889") },
        { "organisationNumber", "organisationNumber", OrgNumbers.Valid("956677889") },
        { "organisationNumber", "organisationNumber", null },
        { "legalForm", "legalForm", "partnership" },
        { "status", "status", "dreaming" },
        { "registeredOn", "registeredOn", null },
        { "registeredOn", "registeredOn", "future" },
        { "fTaxApprovedOn", "fTaxApprovedOn", "before" },
        { "registrationAppliedOn", "registrationAppliedOn", "after" },
        { "industry", "industry", " " },
        { "name", "name", null },
        { "sniCode", "sniCode", "56a" },
    };

    [Theory]
    [MemberData(nameof(BadCompanies))]
    public async Task Bad_company_fields_are_a_400_naming_the_field_and_store_nothing(string field, string error, object? value)
    {
        var t = await host.NewTenantAsync();
        var owner = await t.ParticipantAsync();
        var registeredOn = t.Today.AddDays(-10);
        object? actual = value switch
        {
            "future" => t.Today.AddDays(1),
            "before" => registeredOn.AddDays(-1),
            "after" => registeredOn.AddDays(1),
            _ => value,
        };

        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{owner}/companies", Body(t, ("registeredOn", registeredOn), (field, actual)))).AssertFieldErrorAsync(error);

        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/participants/{owner}/business-plan")).ReadJsonAsync()).GetProperty("companies").EnumerateArray());
        Assert.Empty((await t.Worker.OutcomesAsync(owner)).EnumerateArray());
    }

    [Fact]
    public async Task Sole_traders_need_a_real_date_companies_in_registration_no_dates_and_numbers_are_unique()
    {
        var t = await host.NewTenantAsync();
        var owner = await t.ParticipantAsync();
        var url = $"{Api}/participants/{owner}/companies";

        await (await t.Worker.PostAsJsonAsync(url, Body(t, ("legalForm", "soleTrader"), ("organisationNumber", OrgNumbers.Valid("881315123"))))).AssertFieldErrorAsync("organisationNumber");
        await (await t.Worker.PostAsJsonAsync(url, Body(t, ("legalForm", "soleTrader"), ("organisationNumber", OrgNumbers.Valid("880230123"))))).AssertFieldErrorAsync("organisationNumber");
        await (await t.Worker.PostAsJsonAsync(url, Body(t, ("status", "registrationInProgress")))).AssertFieldErrorAsync("registeredOn");
        await (await t.Worker.PostAsJsonAsync(url, Body(t, ("status", "registrationInProgress"), ("registeredOn", null), ("fTaxApprovedOn", t.Today)))).AssertFieldErrorAsync("fTaxApprovedOn");
        await Created(await t.Worker.PostAsJsonAsync(url, Body(t)));
        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{await t.ParticipantAsync()}/companies", Body(t))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Single((await (await t.Worker.GetAsync($"{Api}/participants/{owner}/business-plan")).ReadJsonAsync()).GetProperty("companies").EnumerateArray());
        Assert.Single((await t.Worker.OutcomesAsync(owner)).EnumerateArray());
    }

    [Fact]
    public async Task Only_participants_who_started_in_the_module_and_belong_to_the_tenant_get_companies()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var notEnrolled = await t.ParticipantAsync(enrol: false);
        var theirs = await other.ParticipantAsync();
        var company = await Created(await other.Worker.PostAsJsonAsync($"{Api}/participants/{theirs}/companies", Body(other)));

        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{notEnrolled}/companies", Body(t))).AssertFieldErrorAsync("participantId");
        await (await t.Worker.PostAsJsonAsync($"{Api}/participants/{theirs}/companies", Body(t))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.GetAsync($"{Api}/companies/{Id(company)}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.PostAsJsonAsync($"{Api}/companies/{Id(company)}/checks", Check(t))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.GetAsync($"{Api}/participants/{theirs}/business-plan")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.PostAsJsonAsync($"{Api}/participants/{notEnrolled}/companies", Body(t))).StatusCode);
        Assert.Empty((await t.Worker.OutcomesAsync(notEnrolled)).EnumerateArray());
    }

    [Fact]
    public async Task Checks_at_six_and_twelve_months_are_recorded_once_each_and_bad_ones_store_nothing()
    {
        var t = await host.NewTenantAsync();
        var owner = await t.ParticipantAsync();
        var company = await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{owner}/companies", Body(t, ("registeredOn", t.Today.AddDays(-90)))));
        var url = $"{Api}/companies/{Id(company)}/checks";

        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("point", "threeMonths")))).AssertFieldErrorAsync("point");
        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("checkedOn", t.Today.AddDays(1))))).AssertFieldErrorAsync("checkedOn");
        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("checkedOn", t.Today.AddDays(-91))))).AssertFieldErrorAsync("checkedOn");
        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("turnover", null)))).AssertFieldErrorAsync("turnover");
        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("employees", null)))).AssertFieldErrorAsync("employees");
        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("employees", -1)))).AssertFieldErrorAsync("employees");
        await (await t.Worker.PostAsJsonAsync(url, Check(t, ("active", null)))).AssertFieldErrorAsync("active");
        Assert.Empty((await (await t.Worker.GetAsync($"{Api}/companies/{Id(company)}")).ReadJsonAsync()).GetProperty("checks").EnumerateArray());

        await Created(await t.Worker.PostAsJsonAsync(url, Check(t, ("checkedOn", t.Today.AddDays(-30)))));
        await (await t.Worker.PostAsJsonAsync(url, Check(t))).AssertProblemAsync(HttpStatusCode.Conflict);
        await Created(await t.Worker.PostAsJsonAsync(url, Check(t, ("point", "twelveMonths"), ("active", false), ("turnover", null), ("employees", null))));

        var checks = (await (await t.Worker.GetAsync($"{Api}/companies/{Id(company)}")).ReadJsonAsync()).GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal([("sixMonths", true, "from100kTo500k"), ("twelveMonths", false, null)], checks.Select(c => (c.GetProperty("point").GetString(), c.GetProperty("active").GetBoolean(), c.GetProperty("turnover").GetString())));
        var later = Body(t, ("registeredOn", t.Today.AddDays(-5)));
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/companies/{Id(company)}", later, 1))).AssertFieldErrorAsync("registeredOn");
    }

    internal static Dictionary<string, object?> Body(SchoolTenant t, params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Bageriet i Hedemora AB",
            ["legalForm"] = "limitedCompany",
            ["status"] = "registered",
            ["organisationNumber"] = LimitedCompany,
            ["registeredOn"] = t.Today.AddDays(-10),
            ["industry"] = "Bageri och konditori",
            ["sniCode"] = "10710",
        };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    internal static Dictionary<string, object?> Check(SchoolTenant t, params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?> { ["point"] = "sixMonths", ["checkedOn"] = t.Today, ["active"] = true, ["turnover"] = "from100kTo500k", ["employees"] = 1 };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    internal static async Task<JsonElement> RegisterAsync(SchoolTenant t, Guid owner, string nine, DateOnly registeredOn) =>
        await Created(await t.Worker.PostAsJsonAsync($"{Api}/participants/{owner}/companies", Body(t, ("organisationNumber", OrgNumbers.Valid(nine)), ("registeredOn", registeredOn))));
}
