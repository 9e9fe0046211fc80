namespace Integration.Host.Data;

/// <summary>Checkpoints the SQLite write-ahead log every few seconds (<see cref="DatabaseConfigurator.CheckpointAsync"/>).</summary>
internal sealed class SqliteCheckpointer(DatabaseConfigurator database, ILogger<SqliteCheckpointer> logger, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the injected clock: this is housekeeping of the database file.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await database.CheckpointAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "WAL checkpoint failed at {Time}; retrying at the next tick", clock.GetUtcNow());
            }
        }
    }
}
