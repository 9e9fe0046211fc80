using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Integration.Host.Tests.Participants;

/// <summary><c>/api/participants</c>: identity numbers, validation, entry values, versions, search and duplicates.</summary>
public sealed class ParticipantTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private TenantSetup tenant = null!;
    private HttpClient worker = null!;

    public async Task InitializeAsync()
    {
        tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    internal static Dictionary<string, object?> Person(string given = "Amina", string family = "Hassan", string? identityNumber = null) => new()
    {
        ["givenName"] = given,
        ["familyName"] = family,
        ["identityNumber"] = identityNumber,
        ["gender"] = "woman",
        ["birthYear"] = identityNumber is null ? 1990 : null,
        ["countryOfBirth"] = "SY",
        ["arrivalDate"] = "2016-03-01",
        ["languages"] = new[] { "ar", "en" },
        ["interpreterNeeded"] = true,
        ["labourMarketStatus"] = "unemployed",
        ["educationLevel"] = "isced3To4",
        ["thirdCountryNational"] = true,
        ["incomeSupport"] = true,
    };

    [Fact]
    public async Task Personnummer_in_short_form_is_stored_as_twelve_digits_with_its_birth_year()
    {
        var created = await (await worker.PostAsJsonAsync("/api/participants", Person(identityNumber: "811218-9876"))).ReadJsonAsync(HttpStatusCode.Created);
        var participant = created.GetProperty("participant");

        Assert.Equal("198112189876", participant.GetProperty("identityNumber").GetString());
        Assert.Equal("personnummer", participant.GetProperty("identityKind").GetString());
        Assert.Equal(1981, participant.GetProperty("birthYear").GetInt32());
        Assert.Equal("woman", participant.GetProperty("gender").GetString());
    }

    [Fact]
    public async Task Samordningsnummer_is_recognised_by_its_day()
    {
        var created = await (await worker.PostAsJsonAsync("/api/participants", Person(identityNumber: "7010632391"))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("samordningsnummer", created.GetProperty("participant").GetProperty("identityKind").GetString());
        Assert.Equal("197010632391", created.GetProperty("participant").GetProperty("identityNumber").GetString());
    }

    [Fact]
    public async Task Other_references_are_kept_as_given()
    {
        var person = Person();
        person["identityKind"] = "lmaCard";
        person["identityNumber"] = "lma-12345-6";

        var created = await (await worker.PostAsJsonAsync("/api/participants", person)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("LMA-12345-6", created.GetProperty("participant").GetProperty("identityNumber").GetString());
    }

    [Theory]
    [InlineData("identityNumber", "identityNumber", "811218-9877")]
    [InlineData("identityNumber", "identityNumber", "810230-1234")]
    [InlineData("identityNumber", "identityNumber", "12345")]
    [InlineData("gender", "gender", "female")]
    [InlineData("birthYear", "birthYear", 1850)]
    [InlineData("countryOfBirth", "countryOfBirth", "XX")]
    [InlineData("arrivalDate", "arrivalDate", "2090-01-01")]
    [InlineData("arrivalDate", "arrivalDate", "2016-13-01")]
    [InlineData("languages", "languages", "Arabic")]
    [InlineData("educationLevel", "educationLevel", "isced9")]
    [InlineData("givenName", "givenName", "")]
    public async Task Bad_input_names_the_field_and_stores_nothing(string field, string property, object value)
    {
        var person = Person();
        person[property] = property == "languages" ? new[] { value } : value;
        if (property == "givenName")
        {
            person["familyName"] = "";
        }

        var response = await worker.PostAsJsonAsync("/api/participants", person);

        await response.AssertFieldErrorAsync(field);
        Assert.Equal(0, (await (await worker.GetAsync("/api/participants")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Birth_year_must_agree_with_the_personnummer()
    {
        var person = Person(identityNumber: "811218-9876");
        person["birthYear"] = 1982;

        await (await worker.PostAsJsonAsync("/api/participants", person)).AssertFieldErrorAsync("birthYear");
    }

    [Fact]
    public async Task Stated_kind_must_match_the_number()
    {
        var person = Person(identityNumber: "811218-9876");
        person["identityKind"] = "samordningsnummer";

        await (await worker.PostAsJsonAsync("/api/participants", person)).AssertFieldErrorAsync("identityNumber");
    }

    [Fact]
    public async Task Known_identity_number_in_any_written_form_is_a_conflict_with_the_existing_id()
    {
        var first = await (await worker.PostAsJsonAsync("/api/participants", Person(identityNumber: "811218-9876"))).ReadJsonAsync(HttpStatusCode.Created);

        var again = await (await worker.PostAsJsonAsync("/api/participants", Person("Amina", "Hassan", "198112189876"))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.GetProperty("participant").GetProperty("id").GetGuid(), again.GetProperty("existingId").GetGuid());
    }

    [Fact]
    public async Task The_same_person_can_be_registered_in_another_tenant()
    {
        var other = await host.CreateTenantAsync("Åre kommun", "2321");
        (await worker.PostAsJsonAsync("/api/participants", Person(identityNumber: "811218-9876"))).EnsureSuccessStatusCode();

        var response = await other.Admin.PostAsJsonAsync("/api/participants", Person(identityNumber: "811218-9876"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Values_at_entry_stay_when_the_record_changes()
    {
        var created = await worker.PostAsJsonAsync("/api/participants", Person());
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
        var changed = Person();
        changed["labourMarketStatus"] = "employed";
        changed["incomeSupport"] = false;

        var updated = await (await Put($"/api/participants/{id}", changed, created.Headers.ETag!.Tag)).ReadJsonAsync();

        Assert.Equal("employed", updated.GetProperty("current").GetProperty("labourMarketStatus").GetString());
        Assert.False(updated.GetProperty("current").GetProperty("incomeSupport").GetBoolean());
        Assert.Equal("unemployed", updated.GetProperty("entry").GetProperty("labourMarketStatus").GetString());
        Assert.True(updated.GetProperty("entry").GetProperty("incomeSupport").GetBoolean());
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Stale_update_is_refused_and_changes_nothing()
    {
        var created = await worker.PostAsJsonAsync("/api/participants", Person());
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
        var tag = created.Headers.ETag!.Tag;
        (await Put($"/api/participants/{id}", Person("Amina", "Hassan-Ali"), tag)).EnsureSuccessStatusCode();

        var stale = await Put($"/api/participants/{id}", Person("Amina", "Old"), tag);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await worker.GetAsync($"/api/participants/{id}")).ReadJsonAsync();
        Assert.Equal("Hassan-Ali", current.GetProperty("familyName").GetString());
    }

    [Fact]
    public async Task Name_search_matches_word_starts_in_any_order_without_diacritics()
    {
        await Register("Åsa", "Lindqvist");
        await Register("Mohammed", "Ali");
        await Register("Ali", "Yusuf");

        var asa = await Search("q=asa");
        var ali = await Search("q=ali");
        var both = await Search("q=ali%20moh");

        Assert.Equal(["Åsa"], asa.Select(p => p.GetProperty("givenName").GetString()));
        Assert.Equal(2, ali.Count);
        Assert.Equal(["Mohammed"], both.Select(p => p.GetProperty("givenName").GetString()));
    }

    [Fact]
    public async Task Every_word_of_a_search_has_to_start_a_word_of_the_name()
    {
        var hyphenated = await Register("Amina", "Hassan-Ali");
        await Register("Amina", "Berg");
        await Register("Alice", "Hassan");
        // Long enough that the stored sort key ("family | given", at most 200 characters) loses the end of the given
        // name: the word "Zed" is found all the same.
        var longName = await Register(new string('y', 95) + " Zed", "Abdirahman" + new string('x', 90));

        var amina = await Search("q=hassan%20amina");
        var threeWords = await Search("q=ali%20am%20hass");
        var cut = await Search("q=abdirahmanxx%20zed");
        var none = await Search("q=amina%20zed");

        Assert.Equal([hyphenated], amina.Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([hyphenated], threeWords.Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([longName], cut.Select(p => p.GetProperty("id").GetGuid()));
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_participant_whose_several_words_match_is_counted_and_listed_once_and_a_new_name_replaces_the_old_words()
    {
        var both = await Register("Alina", "Alisson");
        var given = await Register("Ali", "Berg");
        var family = await Register("Omar", "Alizadeh");
        var three = await Register("Ali Alim", "Alisson");
        await Register("Omar", "Berg");

        var first = await (await worker.GetAsync("/api/participants?q=ali&pageSize=2")).ReadJsonAsync();
        var second = await (await worker.GetAsync("/api/participants?q=ali&page=2&pageSize=2")).ReadJsonAsync();
        var beyond = await (await worker.GetAsync("/api/participants?q=ali&page=3&pageSize=2")).ReadJsonAsync();
        var partLast = await (await worker.GetAsync("/api/participants?q=ali&page=2&pageSize=3")).ReadJsonAsync();

        // Ordered by family name, then given name; each participant once however many of their words match.
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Guid[] expected = [three, both, family, given];
        Assert.Equal(expected, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(4, beyond.GetProperty("total").GetInt32());
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal(4, partLast.GetProperty("total").GetInt32()); // a last page that is not full tells the total itself
        Assert.Equal([given], partLast.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([three], (await Search("q=alim%20alis")).Select(p => p.GetProperty("id").GetGuid()));

        var read = await worker.GetAsync($"/api/participants/{given}");
        await read.ReadJsonAsync();
        (await Put($"/api/participants/{given}", Person("Omar", "Berg"), read.Headers.ETag!.Tag)).EnsureSuccessStatusCode();

        Assert.Equal(3, (await (await worker.GetAsync("/api/participants?q=ali")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(2, (await (await worker.GetAsync("/api/participants?q=omar%20berg")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_name_changed_only_in_case_keeps_its_search_words_and_a_new_word_replaces_only_the_old_one()
    {
        var id = await Register("Leyla", "Karimi");

        // The same words folded: the name rows keep their keys.
        var read = await worker.GetAsync($"/api/participants/{id}");
        await read.ReadJsonAsync();
        var cased = await Put($"/api/participants/{id}", Person("LEYLA", "karimi"), read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, cased.StatusCode);
        Assert.Equal([id], (await Search("q=leyla%20karimi")).Select(p => p.GetProperty("id").GetGuid()));

        // One word changed: found by the new word, no longer by the old, and still by the one that stayed.
        var renamed = await Put($"/api/participants/{id}", Person("LEYLA", "Rahimi"), cased.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Empty(await Search("q=karimi"));
        Assert.Equal([id], (await Search("q=rahimi")).Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([id], (await Search("q=leyla")).Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal("Rahimi", (await (await worker.GetAsync($"/api/participants/{id}")).ReadJsonAsync()).GetProperty("familyName").GetString());
    }

    [Fact]
    public async Task Search_by_identity_number_accepts_any_written_form_and_pages()
    {
        await Register("Amina", "Hassan", "811218-9876");
        for (var i = 0; i < 5; i++)
        {
            await Register($"Person{i}", "Berg");
        }

        var byNumber = await Search("identityNumber=198112189876");
        var page = await (await worker.GetAsync("/api/participants?q=berg&page=2&pageSize=2")).ReadJsonAsync();

        Assert.Equal("Amina", Assert.Single(byNumber).GetProperty("givenName").GetString());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("pageNumber").GetInt32());
    }

    [Fact]
    public async Task Similar_names_with_near_birth_years_are_suggested_as_duplicates()
    {
        var existing = await Register("Mohammed", "Ali", birthYear: 1990);

        var person = Person("Ali", "Mohammed");
        person["birthYear"] = 1991;
        var created = await (await worker.PostAsJsonAsync("/api/participants", person)).ReadJsonAsync(HttpStatusCode.Created);
        var suggested = await (await worker.GetAsync("/api/participants/duplicates?givenName=Mohamed&familyName=Ali&birthYear=1990")).ReadJsonAsync();

        Assert.Contains(created.GetProperty("possibleDuplicates").EnumerateArray(), c => c.GetProperty("id").GetGuid() == existing);
        Assert.Contains(suggested.EnumerateArray(), c => c.GetProperty("id").GetGuid() == existing);
    }

    [Fact]
    public async Task The_same_name_spelt_another_way_is_suggested()
    {
        var existing = await Register("Mohammed", "Hassan", birthYear: 1985);

        var suggested = await (await worker.GetAsync("/api/participants/duplicates?givenName=Muhammad&familyName=Hasan&birthYear=1985")).ReadJsonAsync();

        Assert.Contains(suggested.EnumerateArray(), c => c.GetProperty("id").GetGuid() == existing);
    }

    [Fact]
    public async Task Analysts_and_system_admins_do_not_see_personal_data()
    {
        var analyst = await host.CreateStaffAsync(tenant, "analyst");
        var system = await host.SystemAdminAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/participants")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_participant_is_not_found()
    {
        var other = await host.CreateTenantAsync("Åre kommun", "2321");
        var id = (await (await other.Admin.PostAsJsonAsync("/api/participants", Person())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();

        await (await worker.GetAsync($"/api/participants/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Put($"/api/participants/{id}", Person(), "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await Search("q=amina"));
    }

    private async Task<Guid> Register(string given, string family, string? identityNumber = null, int birthYear = 1990)
    {
        var person = Person(given, family, identityNumber);
        if (identityNumber is null)
        {
            person["birthYear"] = birthYear;
        }

        return (await (await worker.PostAsJsonAsync("/api/participants", person)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
    }

    private async Task<List<JsonElement>> Search(string query) =>
        (await (await worker.GetAsync($"/api/participants?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private Task<HttpResponseMessage> Put(string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return worker.SendAsync(request);
    }
}
