using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The dispatcher runs a unit of work again when the database reports a transient conflict, such as PostgreSQL's
/// deadlock error when two instances claim overlapping follow-ups. The two-instance test is where a real deadlock
/// showed; these tests raise the error PostgreSQL raises, since no database deadlocks on demand. (On SQLite,
/// Microsoft.Data.Sqlite waits out a busy file itself and reports no error as transient.)
/// </summary>
public sealed class TransientConflictsTests : IAsyncLifetime
{
    // What PostgreSQL reports when it ends one of two deadlocked transactions, and for a duplicate key.
    private static PostgresException Deadlock() => new("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected);

    private static PostgresException DuplicateKey() => new("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

    private TenantDatabase database = null!;
    private IntegrationDbContext db = null!;

    public async Task InitializeAsync()
    {
        database = await TenantDatabase.StartAsync();
        db = database.Db;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_transient_conflict_runs_the_work_again_with_nothing_left_tracked_from_the_failed_attempt()
    {
        var attempts = 0;
        var trackedAtStart = new List<int>();

        var result = await TransientConflicts.RetryAsync(db, async () =>
        {
            trackedAtStart.Add(db.ChangeTracker.Entries().Count());
            attempts++;
            db.Add(new Integration.Host.Programmes.Programme { Name = $"attempt {attempts}", ProjectNumber = "2026/00001" });
            await Task.Yield();
            if (attempts < 3)
            {
                // As EF Core reports a failed save: the provider's error inside its own exception.
                throw new DbUpdateException("save failed", Deadlock());
            }

            return attempts;
        });

        Assert.Equal(3, result);
        Assert.Equal([0, 0, 0], trackedAtStart);
    }

    [Fact]
    public async Task An_error_that_is_not_transient_is_not_run_again()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<PostgresException>(() => TransientConflicts.RetryAsync<int>(db, () =>
        {
            attempts++;
            throw DuplicateKey();
        }));

        Assert.Equal(1, attempts);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task A_conflict_that_does_not_go_away_fails_after_five_attempts()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => TransientConflicts.RetryAsync<int>(db, () =>
        {
            attempts++;
            throw Deadlock();
        }));

        Assert.Equal(5, attempts);
    }
}
