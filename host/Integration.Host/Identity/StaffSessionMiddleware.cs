using Integration.Host.Api;
using Integration.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Host.Identity;

/// <summary>
/// Checks on every authenticated request that the account still exists, is active, is not locked out and has the
/// security stamp the token or cookie was issued with. Bearer tokens are not re-validated by ASP.NET Core Identity, so
/// without this a deactivated user's token would work until it expires.
/// </summary>
internal sealed class StaffSessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IntegrationDbContext db, IOptions<IdentityOptions> identityOptions, TimeProvider clock)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var userId = principal.GetUserId();
            var stamp = principal.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
            var user = userId is null
                ? null
                : await db.Users.AsNoTracking()
                    .Where(u => u.Id == userId)
                    .Select(u => new { u.IsActive, u.SecurityStamp, u.LockoutEnd })
                    .FirstOrDefaultAsync(context.RequestAborted);
            var valid = user is not null
                && user.IsActive
                && (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow())
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
}
