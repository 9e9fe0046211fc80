using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Integration.Host.Jobs;

/// <summary>
/// Two stages of a batch on the two cores: the items of a sequence are made on another thread while this one consumes
/// the previous ones (the bulk writer converts the next rows while SQLite inserts the last).
/// </summary>
internal static class Pipeline
{
    /// <summary>
    /// Enumerates <paramref name="items"/> on another thread, at most <paramref name="ahead"/> items ahead, and hands
    /// each to <paramref name="consume"/> on this one, in order. An exception on either side stops both and is thrown here.
    /// </summary>
    public static async Task RunAsync<TItem>(IEnumerable<TItem> items, Func<TItem, ValueTask> consume, CancellationToken ct, int ahead = 4)
    {
        var channel = Channel.CreateBounded<TItem>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ExceptionDispatchInfo? failure = null;
        var maker = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        await channel.Writer.WriteAsync(item, stop.Token);
                    }
                }
                catch (Exception ex)
                {
                    // Thrown on the consuming side once it has consumed what was made before, as it was thrown here
                    // (a channel completed with it would wrap it).
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    channel.Writer.Complete();
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                await consume(item);
            }
        }
        catch
        {
            // The maker would otherwise wait for ever to hand over its next item, holding on to everything it made.
            await stop.CancelAsync();
            await maker;
            throw;
        }

        await maker;
        failure?.Throw();
    }
}
