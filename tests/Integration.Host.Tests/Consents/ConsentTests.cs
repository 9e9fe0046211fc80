using System.Net;
using System.Net.Http.Json;
using Integration.Host.Tests.Participants;

namespace Integration.Host.Tests.Consents;

/// <summary>Consents per purpose, given and withdrawn.</summary>
public sealed class ConsentTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private HttpClient worker = null!;
    private Guid participant;

    public async Task InitializeAsync()
    {
        var tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
        participant = (await (await worker.PostAsJsonAsync("/api/participants", ParticipantTests.Person())).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("participant").GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Consent_is_given_listed_and_withdrawn()
    {
        var given = await (await worker.PostAsJsonAsync(Url, new { purpose = "followUpContact", givenOn = "2024-01-10", note = "Muntligt, med tolk" })).ReadJsonAsync(HttpStatusCode.Created);
        var again = await worker.PostAsJsonAsync(Url, new { purpose = "followUpContact" });
        var withdrawn = await (await worker.PostAsJsonAsync($"{Url}/{given.GetProperty("id").GetGuid()}/withdraw", new { withdrawnOn = "2024-06-01" })).ReadJsonAsync();
        var renewed = await worker.PostAsJsonAsync(Url, new { purpose = "followUpContact", givenOn = "2024-09-01" });
        var list = await (await worker.GetAsync(Url)).ReadJsonAsync();

        Assert.True(given.GetProperty("inForce").GetBoolean());
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(withdrawn.GetProperty("inForce").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
        Assert.Equal(2, list.GetArrayLength());
    }

    [Fact]
    public async Task Bad_dates_and_purposes_name_the_field()
    {
        var given = await (await worker.PostAsJsonAsync(Url, new { purpose = "healthData", givenOn = "2024-01-10" })).ReadJsonAsync(HttpStatusCode.Created);

        await (await worker.PostAsJsonAsync(Url, new { purpose = "marketing" })).AssertFieldErrorAsync("purpose");
        await (await worker.PostAsJsonAsync(Url, new { purpose = "publicity", givenOn = "2099-01-01" })).AssertFieldErrorAsync("givenOn");
        await (await worker.PostAsJsonAsync($"{Url}/{given.GetProperty("id").GetGuid()}/withdraw", new { withdrawnOn = "2023-01-01" })).AssertFieldErrorAsync("withdrawnOn");
    }

    [Fact]
    public async Task Unknown_participant_is_not_found()
    {
        await (await worker.GetAsync($"/api/participants/{Guid.NewGuid()}/consents")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private string Url => $"/api/participants/{participant}/consents";
}
