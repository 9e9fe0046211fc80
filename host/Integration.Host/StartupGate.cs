namespace Integration.Host;

/// <summary>
/// Start-up runs the database initialisation (migrations of the host and every module) while the web server and the job
/// server start, to be ready sooner. Until initialisation is done, requests wait here (liveness answers at once,
/// readiness says 503) and module jobs wait before they run.
/// </summary>
public sealed class StartupGate
{
    private static readonly TimeSpan RequestWait = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public Task WhenReady => ready.Task;

    public void MarkReady() => ready.TrySetResult();

    public void MarkFailed(Exception error) => ready.TrySetException(error);

    /// <summary>Lets requests through once the database is initialised; see the class remarks.</summary>
    internal sealed class Middleware(RequestDelegate next, StartupGate gate)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            if (!gate.IsReady && !context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
            {
                if (context.Request.Path.StartsWithSegments("/health/ready"))
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync("""{"status":"Starting"}""");
                    return;
                }

                try
                {
                    await gate.WhenReady.WaitAsync(RequestWait, context.RequestAborted);
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or Configuration.ConfigurationException or Modules.PluginLoadException)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "5";
                    return;
                }
            }

            await next(context);
        }
    }
}
