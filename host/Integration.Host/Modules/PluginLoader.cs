using System.Reflection;
using Autofac;
using Autofac.Core;
using Integration.Abstractions.Modules;
using Integration.Host.Configuration;

namespace Integration.Host.Modules;

/// <summary>
/// Finds the plugins in the plugins folder, loads each in its own <see cref="PluginLoadContext"/>, checks the contract
/// version, its dependencies, its manifest and its service registrations, and builds the <see cref="ModuleCatalog"/>.
/// </summary>
/// <remarks>
/// A plugin is a folder <c>plugins/{name}/</c> holding the build output of one module project; its main assembly is the
/// one with a <c>.deps.json</c> beside it. The build names the folder after the module id.
/// </remarks>
internal sealed class PluginLoader(IntegrationSettings settings, ILogger logger)
{
    private const string AbstractionsAssemblyName = "Integration.Abstractions";

    /// <summary>Loads the plugins.</summary>
    /// <exception cref="PluginLoadException">A plugin failed and <c>OnLoadError</c> is <c>Fail</c>.</exception>
    /// <exception cref="ConfigurationException"><c>Integration:Modules:Load</c> names a plugin that is not there.</exception>
    public ModuleCatalog LoadAll()
    {
        var folders = FindPluginFolders();
        var loaded = new List<LoadedModule>();
        var failed = new List<FailedPlugin>();

        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            var result = LoadOne(folder, loaded);
            if (result.Module is { } module)
            {
                loaded.Add(module);
                logger.LogInformation("Loaded module {ModuleId} {ModuleVersion} from {PluginFile}", module.Id, module.Manifest.Version, module.PluginFile);
                continue;
            }

            if (settings.OnLoadError == OnLoadError.Fail)
            {
                throw new PluginLoadException(result.PluginFile, result.Reason!);
            }

            logger.LogError("Plugin {PluginFile} failed to load: {Reason} (skipped: Integration:Modules:OnLoadError=Skip)", result.PluginFile, result.Reason);
            failed.Add(new FailedPlugin(name, result.Manifest?.Id, result.PluginFile, result.Reason!, result.Manifest));
        }

