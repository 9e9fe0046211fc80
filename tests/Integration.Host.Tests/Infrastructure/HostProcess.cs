using System.Diagnostics;
using System.Text;

namespace Integration.Host.Tests.Infrastructure;

/// <summary>The built host as a real child process: for exit codes, start-up log lines and commands.</summary>
internal static class HostProcess
{
    /// <summary>Runs the host with the arguments until it exits (it must: a failing start-up or a command).</summary>
    public static async Task<ProcessResult> RunToExitAsync(IEnumerable<string> arguments, string? standardInput = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(TestPaths.HostDll)! };
        start.ArgumentList.Add(TestPaths.HostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain one-line logs, whatever the developer's environment says.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return await RunToExitAsync(start, "The host", standardInput, timeoutSeconds);
    }

    /// <summary>Runs a prepared child process until it exits, collecting its output; fails the test on a timeout.</summary>
    /// <param name="what">What runs, for the failure message ("The host").</param>
    public static async Task<ProcessResult> RunToExitAsync(ProcessStartInfo start, string what, string? standardInput = null, int timeoutSeconds = 60)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not exit within {timeoutSeconds} s.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string AllOutput => StandardOutput + StandardError;

    public IReadOnlyList<string> Lines => AllOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
