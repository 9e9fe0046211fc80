using System.Diagnostics;

namespace Integration.Host.Tests.Infrastructure;

/// <summary>
/// Builds the fixture plugin (tests/fixtures, not in Integration.sln) once per test run, with every variant, and makes
/// plugins folders from it the way an admin installs a module: by dropping its folder into the plugins folder.
/// </summary>
internal static class FixturePlugins
{
    public const string Notes = "fixture-notes";
    public const string BadContract = "fixture-bad-contract";
    public const string Throws = "fixture-throws";
    public const string Duplicate = "fixture-duplicate";
    public const string Anonymous = "fixture-anonymous";
    public const string NotesModuleId = "fixture-notes";

    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    /// <summary>A plugins folder holding the named fixture variants (as links to the built folders).</summary>
    public static async Task<string> CreatePluginsFolderAsync(TempFolder root, params string[] variants)
    {
        var built = await Built.Value;
        var plugins = Path.Combine(root.Path, "plugins");
        Directory.CreateDirectory(plugins);
        foreach (var variant in variants)
        {
            Directory.CreateSymbolicLink(Path.Combine(plugins, variant), Path.Combine(built, variant));
        }

        return plugins;
    }

    /// <summary>A plugins folder with a copy of the notes plugin without one of its private dependencies.</summary>
    public static async Task<string> CreateFolderWithMissingDependencyAsync(TempFolder root, string missingFile = "Fixture.Helper.dll")
    {
        var built = await Built.Value;
        var target = Path.Combine(root.Path, "plugins", "fixture-missing-dependency");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(built, Notes)))
        {
            if (Path.GetFileName(file) != missingFile)
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return Path.GetDirectoryName(target)!;
    }

    private static async Task<string> BuildAsync()
    {
        var output = TestPaths.NewTempPath("fixture-plugins") + Path.DirectorySeparatorChar;
        var project = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "fixtures.proj");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "msbuild", project, "-t:Build", $"-p:Configuration={TestPaths.Configuration}", $"-p:FixturesOutput={output}", "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the fixture plugins failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp cleaner takes what is left.
            }
        };
        return output;
    }
}
