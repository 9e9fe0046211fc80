using Integration.Abstractions.Kernel;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Modules;

/// <summary><c>GET /api/modules</c> and per-tenant enabling under <c>/api/tenants/{tenantId}/modules</c>.</summary>
internal static class ModuleEndpoints
{
    public static void MapModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var modules = app.MapGroup("/api/modules").WithTags("Modules").RequireAuthorization();
        modules.MapGet("/", ListForCaller)
            .WithName("ListModules")
            .WithSummary("Lists the loaded modules, failed plugins included, with the enabled state for the caller's tenant.");

        var tenantModules = app.MapGroup("/api/tenants/{tenantId:guid}/modules").WithTags("Modules").RequireAuthorization(Policies.TenantAdmin);
        tenantModules.MapGet("/", ListForTenant)
            .WithName("ListTenantModules")
            .WithSummary("Lists the loaded modules with the enabled state for a tenant.");
        tenantModules.MapPut("/{moduleId}", Enable)
            .WithName("EnableModule")
            .WithSummary("Enables a module for a tenant. Idempotent.");
        tenantModules.MapDelete("/{moduleId}", Disable)
            .WithName("DisableModule")
            .WithSummary("Disables a module for a tenant. Its stored data is kept and returns when it is enabled again.");
    }

    private static async Task<Ok<List<ModuleResponse>>> ListForCaller(HttpContext http, ModuleCatalog catalog, ModuleEnablement enablement, CancellationToken ct)
    {
        var tenantId = http.User.GetTenantId();
        var enabled = tenantId is { } id ? await enablement.EnabledModulesAsync(id, ct) : null;
        // The reason names files on the server: for the system admin who runs it.
        var showErrors = http.User.IsInRole(StaffRoles.SystemAdmin);
        return TypedResults.Ok(Describe(catalog, enabled, showErrors));
    }

    private static async Task<Results<Ok<List<ModuleResponse>>, ProblemHttpResult>> ListForTenant(
        Guid tenantId, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog, ModuleEnablement enablement, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
        {
            return TenantRouteGuardMiddleware.TenantNotFound();
        }

        return TypedResults.Ok(Describe(catalog, await enablement.EnabledModulesAsync(tenantId, ct), showErrors: http.User.IsInRole(StaffRoles.SystemAdmin)));
    }

    private static async Task<Results<Ok<ModuleResponse>, ProblemHttpResult>> Enable(
        Guid tenantId, string moduleId, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog, ModuleEnablement enablement,
        ILogger<ModuleEnablement> logger, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
        {
            return TenantRouteGuardMiddleware.TenantNotFound();
        }

        var module = catalog.Find(moduleId);
        if (module is null)
        {
            return Problems.NotFound(
                $"Modulen '{moduleId}' är inte installerad eller kunde inte laddas.",
                $"The module '{moduleId}' is not installed or failed to load.");
        }

        if (await enablement.EnableAsync(tenantId, moduleId, http.User.GetUserId(), ct))
        {
            logger.LogInformation("Module {ModuleId} enabled for tenant {TenantId} by user {UserId}", moduleId, tenantId, http.User.GetUserId());
        }

        return TypedResults.Ok(ModuleResponse.From(module, enabled: true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(
        Guid tenantId, string moduleId, HttpContext http, IntegrationDbContext db, ModuleEnablement enablement,
        ILogger<ModuleEnablement> logger, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
        {
            return TenantRouteGuardMiddleware.TenantNotFound();
        }

        await enablement.DisableAsync(tenantId, moduleId, ct);
        logger.LogInformation("Module {ModuleId} disabled for tenant {TenantId} by user {UserId}", moduleId, tenantId, http.User.GetUserId());
        return TypedResults.NoContent();
    }

    private static List<ModuleResponse> Describe(ModuleCatalog catalog, IReadOnlySet<string>? enabled, bool showErrors)
    {
        var list = catalog.Available.Select(m => ModuleResponse.From(m, enabled?.Contains(m.Id))).ToList();
        list.AddRange(catalog.Failed.Select(f => ModuleResponse.From(f, showErrors)));
        return list.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }
}

/// <summary>A module as the API shows it.</summary>
/// <param name="Id">The module id (for a plugin that failed before its manifest was read: the plugin folder name).</param>
/// <param name="DisplayName">Name in Swedish and English.</param>
/// <param name="Description">Description in Swedish and English.</param>
/// <param name="Version">The module's version.</param>
/// <param name="ContractVersion">The contract version it was built against.</param>
/// <param name="Status"><c>loaded</c> or <c>failed</c>.</param>
/// <param name="Error">Why it failed (system admins only: it names files on the server).</param>
/// <param name="Enabled">Whether the caller's tenant has enabled it; null for a user without a tenant.</param>
/// <param name="Permissions">The permissions it declares.</param>
public sealed record ModuleResponse(
    string Id,
    LocalizedText? DisplayName,
    LocalizedText? Description,
    string? Version,
    string? ContractVersion,
    string Status,
    string? Error,
    bool? Enabled,
    IReadOnlyList<string> Permissions)
{
    public static ModuleResponse From(LoadedModule module, bool? enabled) => new(
        module.Id,
        module.Manifest.DisplayName,
        module.Manifest.Description,
        module.Manifest.Version,
        module.Manifest.ContractVersion,
        "loaded",
        null,
        enabled,
        module.Manifest.Permissions.Select(p => p.Name).ToList());

    public static ModuleResponse From(FailedPlugin plugin, bool showError) => new(
        plugin.ModuleId ?? plugin.Name,
        plugin.Manifest?.DisplayName,
        plugin.Manifest?.Description,
        plugin.Manifest?.Version,
        plugin.Manifest?.ContractVersion,
        "failed",
        showError ? $"Plugin {Path.GetFileName(plugin.PluginFile)} failed to load: {plugin.Reason}" : null,
        false,
        plugin.Manifest?.Permissions.Select(p => p.Name).ToList() ?? []);
}
