using System.Net;
using System.Net.Http.Json;

namespace Integration.Modules.Health.Tests;

/// <summary>Courses and their participants: every field's rule, versions, tenants and permissions.</summary>
public sealed class CourseTests(HealthHost host) : IClassFixture<HealthHost>
{
    private const string Courses = $"{HealthHost.Base}/courses";

    [Fact]
    public async Task A_course_is_created_read_listed_and_changed_with_its_version()
    {
        var t = await host.NewTenantAsync();
        var created = await t.CourseAsync(name: "Hälsoskola våren");
        var id = created.GetProperty("id").GetGuid();

        var read = await t.Worker.GetAsync($"{Courses}/{id}");
        var body = await read.ReadJsonAsync();
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal("Hälsoskola våren", body.GetProperty("name").GetString());
        Assert.Equal("sv", body.GetProperty("language").GetString());

        var change = new { name = "Hälsoskola hösten", startDate = t.Today, endDate = t.Today.AddDays(40), language = "ar", place = "Biblioteket", leader = "Hälsopedagog" };
        await (await t.Worker.PutAsJsonAsync($"{Courses}/{id}", change)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await Put(t.Worker, $"{Courses}/{id}", change, "\"7\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await (await Put(t.Worker, $"{Courses}/{id}", change, "\"1\"")).ReadJsonAsync();

        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("ar", updated.GetProperty("language").GetString());
        var list = await (await t.Worker.GetAsync($"{Courses}?from={t.Today.AddDays(30):yyyy-MM-dd}")).ReadJsonAsync();
        Assert.Equal("Hälsoskola hösten", Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());
        Assert.Empty((await (await t.Worker.GetAsync($"{Courses}?to={t.Today.AddDays(-1):yyyy-MM-dd}")).ReadJsonAsync()).EnumerateArray());
        await (await t.Worker.GetAsync($"{Courses}?from={t.Today:yyyy-MM-dd}&to={t.Today.AddDays(-1):yyyy-MM-dd}")).AssertFieldErrorAsync("to");
    }

