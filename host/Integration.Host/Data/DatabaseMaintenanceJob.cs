using Hangfire;

namespace Integration.Host.Data;

/// <summary>Nightly upkeep of the database: fresh planner statistics (see <see cref="DatabaseConfigurator.OptimizeAsync"/>).</summary>
public sealed class DatabaseMaintenanceJob(IntegrationDbContext db, DatabaseConfigurator database)
{
    /// <summary>The stable id of the recurring job.</summary>
    public const string RecurringId = "core:optimize-database";

    [JobDisplayName("core:optimize-database")]
    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) => database.OptimizeAsync(db, cancellationToken);
}
