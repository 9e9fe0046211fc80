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

    // At most what a batch holds off collections for: an import of 100 000 rows allocates about 500 MB.
    private const long HoldBudgetBytes = 640L * 1024 * 1024;

    // Below this a hold saves too little to be worth its collection at the start.
    private const long SmallestHoldBytes = 64L * 1024 * 1024;

    public static void Release() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// Holds off collections while a batch runs that keeps nearly all it allocates until it ends (an import keeps every
    /// row, participant and name row until its transaction commits): each collection then copies all of it again, and
    /// an import of 100 000 rows paused the process nine times for 0.3–0.5 s in all. The budget is at most an eighth of
    /// the memory the process may use; a batch that allocates more gets its collections as usual from there on, and so
    /// does a batch that starts while another holds them off. <see cref="Release"/> after the batch frees it all.
    /// </summary>
    public static IDisposable HoldCollections()
    {
        // Another batch holds collections off already: this one runs with them (asking again would end that hold).
        if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
        {
            return new Hold(false);
        }

        // The largest budget the collector takes: its limit depends on its mode and the machine.
        for (var budget = Math.Min(HoldBudgetBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8); budget >= SmallestHoldBytes; budget /= 2)
        {
            try
            {
                return new Hold(GC.TryStartNoGCRegion(budget));
            }
            catch (ArgumentOutOfRangeException)
            {
                // More than this collector can set aside at once: try half.
            }
            catch (InvalidOperationException)
            {
                // Another batch started a hold just now.
                break;
            }
        }

        return new Hold(false);
    }

    private sealed class Hold(bool holding) : IDisposable
    {
        public void Dispose()
        {
            // The region has ended by itself when the batch allocated more than its budget.
            if (!holding || System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion)
            {
                return;
            }

            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // A collection was asked for meanwhile (another batch's Release): the region is over all the same.
            }
        }
    }
}
