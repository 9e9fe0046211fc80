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

    // Written with Utf8JsonWriter rather than a serialised anonymous type: the readiness probe is the first request a
    // balancer sends, and reflection-based serialisation would add its warm-up to the start-up time.
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteNumber("totalMilliseconds", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
            json.WriteStartArray("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is null)
                {
                    json.WriteNull("description");
                }
                else
                {
                    json.WriteString("description", entry.Description);
                }

                json.WriteNumber("milliseconds", Math.Round(entry.Duration.TotalMilliseconds, 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
