using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Integration.Host.Tests.Infrastructure;

/// <summary>
/// The built host as a long-running child process on a free loopback port, for what only a real process shows:
/// being killed (<see cref="Kill"/> sends SIGKILL) and started again on the same data folder (and, in the PostgreSQL
/// pass, on the same database).
/// </summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RunningHost(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the host and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<RunningHost> StartAsync(string dataPath, string pluginsPath, IDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.HostDll)!,
        };
        start.ArgumentList.Add(TestPaths.HostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Integration__DataPath"] = dataPath;
        start.Environment["Integration__PluginsPath"] = pluginsPath;
        start.Environment["Integration__Bootstrap__AdminEmail"] = TestHost.AdminEmail;
        start.Environment["Integration__Bootstrap__AdminPassword"] = TestHost.AdminPassword;
        if (TestDatabase.IsPostgreSql)
        {
            start.Environment["Integration__Database__Provider"] = "PostgreSql";
            start.Environment["Integration__Database__ConnectionString"] = PostgreSqlDatabaseOf(dataPath);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var host = new RunningHost(Process.Start(start)!, address);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flushing, as a crash or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The host exited with code {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The host was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>
    /// In the PostgreSQL pass, the database that belongs to a data folder: made on first start and named in a file in the
    /// folder, so that a restart on the same folder finds the same data, as on SQLite. The test server is thrown away
    /// with all its databases after the run.
    /// </summary>
    private static string PostgreSqlDatabaseOf(string dataPath)
    {
        var file = Path.Combine(dataPath, "postgresql-database");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(dataPath);
            File.WriteAllText(file, TestDatabase.CreatePostgreSqlDatabase("process"));
        }

        return File.ReadAllText(file);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
