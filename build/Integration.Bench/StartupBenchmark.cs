using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Integration.Bench;

/// <summary>
/// Time from process start to a ready <c>/health/ready</c> (200): plugins loaded, host and module migrations applied,
/// web and job servers running. The first run creates the database; the others start on it.
/// </summary>
internal static class StartupBenchmark
{
    private const double TargetMilliseconds = 2000;

    public static async Task<int> RunAsync(Options options)
    {
        var host = Path.GetFullPath(options.Required("host"));
        var plugins = Path.GetFullPath(options.Required("plugins"));
        var runs = options.Int("runs", 7);
        var data = Path.Combine(Path.GetTempPath(), $"integration-bench-{Guid.NewGuid():N}");
        var modules = Directory.Exists(plugins) ? Directory.GetDirectories(plugins).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];

        var cold = 0.0;
        var warm = new List<double>();
        try
        {
            for (var run = 0; run < runs; run++)
            {
                var elapsed = await MeasureOnceAsync(host, plugins, data);
                Console.WriteLine($"run {run + 1}: {elapsed:F0} ms{(run == 0 ? " (creates the database)" : string.Empty)}");
                if (run == 0)
                {
                    cold = elapsed;
                }
                else
                {
                    warm.Add(elapsed);
                }
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        var median = Median(warm);
        Console.WriteLine($"median of {warm.Count} warm starts: {median:F0} ms (min {warm.Min():F0}, max {warm.Max():F0}); target under {TargetMilliseconds:F0} ms");
        if (options.Optional("report") is { } report)
        {
            BenchmarkReport.WriteSection(report, "startup", Section(median, warm, cold, modules, runs));
        }

        return 0;
    }

    private static async Task<double> MeasureOnceAsync(string host, string plugins, string data)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = host,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(host, "Integration.Host.dll"), "--urls", $"http://127.0.0.1:{port}" },
            Environment =
            {
                ["Integration__DataPath"] = data,
                ["Integration__PluginsPath"] = plugins,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready.");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but busy starting.
                }

                await Task.Delay(10);
            }

            throw new TimeoutException("The host was not ready within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static string Section(double median, List<double> warm, double cold, List<string?> modules, int runs) => string.Join('\n',
        $"Start-up to a ready `/health/ready`, measured {DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} on {MachineInfo.Describe()}.",
        $"Host published ReadyToRun (as `build/run.sh` runs it), SQLite, plugins: {(modules.Count == 0 ? "none" : string.Join(", ", modules))}; {runs} runs, the first on an empty data folder.",
        string.Empty,
        "| figure | measured | target |",
        "| --- | --- | --- |",
        $"| start-up, median of {warm.Count} starts on an existing database | {median:F0} ms (min {warm.Min():F0}, max {warm.Max():F0}) | under {TargetMilliseconds:F0} ms |",
        $"| start-up, first run, creating the database | {cold:F0} ms | — |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