    [Theory]
    [InlineData("name", null, "2026-01-01", "2026-03-01", "sv")]
    [InlineData("name", "   ", "2026-01-01", "2026-03-01", "sv")]
    [InlineData("startDate", "Kurs", null, "2026-03-01", "sv")]
    [InlineData("endDate", "Kurs", "2026-01-01", null, "sv")]
    [InlineData("endDate", "Kurs", "2026-03-01", "2026-01-01", "sv")]
    [InlineData("endDate", "Kurs", "2026-01-01", "2027-06-01", "sv")]
    [InlineData("language", "Kurs", "2026-01-01", "2026-03-01", null)]
    [InlineData("language", "Kurs", "2026-01-01", "2026-03-01", "svenska")]
    [InlineData("language", "Kurs", "2026-01-01", "2026-03-01", "s1")]
    public async Task Bad_course_fields_are_a_400_naming_the_field_and_nothing_is_stored(string field, string? name, string? start, string? end, string? language)
    {
        var t = await host.NewTenantAsync();

        await (await t.Worker.PostAsJsonAsync(Courses, new { name, startDate = start, endDate = end, language })).AssertFieldErrorAsync(field);

        Assert.Empty((await (await t.Worker.GetAsync(Courses)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Long_texts_and_a_malformed_date_name_their_fields()
    {
        var t = await host.NewTenantAsync();
        var longText = new string('a', 201);

        await (await t.Worker.PostAsJsonAsync(Courses, new { name = longText, startDate = t.Today, endDate = t.Today, language = "sv" })).AssertFieldErrorAsync("name");
        await (await t.Worker.PostAsJsonAsync(Courses, new { name = "Kurs", startDate = t.Today, endDate = t.Today, language = "sv", place = longText })).AssertFieldErrorAsync("place");
        await (await t.Worker.PostAsJsonAsync(Courses, new { name = "Kurs", startDate = t.Today, endDate = t.Today, language = "sv", leader = longText })).AssertFieldErrorAsync("leader");
        await (await t.Worker.PostAsJsonAsync(Courses, new { name = "Kurs", startDate = "1 mars", endDate = t.Today, language = "sv" })).AssertFieldErrorAsync("startDate");

        var course = (await t.CourseAsync()).GetProperty("id").GetGuid();
        var session = await t.Worker.PostAsJsonAsync($"{Courses}/{course}/sessions", new { date = t.Today, topic = "diet" });
        await session.ReadJsonAsync(HttpStatusCode.Created);
        var outside = new { name = "Kurs", startDate = t.Today.AddDays(1), endDate = t.Today.AddDays(20), language = "sv" };
        await (await Put(t.Worker, $"{Courses}/{course}", outside, "\"1\"")).AssertFieldErrorAsync("startDate");
        Assert.Equal("Hälsoskola", (await (await t.Worker.GetAsync($"{Courses}/{course}")).ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Participants_need_an_ongoing_enrolment_in_the_module_and_are_placed_once()
    {
        var t = await host.NewTenantAsync();
        var course = (await t.CourseAsync()).GetProperty("id").GetGuid();
        var enrolled = await t.ParticipantAsync();
        var notEnrolled = await t.RegisterAsync();
        var exited = await t.ParticipantAsync();
        await t.ExitAsync(exited.EnrolmentId, t.Today.AddDays(-1));
        var url = $"{Courses}/{course}/participants";

        var place = await (await t.Worker.PostAsJsonAsync(url, new { participantId = enrolled.Id })).ReadJsonAsync(HttpStatusCode.Created);
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = enrolled.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = notEnrolled })).AssertFieldErrorAsync("participantId");
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = exited.Id })).AssertFieldErrorAsync("participantId");
        await (await t.Worker.PostAsJsonAsync(url, new { participantId = Guid.NewGuid() })).AssertFieldErrorAsync("participantId");
        await (await t.Worker.PostAsJsonAsync(url, new { })).AssertFieldErrorAsync("participantId");
        await (await t.Worker.PostAsJsonAsync($"{Courses}/{Guid.NewGuid()}/participants", new { participantId = enrolled.Id })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(enrolled.EnrolmentId, place.GetProperty("enrolmentId").GetGuid());
        var participants = (await (await t.Worker.GetAsync($"{Courses}/{course}")).ReadJsonAsync()).GetProperty("participants");
        Assert.Equal(enrolled.Id, Assert.Single(participants.EnumerateArray()).GetProperty("participantId").GetGuid());
    }

    [Fact]
    public async Task Another_tenants_courses_are_404_and_missing_permissions_are_403()
    {
        var t = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var course = (await t.CourseAsync()).GetProperty("id").GetGuid();
        var theirs = await other.ParticipantAsync();
        var (analyst, _) = await host.StaffAsync(t.Setup, "analyst");

        await (await other.Worker.GetAsync($"{Courses}/{course}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Put(other.Worker, $"{Courses}/{course}", new { name = "X", startDate = t.Today, endDate = t.Today, language = "sv" }, "*")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Worker.PostAsJsonAsync($"{Courses}/{course}/sessions", new { date = t.Today, topic = "diet" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await t.Worker.PostAsJsonAsync($"{Courses}/{course}/participants", new { participantId = theirs.Id })).AssertFieldErrorAsync("participantId");
        Assert.Empty((await (await other.Worker.GetAsync(Courses)).ReadJsonAsync()).EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(Courses)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync(Courses, new { name = "X", startDate = t.Today, endDate = t.Today, language = "sv" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Admin.PostAsJsonAsync(Courses, new { name = "X", startDate = t.Today, endDate = t.Today, language = "sv" })).StatusCode);
        Assert.Single((await (await t.Worker.GetAsync(Courses)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_tenant_without_the_module_sees_no_routes()
    {
        var tenant = await host.Host.CreateTenantAsync("Utan modul", "0180");
        var worker = await host.Host.CreateStaffAsync(tenant, "caseWorker");

        await (await worker.GetAsync(Courses)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    internal static async Task<HttpResponseMessage> Put(HttpClient client, string url, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }
}
