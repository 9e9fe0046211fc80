using System.Collections.Concurrent;

namespace Integration.Host.Modules;

/// <summary>
/// The modules of this process: the ones that loaded, and the plugins that failed (only when
/// <c>Integration:Modules:OnLoadError=Skip</c>, otherwise start-up stops). Plugins stay loaded for the life of the process.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly List<LoadedModule> loaded;
    private readonly ConcurrentDictionary<string, FailedPlugin> failed = new(StringComparer.Ordinal);

    public ModuleCatalog(IEnumerable<LoadedModule> loaded, IEnumerable<FailedPlugin> failed)
    {
        this.loaded = loaded.ToList();
        foreach (var plugin in failed)
        {
            this.failed[plugin.Name] = plugin;
        }
    }

    /// <summary>Modules that loaded and have not failed since.</summary>
    public IReadOnlyList<LoadedModule> Available => loaded.Where(m => !failed.ContainsKey(m.Id)).ToList();

    /// <summary>Every module that passed loading, including any that failed later in start-up.</summary>
    public IReadOnlyList<LoadedModule> Loaded => loaded;

    /// <summary>Plugins that failed, by folder name or module id.</summary>
    public IReadOnlyList<FailedPlugin> Failed => failed.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>True when the module is loaded and working.</summary>
    public bool IsAvailable(string moduleId) => !failed.ContainsKey(moduleId) && loaded.Exists(m => m.Id == moduleId);

    /// <summary>The available module with this id, or null.</summary>
    public LoadedModule? Find(string moduleId) => IsAvailable(moduleId) ? loaded.Find(m => m.Id == moduleId) : null;

    /// <summary>Marks a loaded module as failed in a later start-up step (migrations, endpoints).</summary>
    public void MarkFailed(LoadedModule module, string reason) =>
        failed[module.Id] = new FailedPlugin(module.Id, module.Id, module.PluginFile, reason, module.Manifest);
}
