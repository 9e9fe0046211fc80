using System.Threading.RateLimiting;
using Integration.Abstractions.Kernel;
using Integration.Host.Configuration;

namespace Integration.Host.Web;

/// <summary>
/// Bounds how many requests the host works on at once (<c>Integration:Http:MaxConcurrentRequests</c>); the others wait
/// in line, oldest first, without holding a thread. More requests at once than the host has cores only add contention:
/// each one holds a database connection with its own page cache, SQLite commits one writer at a time, and the
/// allocations of every request in progress stay alive. Health probes never wait in the line.
/// </summary>
public static class RequestConcurrency
{
    /// <summary>Registers the limiter; <see cref="UseRequestConcurrencyLimit"/> puts it in the pipeline.</summary>
    public static IServiceCollection AddRequestConcurrencyLimit(this IServiceCollection services, HttpSettings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter("requests", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = settings.MaxConcurrentRequests,
                        QueueLimit = settings.RequestQueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));

            // The line is full: the host is overloaded, so the client is asked to come back shortly.
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(TypedResults.Problem(
                        LocalizedText.Pick("Servern har för många förfrågningar just nu. Försök igen om en stund.", "The server has too many requests right now. Try again shortly."),
                        statusCode: StatusCodes.Status503ServiceUnavailable)
                    .ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <summary>Adds the limiter to the pipeline (after localisation, so that a rejection speaks the caller's language).</summary>
    public static IApplicationBuilder UseRequestConcurrencyLimit(this IApplicationBuilder app) => app.UseRateLimiter();
}
