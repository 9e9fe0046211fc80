using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Integration.Modules.Mentoring.Http;

internal static class RequestContext
{
    /// <summary>The signed-in staff user's id (the standard name identifier claim), if any.</summary>
    public static Guid? UserId(this HttpContext http) =>
        Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Today in the host's time zone, as the host counts dates.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
