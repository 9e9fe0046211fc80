using System.Runtime;
using Integration.Host.Jobs;

namespace Integration.Host.Tests.Jobs;

/// <summary>The process's collector is shared: these tests run alone, not beside imports of other tests.</summary>
[CollectionDefinition(nameof(ProcessCollector), DisableParallelization = true)]
public sealed class ProcessCollector;

/// <summary>
/// An import holds off the collector while it runs (<see cref="BatchMemory.HoldCollections"/>). Two imports at once,
/// or one that allocates more than its budget, must neither fail nor leave the process without collections.
/// </summary>
[Collection(nameof(ProcessCollector))]
public sealed class BatchMemoryTests
{
    [Fact]
    public void A_hold_while_another_holds_falls_back_and_collections_return_once_both_end()
    {
        using (BatchMemory.HoldCollections())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            using (BatchMemory.HoldCollections())
            {
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }

            // The second hold did not end the first one's.
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_hold_during_which_another_batch_releases_its_memory_ends_cleanly()
    {
        var hold = BatchMemory.HoldCollections();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        // A dispatcher run that changed thousands of follow-ups finishes during an import.
        BatchMemory.Release();
        hold.Dispose();

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_batch_that_allocates_past_its_budget_gets_collections_again_and_ends_its_hold_cleanly()
    {
        var collections = GC.CollectionCount(0);
        using (BatchMemory.HoldCollections())
        {
            // More than the largest budget, in arrays that are garbage at once.
            for (var i = 0; i < 800; i++)
            {
                GC.KeepAlive(new byte[1024 * 1024]);
            }
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > collections);
    }
}
