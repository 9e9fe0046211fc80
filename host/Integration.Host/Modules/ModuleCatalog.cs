using System.Collections.Immutable;

namespace Integration.Host.Modules;

/// <summary>
/// The modules of this process: the ones that loaded, and the plugins that failed (only when
/// <c>Integration:Modules:OnLoadError=Skip</c>, otherwise start-up stops). Plugins stay loaded for the life of the process.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly IReadOnlyList<LoadedModule> loaded;
    private ImmutableList<FailedPlugin> failed;

    // Ids of loaded modules that failed in a later start-up step; kept apart from the failed plugins' folder names, so
    // that a broken plugin folder can never hide a working module whose id happens to equal the folder name.
    private ImmutableHashSet<string> failedModuleIds = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public ModuleCatalog(IEnumerable<LoadedModule> loaded, IEnumerable<FailedPlugin> failed)
    {
        this.loaded = loaded.ToList();
        this.failed = failed.ToImmutableList();
    }

    /// <summary>Modules that loaded and have not failed since.</summary>
    public IReadOnlyList<LoadedModule> Available => loaded.Where(m => !failedModuleIds.Contains(m.Id)).ToList();

    /// <summary>Every module that passed loading, including any that failed later in start-up.</summary>
    public IReadOnlyList<LoadedModule> Loaded => loaded;

    /// <summary>Plugins that failed, at loading or in a later start-up step.</summary>
    public IReadOnlyList<FailedPlugin> Failed => failed.OrderBy(f => f.ModuleId ?? f.Name, StringComparer.Ordinal).ToList();

    /// <summary>True when the module is loaded and working.</summary>
    public bool IsAvailable(string moduleId) => !failedModuleIds.Contains(moduleId) && loaded.Any(m => m.Id == moduleId);

    /// <summary>The available module with this id, or null.</summary>
    public LoadedModule? Find(string moduleId) => IsAvailable(moduleId) ? loaded.FirstOrDefault(m => m.Id == moduleId) : null;

    /// <summary>Marks a loaded module as failed in a later start-up step (migrations, endpoints).</summary>
    public void MarkFailed(LoadedModule module, string reason)
    {
        ImmutableInterlocked.Update(ref failedModuleIds, ids => ids.Add(module.Id));
        ImmutableInterlocked.Update(ref failed, list => list.Add(new FailedPlugin(Path.GetFileName(Path.GetDirectoryName(module.PluginFile)) ?? module.Id, module.Id, module.PluginFile, reason, module.Manifest)));
    }
}
