using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Integration.Host.Jobs;

/// <summary>
/// Hangfire's log provider is one static for the whole process, and Hangfire.AspNetCore binds it to the logger factory
/// of whichever host configured it last. When that host stops, every other Hangfire component in the process would log
/// through a disposed factory and throw (several hosts run in one test process). This provider follows the factory of the
/// host that is running and drops messages while there is none.
/// </summary>
internal sealed class HangfireLogProvider : ILogProvider
{
    public static readonly HangfireLogProvider Instance = new();

    private ILoggerFactory? factory;

    /// <summary>Makes <paramref name="loggerFactory"/> the target until <see cref="Release"/> is called with it.</summary>
    public void Use(ILoggerFactory loggerFactory) => Volatile.Write(ref factory, loggerFactory);

    /// <summary>Stops logging to <paramref name="loggerFactory"/> if it is still the target.</summary>
    public void Release(ILoggerFactory loggerFactory) => Interlocked.CompareExchange(ref factory, null, loggerFactory);

    public ILog GetLogger(string name) => new ForwardingLog(this, name);

    private sealed class ForwardingLog(HangfireLogProvider provider, string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var target = Volatile.Read(ref provider.factory);
            if (target is null)
            {
                return false;
            }

            try
            {
                var logger = target.CreateLogger(name);
                var level = Map(logLevel);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                logger.Log(level, 0, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static MsLogLevel Map(HangfireLogLevel level) => level switch
        {
            HangfireLogLevel.Trace => MsLogLevel.Trace,
            HangfireLogLevel.Debug => MsLogLevel.Debug,
            HangfireLogLevel.Info => MsLogLevel.Information,
            HangfireLogLevel.Warn => MsLogLevel.Warning,
            HangfireLogLevel.Error => MsLogLevel.Error,
            _ => MsLogLevel.Critical,
        };
    }
}
