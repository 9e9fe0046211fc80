using Microsoft.Extensions.Logging;

namespace Integration.Testing;

/// <summary>
/// Appends every error the in-process host logs to one file under the temp folder, so that a failing test's 500 can be
/// read after the run (xunit does not show the host's console).
/// </summary>
public sealed class ErrorLogFile : ILoggerProvider
{
    public static string Path { get; } = System.IO.Path.Combine(TestPaths.TempRoot, "host-errors.log");

    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                File.AppendAllText(Path, $"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
