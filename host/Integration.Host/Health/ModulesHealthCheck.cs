using Integration.Host.Modules;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Host.Health;

/// <summary>Degraded while any plugin has failed (possible only with <c>OnLoadError=Skip</c>).</summary>
internal sealed class ModulesHealthCheck(ModuleCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["loaded"] = catalog.Available.Select(m => m.Id).ToArray() };
        var failed = catalog.Failed;
        if (failed.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{catalog.Available.Count} module(s) loaded.", data));
        }

        data["failed"] = failed.Select(f => f.ModuleId ?? f.Name).ToArray();
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{failed.Count} plugin(s) failed: " + string.Join("; ", failed.Select(f => $"{Path.GetFileName(f.PluginFile)}: {f.Reason}")),
            data: data));
    }
}
