using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Host.Health;

/// <summary>Healthy when the job storage answers and a job server has sent a heartbeat recently.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            // Hangfire stamps heartbeats with the real clock, so compare with the real clock, not the injected one.
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < HeartbeatTolerance);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} job server(s) alive.")
                : HealthCheckResult.Unhealthy("No job server is running."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", ex));
        }
    }
}
