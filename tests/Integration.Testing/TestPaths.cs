using System.Reflection;

namespace Integration.Testing;

/// <summary>Where the repository, the built host and scratch folders are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>Debug or Release: the configuration these tests were built in, so child builds match it.</summary>
    public static string Configuration { get; } = typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    /// <summary>The host as the solution build left it, run as a child process.</summary>
    public static string HostDll { get; } = Path.Combine(RepoRoot, "host", "Integration.Host", "bin", Configuration, "net10.0", "Integration.Host.dll");

    /// <summary>The plugins folder beside the built host, where the solution build places every module of <c>modules/</c>.</summary>
    public static string HostPlugins { get; } = Path.Combine(RepoRoot, "host", "Integration.Host", "bin", Configuration, "net10.0", "plugins");

    /// <summary>A new empty folder that is removed with <see cref="TempFolder.Dispose"/>.</summary>
    public static TempFolder NewTempFolder(string purpose) => new(Path.Combine(Path.GetTempPath(), "integration-tests", $"{purpose}-{Guid.NewGuid():N}"));
}

public sealed class TempFolder : IDisposable
{
    public TempFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner takes the rest.
        }
    }
}
