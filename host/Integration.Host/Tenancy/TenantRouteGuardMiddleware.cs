using Integration.Host.Api;
using Integration.Host.Identity;

namespace Integration.Host.Tenancy;

/// <summary>
/// Every route with a <c>{tenantId}</c> parameter answers 404 to a user of another tenant, before the endpoint runs:
/// a user learns nothing about another tenant, not even that it exists. System admins reach every tenant's routes.
/// Applied to all endpoints, so routes added later are covered without opting in.
/// </summary>
internal sealed class TenantRouteGuardMiddleware(RequestDelegate next)
{
    public const string RouteParameter = "tenantId";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null && context.Request.RouteValues.TryGetValue(RouteParameter, out var value))
        {
            var user = context.User;
            var allowed = user.Identity?.IsAuthenticated == true
                && (user.IsSystemAdmin() || (Guid.TryParse(value?.ToString(), out var routeTenant) && user.GetTenantId() == routeTenant));
            if (!allowed)
            {
                await TenantNotFound().ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TenantNotFound() => Problems.NotFound("Organisationen finns inte.", "The tenant does not exist.");
}
