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

    /// <summary>The folder that holds every scratch folder of the tests.</summary>
    public static string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "integration-tests");

    /// <summary>
    /// How old a scratch folder must be before a later test run removes it. Folders that live as long as the test
    /// process (the SQLite template, the built fixture plugins) are removed at its exit when the test platform lets
    /// the process exit normally, which it does not always do; a few hundred megabytes were left behind per run.
    /// </summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(12);

    private static readonly Lazy<bool> Swept = new(SweepStaleFolders, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new empty folder that is removed with <see cref="TempFolder.Dispose"/>.</summary>
    public static TempFolder NewTempFolder(string purpose) => new(NewTempPath(purpose));

    /// <summary>A path for a new scratch folder under <see cref="TempRoot"/>, after removing stale ones of earlier runs.</summary>
    public static string NewTempPath(string purpose)
    {
        _ = Swept.Value;
        return Path.Combine(TempRoot, $"{purpose}-{Guid.NewGuid():N}");
    }

    private static bool SweepStaleFolders()
    {
        if (!Directory.Exists(TempRoot))
        {
            return true;
        }

        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var folder in Directory.EnumerateDirectories(TempRoot))
        {
            if (Directory.GetLastWriteTimeUtc(folder) < cutoff)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another run may still use it or the OS holds it; the next sweep tries again.
                }
            }
        }

        return true;
    }
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
