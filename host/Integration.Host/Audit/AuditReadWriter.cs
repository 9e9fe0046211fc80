using System.Threading.Channels;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Audit;

/// <summary>
/// Writes the audit entries of reads for every request of the process to the read log (<see cref="AuditReadsDbContext"/>)
/// through one connection, many requests' entries in one transaction (group commit). A request still gets its answer
/// only after its entries are committed, so no read is ever handed out without its entry.
/// </summary>
/// <remarks>
/// Why: every list read of personal data writes entries, so under load nearly every request is a write. SQLite has
/// one writer at a time, and Microsoft.Data.Sqlite waits for the lock by blocking the thread (its async methods run
/// synchronously). Fifty requests each beginning their own transaction tied up the thread pool until requests
/// stalled for seconds; one writer that takes whatever has queued up while the previous commit ran turns them into a
/// few commits a moment, and on PostgreSQL it saves a round trip and a commit per request as well.
/// </remarks>
public sealed class AuditReadWriter(IDbContextFactory<AuditReadsDbContext> contexts, ILogger<AuditReadWriter> logger) : IAsyncDisposable
{
    /// <summary>At most this many entries per transaction, so that one commit stays short.</summary>
    private const int MaxEntriesPerCommit = 5000;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock start = new();
    private Task? loop;
    private BulkInsert<AuditEntry>? insert;
    private AuditReadsDbContext? writer;
    private int pendingWrites;

    /// <summary>How many requests handed entries over that are neither committed nor failed yet.</summary>
    public int PendingWrites => Volatile.Read(ref pendingWrites);

    /// <summary>Writes the entries (their tenant set) and completes once they are committed.</summary>
    public Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new Pending(entries);
        Interlocked.Increment(ref pendingWrites);
        if (!queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref pendingWrites);
            throw new InvalidOperationException("The host is stopping: the audit writer takes no more entries.");
        }

        lock (start)
        {
            if (loop is null)
            {
                // The loop outlives the request that starts it: it must not carry that request's HttpContext (an
                // AsyncLocal) or its trace into every later commit.
                using (ExecutionContext.SuppressFlow())
                {
                    loop = Task.Run(RunAsync, CancellationToken.None);
                }
            }
        }

        // A request that is cancelled stops waiting; its entries are written all the same (an entry for a read that
        // was not delivered is harmless, a missing one is not).
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var entries = new List<AuditEntry>();
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            entries.Clear();
            while (entries.Count < MaxEntriesPerCommit && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries.AddRange(pending.Entries);
            }

            try
            {
                await CommitAsync(entries);
                foreach (var pending in batch)
                {
                    Interlocked.Decrement(ref pendingWrites);
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Writing {Count} audit entries of reads failed; the {Requests} requests that read the data fail with it", entries.Count, batch.Count);
                foreach (var pending in batch)
                {
                    Interlocked.Decrement(ref pendingWrites);
                    pending.Committed.TrySetException(ex);
                }

                // The next commit starts on a new connection (this one may be broken).
                await ReleaseWriterAsync();
            }
        }

        await ReleaseWriterAsync();
    }

    private async Task CommitAsync(List<AuditEntry> entries)
    {
        // The loop keeps its context and open connection between commits: a context and a connection from the pool for
        // every commit cost more than the commit of a few entries.
        if (writer is null)
        {
            writer = await contexts.CreateDbContextAsync();
            await writer.Database.OpenConnectionAsync();
        }

        await using var transaction = await writer.Database.BeginTransactionAsync();
        insert ??= new BulkInsert<AuditEntry>(writer, BulkInsert<AuditEntry>.StreamRowsPerStatement);
        await insert.InsertAsync(writer, entries, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task ReleaseWriterAsync()
    {
        if (writer is { } context)
        {
            writer = null;
            try
            {
                await context.DisposeAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or System.Data.Common.DbException)
            {
                // The host is stopping and took the container, or the connection broke: nothing is left to release.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop is { } running)
        {
            await running;
        }
    }

    private sealed class Pending(IReadOnlyList<AuditEntry> entries)
    {
        public IReadOnlyList<AuditEntry> Entries { get; } = entries;

        // Completed on the writer's loop: the waiting request continues elsewhere, never on the loop.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
