using System.Net;
using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Commands;

/// <summary><c>admin create</c> makes the first system admin; there is no default password.</summary>
// The commands run as child processes on a SQLite data folder and check its file, so the PostgreSQL pass leaves them out.
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class AdminCommandTests
{
    [Fact]
    public async Task Admin_create_with_a_password_on_stdin_makes_an_account_that_can_sign_in()
    {
        using var root = TestPaths.NewTempFolder("admin-command");
        var data = Path.Combine(root.Path, "data");

        var result = await HostProcess.RunToExitAsync(["admin", "create", "--email", "first@test.invalid", "--password-stdin", $"--Integration:DataPath={data}"], standardInput: "a-password-from-stdin");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("System admin first@test.invalid created", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("a-password-from-stdin", result.AllOutput, StringComparison.Ordinal);

        await using var host = new TestHost(settings: new Dictionary<string, string?>
        {
            ["Integration:DataPath"] = data,
            ["Integration:Bootstrap:AdminEmail"] = null,
            ["Integration:Bootstrap:AdminPassword"] = null,
        });
        var admin = await host.SignInAsync("first@test.invalid", "a-password-from-stdin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task Admin_create_without_a_password_generates_and_prints_one_and_refuses_a_second_time()
    {
        using var root = TestPaths.NewTempFolder("admin-command");
        var data = Path.Combine(root.Path, "data");
        string[] arguments = ["admin", "create", "--email", "generated@test.invalid", "--Integration:DataPath", data];

        var first = await HostProcess.RunToExitAsync(arguments);
        var second = await HostProcess.RunToExitAsync(arguments);

        Assert.True(first.ExitCode == 0, first.AllOutput);
        var passwordLine = Assert.Single(first.Lines, l => l.StartsWith("Password", StringComparison.Ordinal));
        Assert.Equal(20, passwordLine[(passwordLine.LastIndexOf(' ') + 1)..].Length);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "integration.db")), "The space-separated --Integration:DataPath was not used");
    }

    [Fact]
    public async Task Admin_command_without_an_email_prints_usage()
    {
        var result = await HostProcess.RunToExitAsync(["admin", "create"]);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("usage: admin create", result.StandardError, StringComparison.Ordinal);
    }
}
