using System.Security.Claims;
using Integration.Abstractions.Modules;
using Integration.Host.Data;
using Integration.Host.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Identity;

/// <summary>A module permission such as <c>mentoring.read</c>.</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Grants a module permission to the roles the module declares as its default, and to the users a tenant admin has
/// granted it (<see cref="StaffPermissionGrant"/>). A permission of a module that is not available is never granted.
/// </summary>
/// <remarks>Scoped: the grants are read from the database once per request, so a revoked grant stops working at once.</remarks>
internal sealed class PermissionAuthorizationHandler(ModuleCatalog catalog, RequestPermissionGrants grants) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var declared = ModulePermissions.Find(catalog.Available, requirement.Permission);
        if (declared is null)
        {
            return;
        }

        if (declared.DefaultRoles.Any(context.User.IsInRole) || (await grants.OfAsync(context.User)).Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The signed-in user's permission grants in force, read with one indexed query per request at most.</summary>
internal sealed class RequestPermissionGrants(IntegrationDbContext db)
{
    private Task<HashSet<string>>? grants;

    public Task<HashSet<string>> OfAsync(ClaimsPrincipal user) => grants ??= LoadAsync(user);

    private async Task<HashSet<string>> LoadAsync(ClaimsPrincipal user)
    {
        // Grants belong to a tenant's staff: a system admin (no tenant) has none. The context's tenant filter is the
        // user's tenant, so the query also seeks by it.
        if (user.GetUserId() is not { } userId || user.GetTenantId() is null)
        {
            return [];
        }

        var names = await db.StaffPermissionGrants.AsNoTracking()
            .Where(g => g.UserId == userId && g.RevokedAt == null)
            .Select(g => g.Permission)
            .ToListAsync();
        return names.ToHashSet(StringComparer.Ordinal);
    }
}

internal static class ModulePermissions
{
    /// <summary>The permission named <paramref name="name"/> as one of <paramref name="modules"/> declares it, or null.</summary>
    public static ModulePermission? Find(IEnumerable<LoadedModule> modules, string name) =>
        modules.SelectMany(m => m.Manifest.Permissions).FirstOrDefault(p => p.Name == name);
}

internal static class PermissionPolicies
{
    /// <summary>Registers a policy named after each permission the loaded modules declare.</summary>
    public static void AddModulePermissions(this AuthorizationOptions options, ModuleCatalog catalog)
    {
        foreach (var permission in catalog.Loaded.SelectMany(m => m.Manifest.Permissions))
        {
            options.AddPolicy(permission.Name, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission.Name)));
        }
    }
}
