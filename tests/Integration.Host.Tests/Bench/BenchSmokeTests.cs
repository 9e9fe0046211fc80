using System.Diagnostics;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Bench;

/// <summary>
/// <c>build/bench.sh --smoke</c> runs every benchmark of the suite on a tiny data set against this run's build, so that
/// the suite cannot rot unnoticed. It checks that each benchmark runs to the end and reports; the figures themselves
/// are measured by <c>build/bench.sh</c>, never asserted here.
/// </summary>
// The benchmark suite brings its own SQLite files, so the PostgreSQL pass leaves it out.
[Trait("Database", TestDatabase.SqliteOnly)]
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
        var start = new ProcessStartInfo("bash") { WorkingDirectory = TestPaths.RepoRoot };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepoRoot, "build", "bench.sh"));
        start.ArgumentList.Add("--smoke");
        start.Environment["BENCH_HOST"] = Path.GetDirectoryName(TestPaths.HostDll)!;
        start.Environment["BENCH_PLUGINS"] = plugins;
        start.Environment["BENCH_REPORT"] = report;
        start.Environment["CONFIGURATION"] = TestPaths.Configuration;

        var result = await HostProcess.RunToExitAsync(start, "build/bench.sh --smoke", timeoutSeconds: 300);
        var output = result.AllOutput;

        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("import: succeeded, 300 imported, 0 rejected", output, StringComparison.Ordinal);
        Assert.Contains("dispatcher: 50 made due", output, StringComparison.Ordinal);
        Assert.Contains("rollup (programme to date, fourth run): succeeded", output, StringComparison.Ordinal);
        Assert.Contains("bare server: the same rows as the host", output, StringComparison.Ordinal);
        var figures = await File.ReadAllTextAsync(report);
        foreach (var section in new[] { "startup", "records", "followups", "http" })
        {
            Assert.Contains($"<!-- bench:{section}:end -->", figures, StringComparison.Ordinal);
        }

        Assert.Contains("| start-up, median of 1 starts on an existing database |", figures, StringComparison.Ordinal);
        Assert.Contains("| CSV import of 300 participants", figures, StringComparison.Ordinal);
        Assert.Contains("| ratio of the rollup (median) to the hand-written query (median) |", figures, StringComparison.Ordinal);
        Assert.Contains("| name search: host to bare requests/s |", figures, StringComparison.Ordinal);
        Assert.Contains("| host peak working set (VmHWM)", figures, StringComparison.Ordinal);
    }
}
