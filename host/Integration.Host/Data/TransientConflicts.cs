using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Data;

/// <summary>
/// Runs a unit of work that begins and commits its own transaction again when the database reports a transient
/// conflict: a deadlock or a serialization failure on PostgreSQL. (SQLite has no such conflict between instances, and
/// Microsoft.Data.Sqlite waits out a busy file itself, up to its command timeout, reporting no error as transient.)
/// </summary>
/// <remarks>
/// Several instances dispatch the same tenant's follow-ups at once by design: each claims a batch with a conditional
/// update, and two such updates over overlapping rows can take their row locks in different orders. PostgreSQL then
/// ends one of them with a deadlock error. Its work is undone with its transaction, so running it again is safe: the
/// rows the other instance claimed meanwhile no longer match the condition and are left alone.
/// </remarks>
internal static class TransientConflicts
{
    private const int Attempts = 5;

    public static Task RetryAsync(DbContext db, Func<Task> work) => RetryAsync(db, async () =>
    {
        await work();
        return true;
    });

    public static async Task<T> RetryAsync<T>(DbContext db, Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < Attempts && IsTransient(ex))
            {
                // The failed attempt's transaction was rolled back when it was disposed; forget what it tracked.
                db.ChangeTracker.Clear();
            }
        }
    }

    // EF Core wraps the provider's exception (DbUpdateException, or the execution strategy's InvalidOperationException).
    private static bool IsTransient(Exception ex) =>
        ex is DbException { IsTransient: true } || (ex.InnerException is { } inner && IsTransient(inner));
}
