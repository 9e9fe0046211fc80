using Integration.Host.Jobs;

namespace Integration.Host.Tests.Jobs;

/// <summary>The two-stage pipeline behind the bulk writer: order, and failures on either side.</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task Items_are_consumed_in_order_on_the_calling_side()
    {
        var consumed = new List<int>();

        await Pipeline.RunAsync(Enumerable.Range(0, 1000), item =>
        {
            consumed.Add(item);
            return ValueTask.CompletedTask;
        }, CancellationToken.None, ahead: 2);

        Assert.Equal(Enumerable.Range(0, 1000), consumed);
    }

    [Fact]
    public async Task A_failure_while_making_is_thrown_as_it_was_after_the_items_made_before_it()
    {
        var consumed = new List<int>();

        var error = await Assert.ThrowsAsync<FormatException>(() => Pipeline.RunAsync(Made(), item =>
        {
            consumed.Add(item);
            return ValueTask.CompletedTask;
        }, CancellationToken.None));

        Assert.Equal("row 3", error.Message);
        Assert.Equal([0, 1, 2], consumed);

        static IEnumerable<int> Made()
        {
            for (var i = 0; i < 3; i++)
            {
                yield return i;
            }

            throw new FormatException("row 3");
        }
    }

    [Fact]
    public async Task A_failure_while_consuming_stops_the_making()
    {
        var made = 0;
        var items = Enumerable.Range(0, 1_000_000).Select(i =>
        {
            Interlocked.Increment(ref made);
            return i;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline.RunAsync(items, item =>
            item == 10 ? throw new InvalidOperationException("stop") : ValueTask.CompletedTask, CancellationToken.None, ahead: 2));

        // The maker stopped a few items ahead of the failure, not at the end of the sequence.
        Assert.InRange(Volatile.Read(ref made), 11, 20);
    }
}
