using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Testing;

/// <summary>
/// Creates the host's core records through the HTTP API, as a case worker or admin would, for tests that need a
/// programme, participants and enrolments around the records they test.
/// </summary>
public static class CoreRecords
{
    /// <summary>Enables a module for the tenant (tenant admin).</summary>
    public static async Task EnableModuleAsync(this TenantSetup tenant, string moduleId) =>
        (await tenant.Admin.PutAsync($"/api/tenants/{tenant.Id}/modules/{moduleId}", null)).EnsureSuccessStatusCode();

    /// <summary>Creates a programme that uses the given modules (tenant admin) and returns its id.</summary>
    public static async Task<Guid> CreateProgrammeAsync(this HttpClient admin, params string[] moduleIds)
    {
        var response = await admin.PostAsJsonAsync("/api/programmes", new
        {
            name = "Programme " + Guid.NewGuid().ToString("N")[..6],
            funder = "esfPlus",
            projectNumber = "2024/00123",
            periodStart = "2020-01-01",
            periodEnd = "2030-12-31",
            moduleIds,
        });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Registers a participant without an identity number and returns its id.</summary>
    public static async Task<Guid> CreateParticipantAsync(this HttpClient staff, string gender = "woman", int? birthYear = 1990,
        string givenName = "Testa", string? familyName = null, string[]? languages = null)
    {
        var response = await staff.PostAsJsonAsync("/api/participants", new
        {
            givenName,
            familyName = familyName ?? "Deltagare" + Guid.NewGuid().ToString("N")[..6],
            gender,
            birthYear,
            languages = languages ?? ["ar", "sv"],
            labourMarketStatus = "unemployed",
        });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("participant").GetProperty("id").GetGuid();
    }

    /// <summary>Enrols a participant as active from <paramref name="startDate"/> and returns the enrolment id.</summary>
    public static async Task<Guid> EnrolAsync(this HttpClient staff, Guid participantId, Guid programmeId, string moduleId, DateOnly startDate)
    {
        var response = await staff.PostAsJsonAsync("/api/enrolments", new
        {
            participantId,
            programmeId,
            moduleId,
            status = "active",
            referredOn = startDate,
            startDate,
        });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Exits an enrolment on <paramref name="date"/> (reading its version first for If-Match).</summary>
    public static async Task ExitAsync(this HttpClient staff, Guid enrolmentId, DateOnly date, string exitReason = "completed") =>
        await ChangeStatusAsync(staff, enrolmentId, new { status = "exited", date, exitReason });

    /// <summary>Moves an enrolment to another status (<c>paused</c>, <c>active</c>, <c>exited</c> with a reason).</summary>
    public static async Task<JsonElement> ChangeStatusAsync(this HttpClient staff, Guid enrolmentId, object body)
    {
        var current = await staff.GetAsync($"/api/enrolments/{enrolmentId}");
        await current.ReadJsonAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enrolments/{enrolmentId}/status") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await (await staff.SendAsync(request)).ReadJsonAsync();
    }

    /// <summary>Records a consent for a purpose (<c>healthData</c>, <c>followUpContact</c>, …) and returns its id.</summary>
    public static async Task<Guid> GiveConsentAsync(this HttpClient staff, Guid participantId, string purpose, DateOnly? givenOn = null)
    {
        var response = await staff.PostAsJsonAsync($"/api/participants/{participantId}/consents", new { purpose, givenOn });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Withdraws a consent.</summary>
    public static async Task WithdrawConsentAsync(this HttpClient staff, Guid participantId, Guid consentId, DateOnly? withdrawnOn = null) =>
        await (await staff.PostAsJsonAsync($"/api/participants/{participantId}/consents/{consentId}/withdraw", new { withdrawnOn })).ReadJsonAsync();

    /// <summary>The participant's outcomes, newest first.</summary>
    public static async Task<JsonElement> OutcomesAsync(this HttpClient staff, Guid participantId) =>
        await (await staff.GetAsync($"/api/participants/{participantId}/outcomes")).ReadJsonAsync();

    /// <summary>The tenant's follow-ups of one participant (all states).</summary>
    public static async Task<JsonElement> FollowUpsAsync(this HttpClient staff, Guid participantId) =>
        await (await staff.GetAsync($"/api/follow-ups?participantId={participantId}&pageSize=200")).ReadJsonAsync();
}
