using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Bench;

/// <summary>
/// The tenant every benchmark works in, made through the API: a municipality with its admin and case workers, the
/// fixture module enabled, and a programme that uses it.
/// </summary>
internal sealed record BenchTenant(Guid Id, Guid Programme, Guid AdminId, IReadOnlyList<Guid> Workers)
{
    public const string Module = "fixture-notes";
    public const string AdminEmail = "bench-tenant-admin@bench.invalid";

    public static string WorkerEmail(int n) => $"bench-worker-{n}@bench.invalid";

    public static async Task<BenchTenant> CreateAsync(Uri address, int caseWorkers)
    {
        var system = await Api.SignInAsync(address, HostProcess.AdminEmail, HostProcess.AdminPassword);
        var tenant = (await Api.Json(await system.PostAsJsonAsync(new Uri("/api/tenants", UriKind.Relative), new { name = "Bänkby kommun", kind = "municipality", municipalityCode = "2083" }))).GetProperty("id").GetGuid();
        var adminId = await AddUserAsync(system, tenant, AdminEmail, "Bench admin", "tenantAdmin");
        var workers = new List<Guid>();
        for (var n = 0; n < caseWorkers; n++)
        {
            workers.Add(await AddUserAsync(system, tenant, WorkerEmail(n), $"Bench {n}", "caseWorker"));
        }

        var admin = await Api.SignInAsync(address, AdminEmail, HostProcess.AdminPassword);
        (await admin.PutAsync(new Uri($"/api/tenants/{tenant}/modules/{Module}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var programme = (await Api.Json(await admin.PostAsJsonAsync(new Uri("/api/programmes", UriKind.Relative), new
        {
            name = "Bänkprogrammet",
            funder = "esfPlus",
            projectNumber = "2023/00001",
            periodStart = "2023-01-01",
            periodEnd = "2030-12-31",
            moduleIds = new[] { Module },
        }))).GetProperty("id").GetGuid();
        return new BenchTenant(tenant, programme, adminId, workers);
    }

    /// <summary>Uploads a CSV to the import and waits for the job; returns its final status.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient staff, byte[] file)
    {
        var accepted = await Api.Json(await staff.PostAsync(new Uri("/api/participants/import", UriKind.Relative), new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }));
        var id = accepted.GetProperty("id").GetGuid();
        JsonElement import;
        do
        {
            await Task.Delay(50);
            import = await Api.Json(await staff.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative)));
        }
        while (import.GetProperty("status").GetString() is "queued" or "running");

        return import;
    }

    private static async Task<Guid> AddUserAsync(HttpClient system, Guid tenant, string email, string displayName, string role) =>
        (await Api.Json(await system.PostAsJsonAsync(new Uri($"/api/tenants/{tenant}/users", UriKind.Relative), new { email, displayName, role, password = HostProcess.AdminPassword })))
            .GetProperty("id").GetGuid();
}
