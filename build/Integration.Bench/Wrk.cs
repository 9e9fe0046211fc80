using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Integration.Bench;

/// <summary>What one load run measured: requests, latency percentiles and every kind of failure wrk counts.</summary>
internal sealed record LoadResult(string Name, long Requests, double Seconds, double P50Ms, double P99Ms, long SocketErrors, long Timeouts, long FailedResponses)
{
    public double RequestsPerSecond => Requests / Seconds;

    public long Errors => SocketErrors + Timeouts + FailedResponses;
}

/// <summary>
/// The HTTP load generator: Debian's <c>wrk</c>, run as a separate process on loopback with a Lua script that walks
/// through a list of paths (each thread from its own offset) and prints its summary in a line this class reads.
/// </summary>
internal static class Wrk
{
    public static async Task<LoadResult> RunAsync(string name, Uri address, IReadOnlyList<string> paths, string? bearerToken, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"integration-bench-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(paths));
        try
        {
            var start = new ProcessStartInfo("wrk")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--threads", Math.Min(Environment.ProcessorCount, connections).ToString(CultureInfo.InvariantCulture),
                    "--connections", connections.ToString(CultureInfo.InvariantCulture),
                    "--duration", $"{seconds}s",
                    "--timeout", "10s",
                    "--script", script,
                },
            };
            if (bearerToken is not null)
            {
                start.ArgumentList.Add("--header");
                start.ArgumentList.Add($"Authorization: Bearer {bearerToken}");
            }

            start.ArgumentList.Add(address.ToString());
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("wrk is not installed: build/bench.sh installs the Debian package wrk, or run apt-get install wrk.", ex);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                var summary = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal));
                if (process.ExitCode != 0 || summary is null)
                {
                    throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await output}{await error}");
                }

                var values = summary[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(pair => pair.Split('=', 2))
                    .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
                return new LoadResult(
                    name,
                    values["requests"],
                    values["duration_us"] / 1e6,
                    values["p50_us"] / 1000.0,
                    values["p99_us"] / 1000.0,
                    values["connect"] + values["read"] + values["write"],
                    values["timeout"],
                    values["status"]);
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>
    /// Each wrk thread has its own Lua state: <c>setup</c> gives each a different starting point in the list, so that
    /// the threads do not ask for the same path at the same moment. Non-2xx/3xx answers count as status errors.
    /// </summary>
    private static string Script(IReadOnlyList<string> paths)
    {
        var text = new StringBuilder();
        text.AppendLine("local paths = {");
        foreach (var path in paths)
        {
            text.Append("  \"").Append(path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).AppendLine("\",");
        }

        text.AppendLine("""
            }
            local threads = 0
            function setup(thread)
              thread:set("offset", threads * 7919)
              threads = threads + 1
            end
            local n = 0
            function request()
              n = n + 1
              return wrk.format("GET", paths[((offset or 0) + n) % #paths + 1])
            end
            function done(summary, latency, requests)
              io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
            end
            """);
        return text.ToString();
    }
}
