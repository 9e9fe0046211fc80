using Integration.Abstractions.Kernel;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace Integration.Host.Commands;

/// <summary>
/// <c>admin create --email E [--name N] [--password-stdin]</c> creates a system admin;
/// <c>admin reset-password --email E [--password-stdin]</c> sets a new password and unlocks the account.
/// Without <c>--password-stdin</c> a random password is generated and printed once. There is no default password.
/// </summary>
internal static class AdminCommand
{
    private const string Usage = """
        usage: admin create --email <e-mail> [--name <display name>] [--password-stdin]
               admin reset-password --email <e-mail> [--password-stdin]
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "admin";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] is not ("create" or "reset-password"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 64;
        }

        var options = ParseOptions(args.AsSpan(2));
        if (options is null || !options.TryGetValue("--email", out var email) || string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 64;
        }

        var password = options.ContainsKey("--password-stdin")
            ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n')
            : StaffAccounts.GeneratePassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password on standard input.");
            return 64;
        }

        // The host's services and database, without plugins and without serving requests. Only the host's own
        // configuration keys are passed on: the command's own words are not configuration.
        var builder = WebApplication.CreateBuilder(HostArguments(args));
        builder.AddIntegrationHost(loadPlugins: false);
        await using var app = builder.Build();
        await app.InitializeIntegrationAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        return args[1] == "create"
            ? await CreateAsync(services, email.Trim(), options.GetValueOrDefault("--name") ?? "System admin", password, !options.ContainsKey("--password-stdin"))
            : await ResetAsync(services, email.Trim(), password, !options.ContainsKey("--password-stdin"));
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string email, string name, string password, bool printPassword)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"An account with the e-mail {email} already exists. Use 'admin reset-password' to set a new password.");
            return 1;
        }

        var result = await StaffAccounts.CreateSystemAdminAsync(services, email, name, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("The system admin was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine($"System admin {email} created.");
        if (printPassword)
        {
            Console.WriteLine($"Password (shown once, store it safely): {password}");
        }

        return 0;
    }

    private static async Task<int> ResetAsync(IServiceProvider services, string email, string password, bool printPassword)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"No account has the e-mail {email}.");
            return 1;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("The password was not changed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Console.WriteLine($"Password of {email} ({(await users.GetRolesAsync(user)).FirstOrDefault() ?? StaffRoles.CaseWorker}) changed; the account is unlocked.");
        if (printPassword)
        {
            Console.WriteLine($"Password (shown once, store it safely): {password}");
        }

        return 0;
    }

    /// <summary>The host's own settings among the arguments (<c>--Integration:X=v</c> or <c>--Integration:X v</c>), values kept.</summary>
    private static string[] HostArguments(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!IsHostSetting(args[i]))
            {
                continue;
            }

            kept.Add(args[i]);
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                kept.Add(args[++i]);
            }
        }

        return kept.ToArray();
    }

    private static bool IsHostSetting(string argument) =>
        argument.StartsWith("--Integration", StringComparison.Ordinal) || argument.StartsWith("--Logging", StringComparison.Ordinal);

    private static Dictionary<string, string?>? ParseOptions(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--password-stdin":
                    options["--password-stdin"] = null;
                    break;
                case "--email" or "--name" when i + 1 < args.Length:
                    options[args[i]] = args[++i];
                    break;
                case var other when IsHostSetting(other):
                    if (!other.Contains('=', StringComparison.Ordinal))
                    {
                        i++;
                    }

                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
