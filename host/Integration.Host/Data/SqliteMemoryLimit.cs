namespace Integration.Host.Data;

/// <summary>
/// The cap on SQLite's memory in this process (<c>sqlite3_soft_heap_limit64</c>): every connection's page cache,
/// statements and temporary structures together. Near the cap SQLite reuses the least recently used pages of the caches
/// instead of allocating more, so the caches share one budget rather than each filling up to its own size.
/// </summary>
/// <remarks>
/// Under load the host keeps a pooled connection per request in progress, plus the writers', and each fills its own
/// 8 MB cache with hot pages that the others hold too: SQLite's part of the C heap was about 70 MB in the HTTP
/// benchmark, and with a cap of 32 MB the host's peak working set fell by some 50 MB at the same throughput
/// (docs/benchmarks.md, "SQLite's memory"). The cap is soft: an allocation beyond it still succeeds (a large sort in
/// memory, a transaction's dirty pages), so it never turns into an error. It belongs to the process, not to a host:
/// a second host in the same process (tests) sets the same value.
/// </remarks>
internal static class SqliteMemoryLimit
{
    /// <summary>What a bulk write adds to the cap while it runs: its connection's page cache (<see cref="DatabaseConfigurator.BulkWriteSettingsAsync"/>).</summary>
    public const long BulkWriteBytes = 64L * 1024 * 1024;

    private static readonly Lock Gate = new();
    private static long everydayBytes;
    private static int bulkWrites;

    /// <summary>Sets the cap for everyday work; 0 leaves SQLite's memory uncapped.</summary>
    public static void Set(long bytes)
    {
        lock (Gate)
        {
            everydayBytes = bytes;
            Apply();
        }
    }

    /// <summary>
    /// Raises the cap by a bulk write's cache until the returned value is disposed: an import holds its transaction's
    /// pages in its cache, and a cap it shares with the readers would make it write them out to the log and read them
    /// again. Bulk writes at once raise it once each.
    /// </summary>
    public static IDisposable AllowBulkWrite()
    {
        lock (Gate)
        {
            bulkWrites++;
            Apply();
        }

        return new BulkWrite();
    }

    private static void Apply() =>
        SQLitePCL.raw.sqlite3_soft_heap_limit64(everydayBytes == 0 ? 0 : everydayBytes + (bulkWrites * BulkWriteBytes));

    private sealed class BulkWrite : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            lock (Gate)
            {
                bulkWrites--;
                Apply();
            }
        }
    }
}
