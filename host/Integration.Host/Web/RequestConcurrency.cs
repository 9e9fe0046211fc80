using System.Threading.RateLimiting;
using Integration.Abstractions.Kernel;
using Integration.Host.Configuration;

namespace Integration.Host.Web;

/// <summary>
/// Bounds how many requests the host works on at once (<c>Integration:Http:MaxConcurrentRequests</c>); the others wait
/// in line, oldest first, without holding a thread. More requests at once than the host has cores only add contention:
/// each one holds a database connection with its own page cache, SQLite commits one writer at a time, and the
/// allocations of every request in progress stay alive. Health probes never wait in the line. A request that has done
/// its work on the database and only waits for its audit entries to be committed gives its place to the next one early
/// (<see cref="RequestPlace"/>).
/// </summary>
/// <remarks>
/// Not ASP.NET Core's rate-limiting middleware: it holds a request's permit until the response is written, with no way
/// to hand it on sooner.
/// </remarks>
public static class RequestConcurrency
{
    /// <summary>Registers the limiter; <see cref="UseRequestConcurrencyLimit"/> puts it in the pipeline.</summary>
    public static IServiceCollection AddRequestConcurrencyLimit(this IServiceCollection services, HttpSettings settings)
    {
        services.AddSingleton(_ => new RequestLine(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrentRequests,
            QueueLimit = settings.RequestQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })));
        return services;
    }

    /// <summary>Adds the limiter to the pipeline (after localisation, so that a rejection speaks the caller's language).</summary>
    public static IApplicationBuilder UseRequestConcurrencyLimit(this IApplicationBuilder app)
    {
        var line = app.ApplicationServices.GetRequiredService<RequestLine>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            RateLimitLease lease;
            try
            {
                lease = await line.Limiter.AcquireAsync(1, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away while waiting in line: nobody is left to answer.
                return;
            }

            if (!lease.IsAcquired)
            {
                // The line is full: the host is overloaded, so the client is asked to come back shortly.
                lease.Dispose();
                context.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(
                        LocalizedText.Pick("Servern har för många förfrågningar just nu. Försök igen om en stund.", "The server has too many requests right now. Try again shortly."),
                        statusCode: StatusCodes.Status503ServiceUnavailable)
                    .ExecuteAsync(context);
                return;
            }

            var place = new RequestPlace(lease);
            context.Features.Set(place);
            try
            {
                await next(context);
            }
            finally
            {
                place.GiveUp();
            }
        });
    }

    private sealed class RequestLine(ConcurrencyLimiter limiter) : IDisposable
    {
        public ConcurrencyLimiter Limiter { get; } = limiter;

        public void Dispose() => Limiter.Dispose();
    }
}

/// <summary>
/// A request's place among those the host works on at once. A request that has finished its work on the database and
/// only waits (for the group commit of its audit entries) gives it up early, so that the next request in line can start.
/// </summary>
public sealed class RequestPlace(RateLimitLease lease)
{
    private RateLimitLease? held = lease;

    /// <summary>Gives the place to the next request in line; later calls do nothing.</summary>
    public void GiveUp() => Interlocked.Exchange(ref held, null)?.Dispose();
}
