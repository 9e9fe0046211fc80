using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Integration.Bench;

/// <summary>
/// HTTP figures under load: a signed-in case worker's name searches and worklist pages, at 50 connections for 30 s
/// each, from wrk in its own process, over the full data set (participants imported through the API, their enrolments,
/// outcomes and follow-ups written into the file, the due ones made due by the dispatcher). The same requests then go
/// to <see cref="BareHost"/>, hand-written SQL behind a bare endpoint, for the ratio; and the host's peak working set
/// over the whole run is read from the kernel.
/// </summary>
internal static class HttpBenchmark
{
    private const double P99TargetMs = 25;
    private const double RatioTarget = 0.4;
    private const double MemoryTargetMb = 300;

    public static async Task<int> RunAsync(Options options)
    {
        var participants = options.Int("participants", 100_000);
        var rows = options.Int("rows", 1_000_000);
        var due = options.Int("due", 10_000);
        var workers = options.Int("workers", 20);
        var connections = options.Int("connections", 50);
        var seconds = options.Int("duration", 30);
        var warmup = options.Int("warmup", 15);
        var seed = options.Int("seed", 20261124);
        var host = Path.GetFullPath(options.Required("host"));
        var plugins = Path.GetFullPath(options.Required("plugins"));
        var data = Path.Combine(Path.GetTempPath(), $"integration-bench-{Guid.NewGuid():N}");
        var database = Path.Combine(data, "integration.db");
        // The dispatcher runs once, on request, so that the worklist holds the same follow-ups throughout the runs.
        var environment = new Dictionary<string, string> { ["Integration__FollowUps__DispatchCron"] = "off" };
        try
        {
            BenchTenant setup;
            IReadOnlyList<string> names;
            await using (var first = await HostProcess.StartAsync(host, plugins, data, environment))
            {
                setup = await BenchTenant.CreateAsync(first.Address, Math.Max(1, workers));
                names = await ImportAsync(first.Address, setup, participants, seed);
            }

            var today = DateOnly.FromDateTime(DateTime.Now);
            var clock = Stopwatch.StartNew();
            var counts = FollowUpData.Write(database, setup.Id, setup.Programme,
                new FollowUpData.Shape(participants, rows, due, setup.Workers, DueSpreadDays: 20, ExistingParticipants: true), seed, today);
            Console.WriteLine($"wrote {counts.Enrolments} enrolments, {counts.Outcomes} outcomes, {counts.FollowUps} follow-ups ({counts.DueToday} to come due) in {clock.Elapsed.TotalSeconds:F1} s");

            var searches = names.Select(n => $"/api/participants?q={Uri.EscapeDataString(n)}&pageSize=20").ToList();
            var worklist = Enumerable.Range(1, 5).Select(page => $"/api/follow-ups/worklist?page={page}&pageSize=20").ToList();
            var results = new List<LoadResult>();
            long peak;
            Dictionary<string, string> answers;
            await using (var second = await HostProcess.StartAsync(host, plugins, data, environment))
            {
                var system = await Api.SignInAsync(second.Address, HostProcess.AdminEmail, HostProcess.AdminPassword);
                var report = await Api.Json(await system.PostAsync(new Uri("/api/follow-ups/dispatch", UriKind.Relative), null));
                Console.WriteLine($"dispatcher: {report.GetProperty("madeDue").GetInt32()} made due, {report.GetProperty("overdue").GetInt32()} overdue");
                // The memory figure is the HTTP run's: the dispatcher's peak (10 000 follow-ups and their notifications in
                // one request) is its own and is left out.
                var dispatcherPeak = second.PeakWorkingSet();
                Console.WriteLine($"host peak working set after the dispatcher: {dispatcherPeak / 1024.0 / 1024:F0} MB");
                second.ResetPeakWorkingSet();
                var worker = await Api.SignInAsync(second.Address, BenchTenant.WorkerEmail(0), HostProcess.AdminPassword);
                var token = worker.DefaultRequestHeaders.Authorization!.Parameter!;

                await Wrk.RunAsync("warm-up", second.Address, [.. searches, .. worklist], token, connections, warmup);
                results.Add(await Run("host: name search", second.Address, searches, token, connections, seconds));
                results.Add(await Run("host: worklist", second.Address, worklist, token, connections, seconds));
                peak = second.PeakWorkingSet();
                answers = await AnswersAsync(worker, [.. searches.Take(5), .. worklist]);
            }

            // The host was killed with its write-ahead log in place (hundreds of MB after a run under load); the bare
            // server starts, as the host did, from a file with its log copied in.
            FollowUpData.CheckpointWal(database);
            await using (var bare = await BareHost.StartAsync(database, setup.Id, setup.Workers[0]))
            {
                using var client = new HttpClient { BaseAddress = bare.Address };
                await CheckSameRowsAsync(client, answers);
                var bareSearches = searches.Select(Bare).ToList();
                var bareWorklist = worklist.Select(Bare).ToList();
                await Wrk.RunAsync("warm-up", bare.Address, [.. bareSearches, .. bareWorklist], null, connections, warmup);
                results.Add(await Run("bare: name search", bare.Address, bareSearches, null, connections, seconds));
                results.Add(await Run("bare: worklist", bare.Address, bareWorklist, null, connections, seconds));
            }

            Console.WriteLine($"host peak working set: {peak / 1024.0 / 1024:F0} MB");
            if (options.Optional("report") is { } path)
            {
                BenchmarkReport.WriteSection(path, "http", Report(results, peak, counts, participants, seed, connections, seconds));
            }

            var failed = results.Where(r => r.Errors > 0).ToList();
            foreach (var run in failed)
            {
                Console.Error.WriteLine($"{run.Name}: {run.Errors} failed requests");
            }

            return failed.Count == 0 ? 0 : 1;
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

    /// <summary>The host's path turned into the bare server's: <c>/api/participants?…</c> to <c>/bare/participants?…</c>.</summary>
    private static string Bare(string path) => path
        .Replace("/api/participants", "/bare/participants", StringComparison.Ordinal)
        .Replace("/api/follow-ups/worklist", "/bare/worklist", StringComparison.Ordinal);

    private static async Task<LoadResult> Run(string name, Uri address, IReadOnlyList<string> paths, string? token, int connections, int seconds)
    {
        var result = await Wrk.RunAsync(name, address, paths, token, connections, seconds);
        Console.WriteLine($"{name}: {result.RequestsPerSecond:F0} requests/s, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {result.Errors} errors ({result.Requests} requests)");
        return result;
    }

    /// <summary>
    /// Imports the generated participants through the API and returns the searches to send: a given name and the start
    /// of a family name, as a case worker looking for one person types them.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ImportAsync(Uri address, BenchTenant setup, int participants, int seed)
    {
        var worker = await Api.SignInAsync(address, BenchTenant.WorkerEmail(0), HostProcess.AdminPassword);
        var file = ParticipantFile.Create(participants, seed, out var samples);
        var import = await BenchTenant.ImportAsync(worker, file);
        var imported = import.GetProperty("importedRows").GetInt32();
        Console.WriteLine($"imported {imported} participants for tenant {setup.Id}");
        if (imported != participants)
        {
            throw new InvalidOperationException($"The import took {imported} of {participants} rows: {import}");
        }

        var names = samples.Where(s => s.Contains(' ', StringComparison.Ordinal)).ToList();
        return names.Count > 0 ? names : samples;
    }

    private static async Task<Dictionary<string, string>> AnswersAsync(HttpClient client, IEnumerable<string> paths)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            answers[path] = Rows(await Api.Json(await client.GetAsync(new Uri(path, UriKind.Relative))));
        }

        return answers;
    }

