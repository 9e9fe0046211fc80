using System.Reflection;
using Autofac.Core;
using Integration.Abstractions.Modules;

namespace Integration.Host.Modules;

/// <summary>A module whose plugin loaded and validated.</summary>
/// <param name="Manifest">The validated manifest.</param>
/// <param name="Module">The module's contract implementation.</param>
/// <param name="Services">The Autofac module that registers its services.</param>
/// <param name="PluginFile">The plugin's main assembly.</param>
/// <param name="Assembly">The loaded main assembly.</param>
public sealed record LoadedModule(ModuleManifest Manifest, IActivityModule Module, IModule Services, string PluginFile, Assembly Assembly)
{
    /// <summary>The module id.</summary>
    public string Id => Manifest.Id;
}

/// <summary>A plugin that failed to load or start, kept for <c>GET /api/modules</c> and <c>/health</c>.</summary>
/// <param name="Name">The plugin folder name.</param>
/// <param name="ModuleId">The module id, when the manifest could be read.</param>
/// <param name="PluginFile">The plugin's main assembly or folder.</param>
/// <param name="Reason">Why it failed.</param>
/// <param name="Manifest">The manifest, when it could be read.</param>
public sealed record FailedPlugin(string Name, string? ModuleId, string PluginFile, string Reason, ModuleManifest? Manifest);
