using Integration.Host.Api;
using Integration.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Host.Identity;

/// <summary>
/// Checks on every authenticated request that the account still exists, is active and has the security stamp the token
/// or cookie was issued with. Bearer tokens are not re-validated by ASP.NET Core Identity, so
/// without this a deactivated user's token would work until it expires.
/// </summary>
internal sealed class StaffSessionMiddleware(RequestDelegate next)
{
    // Compiled once: it runs on every signed-in request (see NameSearchQueries for why that matters).
    private static readonly Func<IntegrationDbContext, Guid, CancellationToken, Task<SessionState?>> Session = EF.CompileAsyncQuery(
        (IntegrationDbContext db, Guid id, CancellationToken ct) => db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new SessionState(u.IsActive, u.SecurityStamp))
            .FirstOrDefault());

    public async Task InvokeAsync(HttpContext context, IntegrationDbContext db, IOptions<IdentityOptions> identityOptions)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var userId = principal.GetUserId();
            var stamp = principal.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
            // The request's queries share one open connection from here on (the context closes it at the end of the
            // request) instead of opening and closing one for each query, which costs about as much as a small query.
            await db.Database.OpenConnectionAsync(context.RequestAborted);

            // A lockout is not checked here: it stops new sign-ins, and anyone who knows an address could otherwise end
            // that user's sessions by failing to sign in as them five times.
            var user = userId is { } id ? await Session(db, id, context.RequestAborted) : null;
            var valid = user is not null
                && user.IsActive
                && string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal);
            if (!valid)
            {
                await Problems.Unauthorized("Inloggningen gäller inte längre. Logga in igen.", "The sign-in is no longer valid. Sign in again.")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private sealed record SessionState(bool IsActive, string? SecurityStamp);
}
