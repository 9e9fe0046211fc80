using System.Diagnostics;
using System.Globalization;

namespace Integration.Bench;

/// <summary>
/// Imports a generated CSV of participants through the API (validated, deduplicated, audited) and times it, then times
/// name searches among them from one client.
/// </summary>
internal static class RecordsBenchmark
{
    private const double ImportTargetSeconds = 3;
    private const double SearchTargetMs = 10;

    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Int("rows", 100_000);
        var searches = options.Int("searches", 1000);
        // Enough searches before measuring for tiered compilation to have compiled the search path's hot methods
        // again with full optimisation (30 calls each, then a queue served by one background thread).
        var warmup = options.Int("warmup", 300);
        var seed = options.Int("seed", 20261124);
        var data = Path.Combine(Path.GetTempPath(), $"integration-bench-{Guid.NewGuid():N}");
        try
        {
            await using var host = await HostProcess.StartAsync(Path.GetFullPath(options.Required("host")), Path.GetFullPath(options.Required("plugins")), data);
            await BenchTenant.CreateAsync(host.Address, caseWorkers: 1);
            var staff = await Api.SignInAsync(host.Address, BenchTenant.WorkerEmail(0), HostProcess.AdminPassword);

            var file = ParticipantFile.Create(rows, seed, out var names);
            Console.WriteLine($"importing {rows} rows ({file.Length / 1024 / 1024.0:F1} MB)...");
            var clock = Stopwatch.StartNew();
            var import = await BenchTenant.ImportAsync(staff, file);

            var wall = clock.Elapsed.TotalSeconds;
            var job = (import.GetProperty("finishedAt").GetDateTime() - import.GetProperty("startedAt").GetDateTime()).TotalSeconds;
            Console.WriteLine($"import: {import.GetProperty("status").GetString()}, {import.GetProperty("importedRows").GetInt32()} imported, {import.GetProperty("rejectedRows").GetInt32()} rejected; job {job:F2} s, upload to done {wall:F2} s");

            // Right after the import the host is still copying the import's write-ahead log (hundreds of megabytes)
            // into the database file in the background, for a second or two. The target is the settled figure: the
            // searches after a pause longer than that; the figure right after the import is reported beside it.
            var afterImport = await SearchAsync(staff, names, 0, warmup, searches);
            Console.WriteLine($"name search right after the import: {afterImport}");
            var settle = options.Int("settle", 5);
            await Task.Delay(TimeSpan.FromSeconds(settle));
            var settled = await SearchAsync(staff, names, warmup + searches, 0, searches);
            Console.WriteLine($"name search {settle} s later: {settled}");

            if (options.Optional("report") is { } report)
            {
                BenchmarkReport.WriteSection(report, "records", string.Join('\n',
                    $"Measured {DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} on {MachineInfo.Describe()}; host published ReadyToRun, SQLite; through the HTTP API.",
                    $"Data: {rows} generated participants (seed {seed}), about two in three with a personnummer or samordningsnummer.",
                    string.Empty,
                    "| figure | measured | target |",
                    "| --- | --- | --- |",
                    $"| CSV import of {rows} participants: parse, validate, deduplicate, insert with name index and audit entries (job time) | {job:F2} s | under {ImportTargetSeconds:F0} s |",
                    $"| the same, from upload to a finished status seen by the client | {wall:F2} s | — |",
                    $"| name search among them, one client, {searches} requests starting {settle} s after the import finished: p99 | {settled.P99:F1} ms (p50 {settled.P50:F1} ms) | under {SearchTargetMs:F0} ms |",
                    $"| the same right after the import finished, while the host copies the import's write-ahead log into the database file ({warmup} requests to warm up first): p99 | {afterImport.P99:F1} ms (p50 {afterImport.P50:F1} ms) | — |"));
            }

            return 0;
        }
        finally
        {
            if (options.Optional("keep-data") is not null)
            {
                Console.WriteLine($"data kept in {data}");
            }
            else if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="warmup"/> unmeasured searches, then <paramref name="count"/> measured ones, one at a time,
    /// for the names from position <paramref name="first"/> on.
    /// </summary>
    private static async Task<Latencies> SearchAsync(HttpClient staff, IReadOnlyList<string> names, int first, int warmup, int count)
    {
        var latencies = new List<double>(count);
        for (var i = first; i < first + warmup + count; i++)
        {
            var name = names[i % names.Count];
            var watch = Stopwatch.StartNew();
            using var response = await staff.GetAsync(new Uri($"/api/participants?q={Uri.EscapeDataString(name)}&pageSize=20", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (i >= first + warmup)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (Environment.GetEnvironmentVariable("BENCH_LATENCIES") is { } dump)
                {
                    File.AppendAllText(dump, $"{i}\t{watch.Elapsed.TotalMilliseconds:F1}\t{name}\n");
                }
            }
        }

        latencies.Sort();
        return new Latencies(latencies[latencies.Count / 2], latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]);
    }

    private sealed record Latencies(double P50, double P99)
    {
        public override string ToString() => $"p50 {P50:F1} ms, p99 {P99:F1} ms";
    }
}
