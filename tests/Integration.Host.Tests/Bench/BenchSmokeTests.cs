using System.Diagnostics;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Bench;

/// <summary>
/// <c>build/bench.sh --smoke</c> runs every benchmark of the suite on a tiny data set against this run's build, so that
/// the suite cannot rot unnoticed. It checks that each benchmark runs to the end and reports; the figures themselves
/// are measured by <c>build/bench.sh</c>, never asserted here.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Every_benchmark_runs_to_the_end_on_a_tiny_data_set_and_writes_its_figures()
    {
        using var root = TestPaths.NewTempFolder("bench-smoke");

        // The host's modules and the fixture plugin the follow-up benchmark enables, as build/bench.sh assembles them.
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes);
        foreach (var module in Directory.GetDirectories(TestPaths.HostPlugins))
        {
            Directory.CreateSymbolicLink(Path.Combine(plugins, Path.GetFileName(module)), module);
        }

        var report = Path.Combine(root.Path, "smoke.md");
        var (exitCode, output) = await RunAsync(new Dictionary<string, string>
        {
            ["BENCH_HOST"] = Path.GetDirectoryName(TestPaths.HostDll)!,
            ["BENCH_PLUGINS"] = plugins,
            ["BENCH_REPORT"] = report,
            ["CONFIGURATION"] = TestPaths.Configuration,
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains("import: succeeded, 300 imported, 0 rejected", output, StringComparison.Ordinal);
        Assert.Contains("dispatcher: 50 made due", output, StringComparison.Ordinal);
        Assert.Contains("rollup (programme to date, second run): succeeded", output, StringComparison.Ordinal);
        var figures = await File.ReadAllTextAsync(report);
        foreach (var section in new[] { "startup", "records", "followups" })
        {
            Assert.Contains($"<!-- bench:{section}:end -->", figures, StringComparison.Ordinal);
        }

        Assert.Contains("| start-up, median of 1 starts on an existing database |", figures, StringComparison.Ordinal);
        Assert.Contains("| CSV import of 300 participants", figures, StringComparison.Ordinal);
        Assert.Contains("| ratio of the rollup (second run) to the hand-written query |", figures, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(TestPaths.RepoRoot, "build", "bench.sh"), "--smoke" },
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build/bench.sh --smoke did not finish in 5 minutes:\n{await standardOutput}\n{await standardError}");
        }

        return (process.ExitCode, await standardOutput + await standardError);
    }
}
