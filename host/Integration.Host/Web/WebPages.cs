using System.Net;
using Integration.Host.Identity;

namespace Integration.Host.Web;

/// <summary>
/// The web pages of the host foundation: a start page with links to the API reference and the job dashboard, and the
/// cookie sign-in page the dashboard sends users to. Text in Swedish and English.
/// </summary>
internal static class WebPages
{
    public static void MapWebPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Html(HomePage(http))).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/login", (string? returnUrl) => Html(LoginPage(SafeReturnUrl(returnUrl)))).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Only local paths: an open redirect would let a link send a signed-in user anywhere.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    private static IResult Html(string body) => Results.Content(body, "text/html; charset=utf-8");

    private static string HomePage(HttpContext http)
    {
        var user = http.User.Identity?.IsAuthenticated == true
            ? $"<p>Inloggad som / Signed in as <strong>{WebUtility.HtmlEncode(http.User.FindFirst(IntegrationClaims.DisplayName)?.Value)}</strong> · <a href=\"#\" id=\"logout\">Logga ut / Sign out</a></p>"
            : "<p><a href=\"/login\">Logga in / Sign in</a></p>";
        return Layout("Integrationsplattformen / Integration platform", $$"""
            <h1>Integrationsplattformen</h1>
            <p>Program, deltagare och insatser för nyanlända. / Programmes, participants and activities for newly arrived people.</p>
            {{user}}
            <ul>
              <li><a href="/scalar">API-referens / API reference</a> (<a href="/openapi/v1.json">OpenAPI</a>)</li>
              <li><a href="/hangfire">Jobb / Jobs</a> (systemadministratörer / system admins)</li>
              <li><a href="/health/ready">Hälsa / Health</a></li>
            </ul>
            <script>
              const logout = document.getElementById('logout');
              if (logout) logout.addEventListener('click', async e => {
                e.preventDefault();
                await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' });
                location.reload();
              });
            </script>
            """);
    }

    private static string LoginPage(string returnUrl) => Layout("Logga in / Sign in", $$"""
        <h1>Logga in / Sign in</h1>
        <form id="login">
          <label>E-post / E-mail <input id="email" name="email" type="email" autocomplete="username" required></label>
          <label>Lösenord / Password <input id="password" name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">Logga in / Sign in</button>
          <p id="error" role="alert"></p>
        </form>
        <script>
          document.getElementById('login').addEventListener('submit', async e => {
            e.preventDefault();
            const response = await fetch('/api/auth/login?useCookies=true', {
              method: 'POST',
              credentials: 'same-origin',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ email: document.getElementById('email').value, password: document.getElementById('password').value })
            });
            if (response.ok) { location.href = {{System.Text.Json.JsonSerializer.Serialize(returnUrl)}}; return; }
            const problem = await response.json().catch(() => ({}));
            document.getElementById('error').textContent = problem.detail || 'Inloggningen misslyckades / Sign-in failed';
          });
        </script>
        """);

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="sv">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{WebUtility.HtmlEncode(title)}}</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
            label { display: block; margin: 0 0 1rem; } input { display: block; width: 100%; padding: .4rem; font-size: 1rem; }
            button { padding: .5rem 1rem; font-size: 1rem; } #error { color: #b00020; }
          </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;
}
