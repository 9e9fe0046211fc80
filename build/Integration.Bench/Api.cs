using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integration.Bench;

/// <summary>The few HTTP steps every benchmark takes: signing in and reading a JSON answer (a failure stops the run).</summary>
internal static class Api
{
    public static async Task<HttpClient> SignInAsync(Uri address, string email, string password)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        var token = await Json(await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
