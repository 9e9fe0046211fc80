using Integration.Host.Modules;
using Microsoft.AspNetCore.Authorization;

namespace Integration.Host.Identity;

/// <summary>A module permission such as <c>mentoring.read</c>.</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Grants a module permission to the roles the module declares as its default. A permission of a module that is not
/// available is never granted.
/// </summary>
internal sealed class PermissionAuthorizationHandler(ModuleCatalog catalog) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var declared = catalog.Available
            .SelectMany(m => m.Manifest.Permissions)
            .FirstOrDefault(p => p.Name == requirement.Permission);
        if (declared is not null && declared.DefaultRoles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
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
