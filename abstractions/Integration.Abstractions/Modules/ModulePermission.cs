using Integration.Abstractions.Kernel;

namespace Integration.Abstractions.Modules;

/// <summary>
/// A permission a module declares. The host registers an authorization policy of the same name,
/// so an endpoint requires it with <c>.RequireAuthorization("mentoring.read")</c>.
/// </summary>
/// <param name="Name">The permission name, <c>{moduleId}.{action}</c>, for example <c>mentoring.read</c>.</param>
/// <param name="Description">What the permission allows, in Swedish and English.</param>
/// <param name="DefaultRoles">
/// The staff roles (<see cref="StaffRoles"/>) that hold the permission unless a tenant changes it. Leave
/// <see cref="StaffRoles.TenantAdmin"/> out for sensitive data that an admin should not read by default.
/// </param>
public sealed record ModulePermission(string Name, LocalizedText Description, IReadOnlyList<string> DefaultRoles);
