using System.Text;
using Integration.Abstractions.Demo;
using Integration.Host.Configuration;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Modules;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Demo;

/// <summary>
/// Fills an empty installation with the demo (<c>build/run.sh demo</c>, or <c>Integration:Demo:Enabled=true</c>): a
/// tenant per programme of the product brief with its modules enabled, staff accounts, a few hundred synthetic
/// participants with their histories, the modules' own records, dispatched follow-ups (some answered) and computed
/// rollups. Runs once: the accounts file it writes last marks the demo as done.
/// </summary>
internal sealed class DemoSeeder(
    IServiceProvider services,
    IServer server,
    IHostApplicationLifetime lifetime,
    StartupGate startup,
    IntegrationSettings settings,
    ModuleCatalog catalog,
    DemoModules modules,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string AccountsFileName = "demo-accounts.txt";
    private const string SeederEmail = "demo-seeder@demo.invalid";

    public string AccountsFile => Path.Combine(settings.DataPath, AccountsFileName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
            await WhenStartedAsync(stoppingToken);
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Demo: seeding failed; remove the data folder and start again to retry");
        }
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        if (File.Exists(AccountsFile))
        {
            logger.LogInformation("Demo: already in place; accounts in {AccountsFile}", AccountsFile);
            return;
        }

        if (await DemoTenantsExistAsync(ct))
        {
            logger.LogWarning("Demo: an earlier demo was cut off before it finished; remove the data folder to seed it again");
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal))).FirstOrDefault()
            ?? throw new InvalidOperationException("the demo enters its records through the HTTP API and needs the server's address");
        var started = clock.GetTimestamp();
        var seederPassword = StaffAccounts.GeneratePassword() + "-demo";
        await DeleteSeederAsync();
        await WithScopeAsync(async s =>
        {
            var created = await StaffAccounts.CreateSystemAdminAsync(s, SeederEmail, "Demo", seederPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("the demo's own sign-in could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        });
        var accounts = new List<(string Tenant, string Role, string Email, string Password)>();
        try
        {
            using var system = await DemoApi.SignInAsync(address, SeederEmail, seederPassword, ct);
            var loaded = catalog.Available.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var admins = new List<DemoApi>();
            foreach (var (plan, index) in DemoProgrammes.All.Select((p, i) => (p, i)))
            {
                var (admin, programme) = await SeedTenantAsync(system, address, plan, loaded, today, settings.DemoSeed + index, accounts, ct);
                admins.Add(admin);
                logger.LogInformation("Demo: {Tenant} has {Count} participants in {Programme}", plan.Name, plan.Participants, plan.Programme.Name);
            }

            await system.PostAsync("/api/follow-ups/dispatch", null, ct);
            var answering = new Random(settings.DemoSeed);
            foreach (var (plan, tenantIndex) in DemoProgrammes.All.Select((p, i) => (p, i)))
            {
                var worker = await DemoApi.SignInAsync(address, accounts.First(a => a.Tenant == plan.Name && a.Role == "caseWorker").Email, accounts.First(a => a.Tenant == plan.Name && a.Role == "caseWorker").Password, ct);
                using (worker)
                {
                    await AnswerFollowUpsAsync(worker, answering, today, ct);
                }

                await RunRollupsAsync(admins[tenantIndex], ct);
                admins[tenantIndex].Dispose();
            }

            await WriteAccountsAsync(accounts, ct);
            logger.LogInformation("Demo: ready in {Seconds:F0} s. Sign in with the accounts in {AccountsFile}", clock.GetElapsedTime(started).TotalSeconds, AccountsFile);
        }
        finally
        {
            // The seeder's own system admin is not left behind: nobody knows its password.
            await DeleteSeederAsync();
        }
    }

    private Task DeleteSeederAsync() => WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(SeederEmail) is { } seeder)
        {
            await users.DeleteAsync(seeder);
        }
    });

    private async Task<(DemoApi Admin, Guid ProgrammeId)> SeedTenantAsync(
        DemoApi system, Uri address, DemoTenantPlan plan, IReadOnlySet<string> loaded, DateOnly today, int seed,
        List<(string, string, string, string)> accounts, CancellationToken ct)
    {
        var tenantId = await system.CreateAsync("/api/tenants", new
        {
            name = plan.Name,
            kind = plan.Kind switch { TenantKind.Municipality => "municipality", TenantKind.Region => "region", _ => "organisation" },
            municipalityCode = plan.MunicipalityCode,
            countyCode = plan.CountyCode,
        }, ct);
        var credentials = new Dictionary<string, (string Email, string Password)>();
        foreach (var (role, name) in new[] { ("tenantAdmin", "Administratör"), ("caseWorker", "Handläggare"), ("analyst", "Analytiker") })
        {
            var email = $"{role.ToLowerInvariant()}@{plan.Slug}.demo.invalid";
            var password = StaffAccounts.GeneratePassword();
            await system.PostAsync($"/api/tenants/{tenantId}/users", new { email, displayName = $"{name} (demo)", role, password }, ct);
            credentials[role] = (email, password);
            accounts.Add((plan.Name, role, email, password));
        }

        var admin = await DemoApi.SignInAsync(address, credentials["tenantAdmin"].Email, credentials["tenantAdmin"].Password, ct);
        var moduleIds = plan.Programme.ModuleIds.Where(loaded.Contains).ToList();
        foreach (var moduleId in moduleIds)
        {
            await admin.PutAsync($"/api/tenants/{tenantId}/modules/{moduleId}", ct);
        }

        var programmeId = await admin.CreateAsync("/api/programmes", new
        {
            name = plan.Programme.Name,
            funder = plan.Programme.Funder,
            projectNumber = plan.Programme.ProjectNumber,
            periodStart = new DateOnly(today.Year - 2, 1, 1),
            periodEnd = new DateOnly(today.Year + 1, 12, 31),
            budgetSek = plan.Programme.PlannedParticipants * 60_000m,
            grantSek = plan.Programme.PlannedParticipants * 40_000m,
            plannedParticipants = plan.Programme.PlannedParticipants,
            plannedWomen = plan.Programme.PlannedParticipants / 2,
            plannedMen = plan.Programme.PlannedParticipants / 2,
            municipalityCodes = plan.Programme.MunicipalityCodes,
            moduleIds,
        }, ct);

        var random = new Random(seed);
        using var worker = await DemoApi.SignInAsync(address, credentials["caseWorker"].Email, credentials["caseWorker"].Password, ct);
        var enrolments = await new DemoHistory(worker, random, today).CreateAsync(programmeId, moduleIds, plan.Participants, ct);
        var programme = new DemoProgramme(tenantId, programmeId, plan.Programme.Name, plan.MunicipalityCode, today, seed, []);
        await modules.SeedAsync(programme, moduleIds, enrolments, ct);
        return (admin, programmeId);
    }

    /// <summary>Answers most of the follow-ups that fell due more than a week ago, as a case worker working the worklist.</summary>
    private static async Task AnswerFollowUpsAsync(DemoApi worker, Random random, DateOnly today, CancellationToken ct)
    {
        var due = new List<(Guid Id, DateOnly DueOn, long Version)>();
        for (var page = 1; ; page++)
        {
            var items = (await worker.GetAsync($"/api/follow-ups/worklist?assignee=all&page={page}&pageSize=200", ct)).GetProperty("items");
            due.AddRange(items.EnumerateArray().Select(f => (
                f.GetProperty("id").GetGuid(),
                DateOnly.Parse(f.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                f.GetProperty("version").GetInt64())));
            if (items.GetArrayLength() < 200)
            {
                break;
            }
        }

        foreach (var (id, dueOn, version) in due.Where(f => f.DueOn < today.AddDays(-7)))
        {
            var roll = random.Next(100);
            if (roll < 60)
            {
                await worker.PostAsync($"/api/follow-ups/{id}/complete", new { reached = true, note = "Kontakt per telefon." }, version, ct);
            }
            else if (roll < 75)
            {
                await worker.PostAsync($"/api/follow-ups/{id}/complete", new { reached = false, note = "Nådde inte deltagaren." }, version, ct);
            }
        }
    }

    private async Task RunRollupsAsync(DemoApi admin, CancellationToken ct)
    {
        var runId = await admin.CreateAsync("/api/rollups/run", new { }, ct);
        var deadline = clock.GetTimestamp();
        while (clock.GetElapsedTime(deadline) < TimeSpan.FromMinutes(5))
        {
            var state = (await admin.GetAsync($"/api/rollups/runs/{runId}", ct)).GetProperty("state").GetString();
            if (state is "succeeded" or "failed")
            {
                return;
            }

            await Task.Delay(200, ct);
        }
    }

    private async Task WriteAccountsAsync(List<(string Tenant, string Role, string Email, string Password)> accounts, CancellationToken ct)
    {
        var text = new StringBuilder()
            .AppendLine("# Demo accounts (synthetic data only). Sign in at /login or POST /api/auth/login.")
            .AppendLine("# tenant; role; e-mail; password");
        foreach (var (tenant, role, email, password) in accounts)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{tenant}; {role}; {email}; {password}");
        }

        var temporary = AccountsFile + ".tmp";
        await File.WriteAllTextAsync(temporary, text.ToString(), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, AccountsFile, overwrite: true);
    }

    private async Task<bool> DemoTenantsExistAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var names = DemoProgrammes.All.Select(p => p.Name).ToList();
        return await scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Tenants.AnyAsync(t => names.Contains(t.Name), ct);
    }

    private async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}
