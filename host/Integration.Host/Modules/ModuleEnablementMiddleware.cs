using Integration.Host.Api;
using Integration.Host.Identity;

namespace Integration.Host.Modules;

/// <summary>
/// Disabled means invisible: a module endpoint answers 404 unless the caller's tenant has enabled the module and the
/// module is working. Checked per request, so enabling takes effect at once.
/// </summary>
internal sealed class ModuleEnablementMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ModuleCatalog catalog, ModuleEnablement enablement)
    {
        var module = context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>();
        if (module is not null)
        {
            // Module data is tenant data: without a signed-in user of a tenant that has the module, there is nothing to see.
            var tenantId = context.User.GetTenantId();
            var visible = catalog.IsAvailable(module.ModuleId)
                && tenantId is { } tenant
                && await enablement.IsEnabledAsync(tenant, module.ModuleId, context.RequestAborted);
            if (!visible)
            {
                await Problems.NotFound(
                    $"Modulen '{module.ModuleId}' är inte aktiverad för din organisation.",
                    $"The module '{module.ModuleId}' is not enabled for your tenant.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
