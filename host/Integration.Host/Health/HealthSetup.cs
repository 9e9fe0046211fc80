using System.Text.Json;
using Integration.Host.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Host.Health;

/// <summary><c>/health</c> (live: the process and its modules) and <c>/health/ready</c> (database, jobs, modules).</summary>
internal static class HealthSetup
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static void AddIntegrationHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ModulesHealthCheck>("modules", tags: [Live, Ready])
            .AddDbContextCheck<IntegrationDbContext>("database", tags: [Ready])
            .AddCheck<HangfireHealthCheck>("jobs", tags: [Ready]);
    }

    public static void MapIntegrationHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                milliseconds = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
