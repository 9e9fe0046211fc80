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

            var latencies = new List<double>(searches);
            for (var i = 0; i < searches + warmup; i++)
            {
                var q = Uri.EscapeDataString(names[i % names.Count]);
                var watch = Stopwatch.StartNew();
                using var response = await staff.GetAsync(new Uri($"/api/participants?q={q}&pageSize=20", UriKind.Relative));
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                if (i >= warmup)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (Environment.GetEnvironmentVariable("BENCH_LATENCIES") is { } dump)
                    {
                        File.AppendAllText(dump, $"{i}\t{watch.Elapsed.TotalMilliseconds:F1}\t{names[i % names.Count]}\n");
                    }
                }
            }

            latencies.Sort();
            var p50 = latencies[latencies.Count / 2];
            var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
            Console.WriteLine($"name search: p50 {p50:F1} ms, p99 {p99:F1} ms over {searches} requests after {warmup} to warm up");

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
                    $"| name search among them, one client, {searches} requests after {warmup} to warm up: p99 | {p99:F1} ms (p50 {p50:F1} ms) | under {SearchTargetMs:F0} ms |"));
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
}
