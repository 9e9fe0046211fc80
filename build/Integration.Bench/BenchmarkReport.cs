namespace Integration.Bench;

/// <summary>
/// Keeps <c>docs/benchmarks.md</c> as sections between markers, so that each benchmark rewrites its own figures and
/// leaves the rest of the page alone.
/// </summary>
internal static class BenchmarkReport
{
    public static void WriteSection(string path, string name, string body)
    {
        var begin = $"<!-- bench:{name}:begin -->";
        var end = $"<!-- bench:{name}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nWritten by `build/bench.sh`.\n";
        var block = $"{begin}\n{body}\n{end}";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
        Console.WriteLine($"wrote the {name} figures to {path}");
    }
}
