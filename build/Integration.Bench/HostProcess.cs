using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Integration.Bench;

/// <summary>The published host as a child process on a free loopback port, with its own data folder.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string AdminEmail = "bench-admin@bench.invalid";
    public const string AdminPassword = "bench-admin-password";

    private readonly Process process;

    private HostProcess(Process process, Uri address) => (this.process, Address) = (process, address);

    public Uri Address { get; }

    /// <summary>Starts the high-water mark again from the current resident set (Linux: <c>clear_refs</c> with 5).</summary>
    public void ResetPeakWorkingSet() => File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");

    /// <summary>
    /// The most memory the host process has held resident since it started or since <see cref="ResetPeakWorkingSet"/>
    /// (VmHWM, the kernel's high-water mark of the resident set), in bytes.
    /// </summary>
    public long PeakWorkingSet()
    {
        process.Refresh();
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? process.PeakWorkingSet64
            : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public static async Task<HostProcess> StartAsync(string host, string plugins, string data, IReadOnlyDictionary<string, string>? environment = null)
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
                ["Integration__Bootstrap__AdminEmail"] = AdminEmail,
                ["Integration__Bootstrap__AdminPassword"] = AdminPassword,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",

                // As build/run.sh runs the host (docs/deployment.md, "Memory").
                ["MALLOC_ARENA_MAX"] = "2",
            },
        };
        // BENCH_HOST_ENV="NAME=VALUE;NAME=VALUE": for diagnostics of the host alone (see README.md).
        foreach (var pair in (Environment.GetEnvironmentVariable("BENCH_HOST_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"BENCH_HOST_ENV holds '{pair}', not NAME=VALUE.");
            }

            start.Environment[parts[0]] = parts[1];
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = Environment.GetEnvironmentVariable("BENCH_HOST_LOG");
        var writer = log is null ? null : TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => writer?.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => writer?.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, address);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not ready yet.
            }

            await Task.Delay(50);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The host was not ready within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