        return new ModuleCatalog(loaded, failed);
    }

    private List<string> FindPluginFolders()
    {
        var present = Directory.Exists(settings.PluginsPath)
            ? Directory.GetDirectories(settings.PluginsPath).OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList()
            : [];

        if (!Directory.Exists(settings.PluginsPath))
        {
            logger.LogWarning("The plugins folder {PluginsPath} does not exist: no modules are loaded (Integration:PluginsPath)", settings.PluginsPath);
        }

        if (settings.ModulesToLoad.Count == 0)
        {
            return present;
        }

        var byName = present.ToDictionary(f => Path.GetFileName(f), StringComparer.Ordinal);
        var missing = settings.ModulesToLoad.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigurationException("Integration:Modules:Load", $"no plugin folder {string.Join(", ", missing.Select(m => $"'{m}'"))} in {settings.PluginsPath}.");
        }

        return settings.ModulesToLoad.Select(n => byName[n]).ToList();
    }

    private static LoadResult LoadOne(string folder, List<LoadedModule> alreadyLoaded)
    {
        var mainAssemblies = Directory.GetFiles(folder, "*.deps.json")
            .Select(deps => Path.Combine(folder, Path.GetFileName(deps)[..^".deps.json".Length] + ".dll"))
            .Where(File.Exists)
            .ToList();
        if (mainAssemblies.Count != 1)
        {
            return LoadResult.Failed(folder, mainAssemblies.Count == 0
                ? "no main assembly: the folder needs one <name>.dll with its <name>.deps.json (the build output of a module project)."
                : $"more than one main assembly ({string.Join(", ", mainAssemblies.Select(Path.GetFileName))}); a plugin folder holds one module.");
        }

        var pluginFile = mainAssemblies[0];
        var context = new PluginLoadContext(pluginFile);
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(pluginFile);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
        {
            return LoadResult.Failed(pluginFile, $"not a loadable .NET assembly ({ex.Message})");
        }

        var dependencyProblem = CheckReferences(assembly, context);
        if (dependencyProblem is not null)
        {
            return LoadResult.Failed(pluginFile, dependencyProblem);
        }

        IActivityModule module;
        try
        {
            var types = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IActivityModule).IsAssignableFrom(t))
                .ToList();
            if (types.Count != 1)
            {
                return LoadResult.Failed(pluginFile, types.Count == 0
                    ? "no public class implements IActivityModule."
                    : $"more than one class implements IActivityModule ({string.Join(", ", types.Select(t => t.FullName))}).");
            }

            module = (IActivityModule)Activator.CreateInstance(types[0])!;
        }
        catch (Exception ex)
        {
            return LoadResult.Failed(pluginFile, $"its module class could not be created: {Describe(ex)}");
        }

        ModuleManifest manifest;
        try
        {
            manifest = module.Manifest;
        }
        catch (Exception ex)
        {
            return LoadResult.Failed(pluginFile, $"its manifest threw: {Describe(ex)}");
        }

        var manifestProblem = ManifestValidator.Validate(manifest);
        if (manifestProblem is not null)
        {
            return LoadResult.Failed(pluginFile, manifestProblem, manifest);
        }

        var duplicate = alreadyLoaded.Find(m => m.Id == manifest.Id);
        if (duplicate is not null)
        {
            return LoadResult.Failed(pluginFile, $"duplicate module id '{manifest.Id}': already provided by {duplicate.PluginFile}.", manifest);
        }

        IModule services;
        try
        {
            services = module.CreateServices() ?? throw new InvalidOperationException("CreateServices returned null.");

            // A dry run into a scratch registry: a module whose registration throws is reported here, against its
            // plugin, instead of failing the host's container build without saying which module broke it.
            services.Configure(new ContainerBuilder().ComponentRegistryBuilder);
        }
        catch (Exception ex)
        {
            return LoadResult.Failed(pluginFile, $"module '{manifest.Id}' threw while registering its services: {Describe(ex)}", manifest);
        }

        return new LoadResult(pluginFile, new LoadedModule(manifest, module, services, pluginFile, assembly), null, manifest);
    }

    /// <summary>Checks the contract the plugin was compiled against and that every direct reference resolves.</summary>
    private static string? CheckReferences(Assembly assembly, PluginLoadContext context)
    {
        var references = assembly.GetReferencedAssemblies();
        var abstractions = Array.Find(references, r => r.Name == AbstractionsAssemblyName);
        if (abstractions is null)
        {
            return $"it does not reference {AbstractionsAssemblyName}, so it is not a module.";
        }

        if (abstractions.Version is { } version && version.Major != ModuleContract.Major)
        {
            return $"it was built against module contract {version.Major}.{version.Minor}; this host supports contract {ModuleContract.Major}.x ({ModuleContract.Version}).";
        }

        // Every assembly the plugin needs, through its private dependencies too: a missing dependency of a dependency
        // would otherwise pass here and fail at the first request that touches it. The host's own assemblies are
        // complete, so the walk stops where an assembly comes from the host.
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { assembly.GetName().Name! };
        var pending = new Queue<(AssemblyName Reference, string NeededBy)>(references.Select(r => (r, assembly.GetName().Name!)));
        while (pending.TryDequeue(out var item))
        {
            if (!visited.Add(item.Reference.Name!))
            {
                continue;
            }

            Assembly dependency;
            try
            {
                dependency = context.LoadFromAssemblyName(item.Reference);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return $"missing dependency {item.Reference.FullName}, needed by {item.NeededBy} (not in the plugin folder and not provided by the host).";
            }

            if (System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(dependency) == context)
            {
                foreach (var next in dependency.GetReferencedAssemblies())
                {
                    pending.Enqueue((next, dependency.GetName().Name!));
                }
            }
        }

        return null;
    }

    private static string Describe(Exception ex)
    {
        var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
        return $"{inner.GetType().Name}: {inner.Message}";
    }

    private sealed record LoadResult(string PluginFile, LoadedModule? Module, string? Reason, ModuleManifest? Manifest)
    {
        public static LoadResult Failed(string pluginFile, string reason, ModuleManifest? manifest = null) => new(pluginFile, null, reason, manifest);
    }
}
