using System.Reflection;
using System.Runtime.Loader;

namespace Integration.Host.Modules;

/// <summary>
/// The load context of one plugin: the plugin's own dependencies come from its folder, everything the host can load
/// itself (the abstractions, ASP.NET Core, EF Core, Autofac, Hangfire and the rest of the host's dependencies) is shared
/// with the host, so that types such as <c>IActivityModule</c> and <c>DbContext</c> are the same on both sides.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}")
{
    private readonly AssemblyDependencyResolver resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (HostAssemblies.Contains(assemblyName))
        {
            // Null falls back to the default context, which binds the host's copy.
            return null;
        }

        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}

/// <summary>The simple names of the assemblies the host's default load context can load.</summary>
internal static class HostAssemblies
{
    private static readonly Lazy<HashSet<string>> Names = new(() =>
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            names.Add(Path.GetFileNameWithoutExtension(path));
        }

        foreach (var assembly in AssemblyLoadContext.Default.Assemblies)
        {
            if (assembly.GetName().Name is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    });

    public static bool Contains(AssemblyName name) => name.Name is not null && Names.Value.Contains(name.Name);
}
