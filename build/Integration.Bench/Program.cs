using Integration.Bench;

return args switch
{
    ["startup", .. var rest] => await StartupBenchmark.RunAsync(Options.Parse(rest)),
    ["records", .. var rest] => await RecordsBenchmark.RunAsync(Options.Parse(rest)),
    ["followups", .. var rest] => await FollowUpsBenchmark.RunAsync(Options.Parse(rest)),
    ["http", .. var rest] => await HttpBenchmark.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Integration.Bench startup --host <published host folder> --plugins <plugins folder> [--runs 7] [--report docs/benchmarks.md]");
    Console.Error.WriteLine("       Integration.Bench records --host <published host folder> --plugins <plugins folder> [--rows 100000] [--searches 1000] [--warmup 300] [--settle 5] [--seed N] [--report docs/benchmarks.md]");
    Console.Error.WriteLine("       Integration.Bench followups --host <published host folder> --plugins <plugins folder> [--participants 100000] [--rows 1000000] [--due 10000] [--seed N] [--report docs/benchmarks.md]");
    Console.Error.WriteLine("       Integration.Bench http --host <published host folder> --plugins <plugins folder> [--participants 100000] [--rows 1000000] [--due 10000] [--workers 20] [--connections 50] [--duration 30] [--warmup 15] [--seed N] [--report docs/benchmarks.md]");
    return 64;
}
