using System.Reflection;
using Integration.Abstractions.Modules;

namespace Integration.ArchitectureTests;

/// <summary>The assemblies under test: the host, the abstractions and every module this project references.</summary>
internal static class Assemblies
{
    public static Assembly Host { get; } = typeof(Program).Assembly;

    public static Assembly Abstractions { get; } = typeof(IActivityModule).Assembly;

    public static string RepoRoot { get; } = typeof(Assemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>
    /// Module assemblies: <c>Integration.Modules.*</c> (the in-repo modules) and <c>Fixture.Plugin.*</c> (the test plugin),
    /// loaded from this project's output where the project references put them.
    /// </summary>
    public static IReadOnlyList<Assembly> Modules { get; } = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
        .Where(f => Path.GetFileName(f).StartsWith("Integration.Modules.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Fixture.Plugin.", StringComparison.Ordinal))
        .Select(Assembly.LoadFrom)
        .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
        .ToList();

    public static string Namespace(Assembly module) =>
        module.GetExportedTypes().Single(t => typeof(IActivityModule).IsAssignableFrom(t)).Namespace!;
}
