using Autofac;
using Autofac.Extensions.DependencyInjection;
using Integration.Abstractions.Data;
using Integration.Abstractions.Tenancy;
using Integration.Host.Api;
using Integration.Host.Configuration;
using Integration.Host.Data;
using Integration.Host.Health;
using Integration.Host.Identity;
using Integration.Host.Jobs;
using Integration.Host.Modules;
using Integration.Host.Tenancy;
using Integration.Host.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Host;

/// <summary>Registers everything the host needs; <c>Program.cs</c> calls <see cref="AddIntegrationHost"/> once.</summary>
public static class IntegrationHostBuilderExtensions
{
    /// <summary>
    /// Reads and validates the configuration, loads the plugins (unless <paramref name="loadPlugins"/> is false, as for
    /// admin commands) and registers the host's and the modules' services in an Autofac container.
    /// </summary>
    /// <exception cref="ConfigurationException">A setting is wrong.</exception>
    /// <exception cref="PluginLoadException">A plugin failed and <c>Integration:Modules:OnLoadError</c> is <c>Fail</c>.</exception>
    public static WebApplicationBuilder AddIntegrationHost(this WebApplicationBuilder builder, bool loadPlugins = true)
    {
        var settings = IntegrationSettingsReader.Read(builder.Configuration);
        var catalog = loadPlugins ? LoadPlugins(builder, settings) : new ModuleCatalog([], []);

        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            foreach (var module in catalog.Loaded)
            {
                container.RegisterModule(module.Services);
            }
        });

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(catalog);
        services.AddSingleton<StartupGate>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentTenant>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<CurrentTenant>());

        services.AddSingleton<DatabaseConfigurator>();
        services.AddHostedService<SqliteCheckpointer>();
        services.AddSingleton<IModuleDatabase, ModuleDatabase>();
        services.AddIntegrationDbContext();

        services.AddIntegrationIdentity(settings);
        services.AddAuthorization(options =>
        {
            options.AddHostPolicies();
            options.AddModulePermissions(catalog);
        });
        services.AddScoped<RequestPermissionGrants>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddScoped<ModuleEnablement>();
        services.AddScoped<Audit.AuditLog>();
        services.AddSingleton<Audit.AuditReadWriter>();
        services.AddScoped<Participants.ParticipantWriter>();
        services.AddScoped<Participants.DuplicateFinder>();
        services.AddScoped<Enrolments.ParticipationTracker>();
        services.AddScoped<Participants.ParticipantMerge>();
        services.AddScoped<Abstractions.Participants.IOutcomeRecorder, Outcomes.OutcomeRecorder>();
        services.AddScoped<Abstractions.Participants.IParticipantDirectory, Participants.ParticipantDirectory>();
        services.AddScoped<Abstractions.Participants.IEnrolmentDirectory, Enrolments.EnrolmentDirectory>();
        services.AddScoped<FollowUps.FollowUpPolicies>();
        services.AddScoped<FollowUps.FollowUpPlanner>();
        services.AddScoped<FollowUps.NotificationSender>();
        services.AddTransient<FollowUps.FollowUpDispatcher>();
        services.AddScoped<Rollups.RollupCalculator>();
        services.AddScoped<Rollups.RollupReport>();
        services.AddTransient<Rollups.RollupJob>();
        services.AddScoped<Abstractions.FollowUps.IFollowUpEvents>(sp => sp.GetRequiredService<FollowUps.FollowUpPlanner>());

        if (settings.DemoEnabled)
        {
            services.AddSingleton<Demo.DemoModules>();
            services.AddHostedService<Demo.DemoSeeder>();
        }

        services.AddIntegrationApi();
        services.AddRequestConcurrencyLimit(settings.Http);
        services.AddIntegrationHealthChecks();
        services.AddIntegrationJobs(settings);
        return builder;
    }

    private static ModuleCatalog LoadPlugins(WebApplicationBuilder builder, IntegrationSettings settings)
    {
        // The container does not exist yet, so plugin loading logs through a logger of its own, configured the same way.
        using var loggers = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddConsole());
        return new PluginLoader(settings, loggers.CreateLogger("Integration.Host.Modules.PluginLoader")).LoadAll();
    }

    private static void AddIntegrationIdentity(this IServiceCollection services, IntegrationSettings settings)
    {
        services.AddIdentityApiEndpoints<StaffUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); lockout against guessing.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<StaffRole>()
            .AddEntityFrameworkStores<IntegrationDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "integration.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = "/login";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // API callers get status codes, browsers get the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromHours(1);
            options.RefreshTokenExpiration = TimeSpan.FromDays(7);
        });

        // Tokens and cookies stay valid across restarts, and are accepted by every instance behind a load balancer,
        // because the key ring is kept in the database that all of them share.
        services.AddDataProtection()
            .SetApplicationName("integration-platform")
            .PersistKeysToDbContext<IntegrationDbContext>();

        // Data protection reads its key ring in a hosted service as the host starts, which on a new database runs
        // before the migrations have made the key table (an error in the log at every first start). Requests wait
        // at the start-up gate until the migrations are done, so the first one that needs the ring loads it instead.
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(preload);
        }
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Redirect(redirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
