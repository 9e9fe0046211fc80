namespace Integration.Host.Jobs;

/// <summary>
/// Gives memory back to the operating system after a large batch: an import, or a dispatcher run that changed
/// thousands of follow-ups.
/// </summary>
/// <remarks>
/// Such a batch grows the managed heap to many times what the host holds between requests, and the server GC keeps
/// what it has grown to for the next burst: after an import of 100 000 participants the host stayed 50–100 MB larger
/// for as long as it ran, and the HTTP benchmark's host, which first makes 10 000 follow-ups due, peaked 30 MB higher.
/// A municipality's host on a small virtual machine or in a container with a memory limit pays for that all day. An
/// aggressive collection (compacting, releasing the free memory) costs a pause of tens of milliseconds, once, after a
/// batch that took seconds; everyday dispatcher runs that change a handful of rows do not take it.
/// </remarks>
internal static class BatchMemory
{
    /// <summary>Rows a batch changes before it is worth a collection afterwards.</summary>
    public const int LargeBatchRows = 1_000;

    public static void Release() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
