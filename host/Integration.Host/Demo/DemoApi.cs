using System.Net.Http.Headers;
using System.Text.Json;

namespace Integration.Host.Demo;

/// <summary>
/// The demo's client of the host's own HTTP API: the demo enters its records as staff would, so that every rule, every
/// side effect (participations, follow-ups from exits) and every audit entry is the real one.
/// </summary>
internal sealed class DemoApi(HttpClient http) : IDisposable
{
    public static async Task<DemoApi> SignInAsync(Uri address, string email, string password, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        var api = new DemoApi(http);
        var token = await api.PostAsync("/api/auth/login", new { email, password }, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return api;
    }

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct) =>
        SendAsync(() => http.PostAsJsonAsync(path, body, ct), "POST", path);

    /// <summary>A change of a versioned record: sends its version as If-Match.</summary>
    public Task<JsonElement> PostAsync(string path, object? body, long version, CancellationToken ct) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            return http.SendAsync(request, ct);
        }, "POST", path);

    public Task<JsonElement> PutAsync(string path, CancellationToken ct) =>
        SendAsync(() => http.PutAsync(path, null, ct), "PUT", path);

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) =>
        SendAsync(() => http.GetAsync(path, ct), "GET", path);

    public async Task<Guid> CreateAsync(string path, object body, CancellationToken ct) =>
        (await PostAsync(path, body, ct)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> send, string method, string path)
    {
        using var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Demo request {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
