using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Integration.Host;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Integration.Testing;

/// <summary>
/// The real host in process (WebApplicationFactory) on its own SQLite file in a temporary folder (or, in the
/// PostgreSQL pass, its own database on the test server: <see cref="TestDatabase"/>), with a bootstrap system admin and
/// the plugins folder the test gives it.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "sysadmin@test.invalid";
    public const string AdminPassword = "system-admin-password-1";
    public const string StaffPassword = "staff-password-12345";

    private readonly TempFolder data;
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? clock;
    private readonly string? postgreSqlDatabase;
    private bool databaseDropped;

    /// <param name="clock">A fake clock for the whole host (follow-ups and rollups move with it); the real one by default.</param>
    public TestHost(string? pluginsPath = null, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        this.clock = clock;
        data = TestPaths.NewTempFolder("host-data");
        this.settings = new Dictionary<string, string?>
        {
            ["Integration:DataPath"] = data.Path,
            ["Integration:PluginsPath"] = pluginsPath ?? Path.Combine(data.Path, "no-plugins"),
            ["Integration:Bootstrap:AdminEmail"] = AdminEmail,
            ["Integration:Bootstrap:AdminPassword"] = AdminPassword,
            ["Integration:Jobs:WorkerCount"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",

            // Tests run the dispatcher themselves (POST /api/follow-ups/dispatch), so that its effects are theirs alone.
            ["Integration:FollowUps:DispatchCron"] = "off",
        };
        if (TestDatabase.IsPostgreSql)
        {
            postgreSqlDatabase = TestDatabase.CreatePostgreSqlDatabase("host");
            this.settings["Integration:Database:Provider"] = "PostgreSql";
            this.settings["Integration:Database:ConnectionString"] = postgreSqlDatabase;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        // A host on its own SQLite file in the data folder starts from a copy of the migrated template.
        if (!TestDatabase.IsPostgreSql && this.settings["Integration:DataPath"] == data.Path && !this.settings.ContainsKey("Integration:Database:ConnectionString"))
        {
            TestDatabase.CopySqliteTemplate(data.Path);
        }
    }

    /// <summary>
    /// A host that loads only the named modules from the host's plugins folder (where the solution build placed them),
    /// so that a module's tests see no other module.
    /// </summary>
    public static TestHost ForModules(IReadOnlyList<string> moduleIds, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        for (var i = 0; i < moduleIds.Count; i++)
        {
            all[$"Integration:Modules:Load:{i}"] = moduleIds[i];
        }

        return new TestHost(TestPaths.HostPlugins, all, clock);
    }

    public string DataPath => data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLogFile()));

        // UseSetting reaches the host's configuration before Program reads it (plugins load before the app is built).
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Passwords are hashed with ASP.NET Core Identity's default of 100 000 PBKDF2 rounds, about a tenth of a
            // second of CPU per sign-in: hundreds of test hosts sign in thousands of times. The tests check sign-in
            // rules, not the strength of the hash, so their hosts hash with fewer rounds (same format and algorithm).
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    /// <summary>
    /// Waits until the database is initialised. API requests wait at the start-up gate by themselves; readiness probes do
    /// not (they answer 503 while the host starts), so tests of <c>/health/ready</c> wait here first.
    /// </summary>
    public Task WhenReadyAsync() => Services.GetRequiredService<StartupGate>().WhenReady;

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

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

    public Task<HttpClient> SystemAdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>Creates a municipality with a tenant admin and returns the admin's client.</summary>
    public async Task<TenantSetup> CreateTenantAsync(string name, string municipalityCode)
    {
        var system = await SystemAdminAsync();
        var tenant = await (await system.PostAsJsonAsync("/api/tenants", new { name, kind = "municipality", municipalityCode }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdResponse>();
        var adminEmail = $"admin-{municipalityCode}-{Guid.NewGuid():N}@test.invalid";
        var admin = await (await system.PostAsJsonAsync($"/api/tenants/{tenant!.Id}/users", new { email = adminEmail, displayName = $"Admin {name}", role = "tenantAdmin", password = StaffPassword }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdResponse>();
        return new TenantSetup(tenant.Id, admin!.Id, adminEmail, await SignInAsync(adminEmail, StaffPassword));
    }

    /// <summary>Creates a staff user in a tenant and returns its client.</summary>
    public async Task<HttpClient> CreateStaffAsync(TenantSetup tenant, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.invalid";
        (await tenant.Admin.PostAsJsonAsync($"/api/tenants/{tenant.Id}/users", new { email, displayName = role, role, password = StaffPassword }))
            .EnsureSuccessStatusCode();
        return await SignInAsync(email, StaffPassword);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ReleaseData();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ReleaseData();
    }

    /// <summary>Whether this host runs on PostgreSQL (the PostgreSQL pass) rather than its SQLite file.</summary>
    public bool OnPostgreSql => postgreSqlDatabase is not null;

    /// <summary>
    /// A new, closed connection to the host's database, for tests that look underneath the API (the SQL they send must
    /// be valid on both providers).
    /// </summary>
    public DbConnection DatabaseConnection() => postgreSqlDatabase is not null
        ? new NpgsqlConnection(postgreSqlDatabase)
        : new SqliteConnection($"Data Source={System.IO.Path.Combine(data.Path, "integration.db")}");

    /// <summary>
    /// A new, closed connection to the host's read log (<c>core_audit_reads</c>): on SQLite its own file beside the
    /// records, on PostgreSQL the same database.
    /// </summary>
    public DbConnection AuditReadLogConnection() => postgreSqlDatabase is not null
        ? new NpgsqlConnection(postgreSqlDatabase)
        : new SqliteConnection($"Data Source={System.IO.Path.Combine(data.Path, "integration-audit-reads.db")}");

    private void ReleaseData()
    {
        data.Dispose();
        if (postgreSqlDatabase is not null && !databaseDropped)
        {
            databaseDropped = true;
            TestDatabase.DropPostgreSqlDatabase(postgreSqlDatabase);
        }
    }
}

public sealed record TenantSetup(Guid Id, Guid AdminId, string AdminEmail, HttpClient Admin);

public sealed record IdResponse(Guid Id);

public sealed record TokenResponse(string AccessToken, string RefreshToken, long ExpiresIn);
