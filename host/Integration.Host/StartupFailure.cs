using Integration.Host.Configuration;
using Integration.Host.Modules;

namespace Integration.Host;

/// <summary>
/// Turns a start-up failure the operator can fix into one log line and an exit code, instead of a stack trace.
/// Exit codes: 2 configuration error, 3 plugin load error.
/// </summary>
internal static class StartupFailure
{
    public const int ConfigurationError = 2;
    public const int PluginLoadError = 3;

    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (ConfigurationException ex)
        {
            Log(ex.Message);
            return ConfigurationError;
        }
        catch (PluginLoadException ex)
        {
            Log(ex.Message);
            return PluginLoadError;
        }
    }

    private static void Log(string message)
    {
        using var loggers = LoggerFactory.Create(logging => logging
            .AddConfiguration(new ConfigurationBuilder()
                .SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build()
                .GetSection("Logging"))
            .AddConsole());
        loggers.CreateLogger("Integration.Host").LogCritical("Start-up stopped. {Reason}", message);
    }
}
