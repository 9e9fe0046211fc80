using Integration.Abstractions.Kernel;

namespace Integration.Abstractions.Modules;

/// <summary>What a module says about itself. The host validates it when the plugin loads.</summary>
public sealed record ModuleManifest
{
    /// <summary>
    /// The stable id, used everywhere: configuration key, route group <c>/api/modules/{id}</c>, OpenAPI tag,
    /// table prefix, job ids <c>{id}:{job}</c> and permission names <c>{id}.read</c>.
    /// Lower-case letters, digits and single hyphens, starting with a letter, at most 40 characters (<c>business-school</c>).
    /// Never change it once a municipality uses the module: stored rows, jobs and settings refer to it.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The name shown to users, in Swedish and English.</summary>
    public required LocalizedText DisplayName { get; init; }

    /// <summary>One or two sentences on what the module records, in Swedish and English.</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>The module's own version, <c>major.minor.patch</c>.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The contract version the module was built against. Set it to <see cref="ModuleContract.Version"/>:
    /// the constant is compiled into the module, so it keeps the value of the contract it was built with.
    /// </summary>
    public required string ContractVersion { get; init; }

    /// <summary>The permissions the module's endpoints require, each named <c>{id}.{action}</c>.</summary>
    public IReadOnlyList<ModulePermission> Permissions { get; init; } = [];
}
