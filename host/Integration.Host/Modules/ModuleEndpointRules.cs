using Microsoft.AspNetCore.Authorization;

namespace Integration.Host.Modules;

/// <summary>
/// Checks at start-up that every endpoint a module maps requires one of the permissions the module declares, none
/// allows anonymous access (it would be open to every role of every tenant that enabled the module), and no endpoint
/// name is taken already (duplicate names make ASP.NET Core's routing fail for every request).
/// </summary>
internal static class ModuleEndpointRules
{
    /// <summary>The first problem with the module's endpoints, or null.</summary>
    public static string? Check(LoadedModule module, IEnumerable<Endpoint> endpoints, IReadOnlySet<string> takenNames)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var permissions = module.Manifest.Permissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.DisplayName ?? "an endpoint";
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } endpointName
                && (takenNames.Contains(endpointName) || !names.Add(endpointName)))
            {
                return $"its endpoint {name} is named '{endpointName}', a name another endpoint has; prefix endpoint names with the module's name.";
            }

            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return $"its endpoint {name} allows anonymous access; module endpoints serve signed-in staff of a tenant only.";
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>();
            if (!policies.Any(permissions.Contains))
            {
                return $"its endpoint {name} requires none of the module's permissions ({string.Join(", ", permissions)}); add .RequireAuthorization(\"{module.Id}.<action>\").";
            }
        }

        return null;
    }
}
