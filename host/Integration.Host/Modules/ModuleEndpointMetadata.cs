namespace Integration.Host.Modules;

/// <summary>Marks an endpoint as belonging to a module's route group.</summary>
/// <param name="ModuleId">The module id.</param>
internal sealed record ModuleEndpointMetadata(string ModuleId);