    /// <summary>The comparison is only fair if the bare server returns what the host returns: the same ids in the same order, the same total.</summary>
    private static async Task CheckSameRowsAsync(HttpClient bare, Dictionary<string, string> answers)
    {
        foreach (var (path, expected) in answers)
        {
            var actual = Rows(await Api.Json(await bare.GetAsync(new Uri(Bare(path), UriKind.Relative))));
            if (actual != expected)
            {
                throw new InvalidOperationException($"The bare server answers {path} differently.\nhost: {expected}\nbare: {actual}");
            }
        }

        Console.WriteLine($"bare server: the same rows as the host for {answers.Count} requests");
    }

    private static string Rows(JsonElement page) =>
        $"total {page.GetProperty("total").GetInt32()}: " + string.Join(',', page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid().ToString("N")[..8]));

    private static string Report(List<LoadResult> results, long peak, FollowUpData.Counts counts, int participants, int seed, int connections, int seconds)
    {
        var lines = new List<string>
        {
            $"Measured {DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} on {MachineInfo.Describe()}; host published ReadyToRun, SQLite; wrk {connections} connections for {seconds} s per run, on the same machine.",
            $"Data (seed {seed}): {participants} participants imported through the API, {counts.Enrolments} enrolments, {counts.Outcomes} outcomes, {counts.FollowUps} follow-ups ({counts.DueToday} made due by the dispatcher, spread over the case workers).",
            string.Empty,
            "| figure | measured | target |",
            "| --- | --- | --- |",
        };
        foreach (var run in results)
        {
            var target = run.Name.StartsWith("host", StringComparison.Ordinal) ? $"p99 under {P99TargetMs:F0} ms, no errors" : "—";
            lines.Add($"| {run.Name} | {run.RequestsPerSecond:F0} requests/s, p50 {run.P50Ms:F1} ms, p99 {run.P99Ms:F1} ms, {run.Errors} errors | {target} |");
        }

        foreach (var what in new[] { "name search", "worklist" })
        {
            var host = results.Single(r => r.Name == $"host: {what}");
            var bare = results.Single(r => r.Name == $"bare: {what}");
            lines.Add($"| {what}: host to bare requests/s | {host.RequestsPerSecond / bare.RequestsPerSecond:F2} | at least {RatioTarget} |");
        }

        lines.Add($"| host peak working set (VmHWM) over the warm-up and the HTTP runs | {peak / 1024.0 / 1024:F0} MB | under {MemoryTargetMb:F0} MB |");
        return string.Join('\n', lines);
    }
}
