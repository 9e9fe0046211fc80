using Autofac;
using Autofac.Core;
using Autofac.Extensions.DependencyInjection;
using Integration.Abstractions.Data;
using Integration.Host.Configuration;
using Integration.Host.Data;
using Integration.Host.Enrolments;
using Integration.Host.FollowUps;
using Integration.Host.Health;
using Integration.Host.Identity;
using Integration.Host.Jobs;
using Integration.Host.Audit;
using Integration.Host.Consents;
using Integration.Host.Modules;
using Integration.Host.Outcomes;
using Integration.Host.ParticipantImports;
using Integration.Host.Participants;
using Integration.Host.Programmes;
using Integration.Host.Rollups;
using Integration.Host.Tenancy;
using Integration.Host.Web;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Integration.Host;

/// <summary>Start-up steps after the container is built: the database, the modules, the request pipeline.</summary>
public static class IntegrationApplicationExtensions
{
    /// <summary>
    /// Prepares the database (WAL mode, the host's and the read log's migrations, roles, the bootstrap admin) and applies
    /// every module's migrations. A module whose migrations fail stops start-up, or with <c>OnLoadError=Skip</c> is marked failed.
    /// </summary>
    public static async Task InitializeIntegrationAsync(this WebApplication app)
    {
        var services = app.Services;
        // The modules' models are built on another thread while the host's own migrations run: building a model is
        // most of what a module's migration costs when nothing is pending, and it needs no table of the host's.
        var moduleModels = Task.Run(() => BuildModuleModels(app));
        var database = services.GetRequiredService<DatabaseConfigurator>();
        database.PrepareDatabase();

        // The read log has a context and, on SQLite, a file of its own: migrated beside the host's records.
        var auditReads = Task.Run(async () =>
        {
            await using var context = await services.GetRequiredService<IDbContextFactory<AuditReadsDbContext>>().CreateDbContextAsync();
            await PendingMigrations.ApplyAsync(context);
        });
        bool hostMigrated;
        await using (var scope = services.CreateAsyncScope())
        {
            // EF Core locks the migrations-history table, so instances that start together migrate once.
            hostMigrated = await PendingMigrations.ApplyAsync(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>());
        }

        // Instances that start together on one PostgreSQL database race to create the roles and the first admin; the
        // one whose insert loses to the other's unique index looks again and finds them made.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider);
                await StaffAccounts.EnsureBootstrapAdminAsync(scope.ServiceProvider, services.GetRequiredService<IntegrationSettings>());
                break;
            }
            catch (DbUpdateException ex) when (attempt < 3)
            {
                app.Logger.LogInformation("Another instance created roles or the first admin at the same time ({Message}); looking again", ex.InnerException?.Message ?? ex.Message);
            }
        }

        await auditReads;
        await moduleModels;
        var modulesMigrated = await MigrateModulesAsync(app);
        if (hostMigrated || modulesMigrated)
        {
            // A migration that adds or changes an index leaves the planner's statistics without it until the nightly
            // upkeep, and SQLite then plans by guesswork: a worklist page on a database of 500 000 follow-ups cost 160 ms
            // of CPU instead of 3 ms after the upgrade that widened its index. Sampled statistics take milliseconds.
            await using var scope = services.CreateAsyncScope();
            await database.OptimizeAsync(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>(), CancellationToken.None);
        }
    }

    /// <summary>
    /// Starts the web and job servers while the database is initialised (<paramref name="initialization"/>, begun
    /// before the endpoints are mapped so that both use the two cores), then opens the <see cref="StartupGate"/>.
    /// A failed initialisation stops the host and is rethrown.
    /// </summary>
    public static async Task StartIntegrationAsync(this WebApplication app, Task initialization)
    {
        var gate = app.Services.GetRequiredService<StartupGate>();
        var start = app.StartAsync();
        try
        {
            await start;
            await initialization;
            gate.MarkReady();
            await ParticipantImportJob.ResumePendingAsync(app.Services, CancellationToken.None);
            await RollupJob.ResumePendingAsync(app.Services, CancellationToken.None);
        }
        catch (Exception ex)
        {
            gate.MarkFailed(ex);
            await initialization.ContinueWith(_ => { }, TaskScheduler.Default);
            await app.StopAsync();
            if (initialization.Exception?.InnerException is { } initializationError && initializationError != ex)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(initializationError);
            }

            throw;
        }

        app.Logger.LogInformation(
            "Ready: {ModuleCount} module(s), {Milliseconds} ms after process start",
            app.Services.GetRequiredService<ModuleCatalog>().Available.Count,
            (int)(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds);
    }

    /// <summary>
    /// The request pipeline and every endpoint: the host's, then each module's route group. Needs no database, so it runs
    /// before <see cref="StartIntegrationAsync"/>.
    /// </summary>
    public static WebApplication MapIntegrationApi(this WebApplication app)
    {
        app.UseMiddleware<StartupGate.Middleware>();

        // Localization first, so that error responses written by the exception handler use the request's language.
        app.UseRequestLocalization();
        app.UseRequestConcurrencyLimit();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<StaffSessionMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<TenantRouteGuardMiddleware>();
        app.UseMiddleware<ModuleEnablementMiddleware>();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Integration platform API")).AllowAnonymous();
        app.MapIntegrationHealthChecks();
        app.MapWebPages();
        app.MapJobDashboard();
        app.MapAuthEndpoints();
        app.MapTenantEndpoints();
        app.MapTenantUserEndpoints();
        app.MapModuleEndpoints();
        app.MapJobRunEndpoints();
        app.MapProgrammeEndpoints();
        app.MapParticipantEndpoints();
        app.MapConsentEndpoints();
        app.MapEnrolmentEndpoints();
        app.MapParticipationEndpoints();
        app.MapParticipantExportEndpoints();
        app.MapOutcomeEndpoints();
        app.MapImportEndpoints();
        app.MapAuditEndpoints();
        app.MapFollowUpPolicyEndpoints();
        app.MapFollowUpEndpoints();
        app.MapFollowUpScheduleEndpoints();
        app.MapNotificationEndpoints();
        app.MapRollupEndpoints();
        MapModules(app);

        HangfireSetup.RegisterRecurringJobs(app.Services, app.Services.GetRequiredService<ModuleCatalog>(), app.Logger);
        return app;
    }

    private static void MapModules(WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        IEndpointRouteBuilder application = app;
        var names = EndpointNames(application.DataSources.SelectMany(d => d.Endpoints));
        foreach (var module in catalog.Available)
        {
            // Mapped apart first, checked, and only then added: a module that fails here leaves no endpoint behind.
            var staging = new ModuleEndpointStaging(application);
            var group = staging.MapGroup($"/api/modules/{module.Id}")
                .WithTags(module.Id)
                .RequireAuthorization()
                .WithMetadata(new ModuleEndpointMetadata(module.Id));
            string? problem;
            try
            {
                module.Module.MapEndpoints(group);
                var endpoints = staging.Endpoints;
                problem = ModuleEndpointRules.Check(module, endpoints, names);
            }
            catch (Exception ex)
            {
                problem = $"module '{module.Id}' threw while mapping its endpoints: {ex.GetType().Name}: {ex.Message}";
            }

            if (problem is not null)
            {
                ModuleFailed(app, module, problem);
                continue;
            }

            names.UnionWith(EndpointNames(staging.Endpoints));
            staging.Commit();
        }
    }

    private static HashSet<string> EndpointNames(IEnumerable<Endpoint> endpoints) =>
        endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Builds each module context's model (EF Core caches it per context type) so that <see cref="MigrateModulesAsync"/>
    /// finds it ready. Failures are left to the migration step, which reports them against the module.
    /// </summary>
    private static void BuildModuleModels(WebApplication app)
    {
        try
        {
            using var scope = app.Services.GetAutofacRoot().BeginLifetimeScope();
            var contextService = new TypedService(typeof(ModuleDbContext));
            foreach (var registration in scope.ComponentRegistry.RegistrationsFor(contextService))
            {
                var context = (ModuleDbContext)scope.ResolveComponent(new ResolveRequest(contextService, new ServiceRegistration(registration.ResolvePipeline, registration), []));
                _ = context.Model;
                _ = context.Database.GetMigrations().Any();
            }
        }
        catch (Exception ex)
        {
            app.Logger.LogDebug(ex, "Building the modules' models ahead of their migrations stopped; the migrations build them instead");
        }
    }

    /// <returns>Whether any module's migrations were applied.</returns>
    private static async Task<bool> MigrateModulesAsync(WebApplication app)
    {
        var applied = false;
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        await using var scope = app.Services.GetAutofacRoot().BeginLifetimeScope();
        var contextService = new TypedService(typeof(ModuleDbContext));
        var registrations = scope.ComponentRegistry.RegistrationsFor(contextService).ToList();

        foreach (var module in catalog.Available)
        {
            foreach (var registration in registrations.Where(r => r.Activator.LimitType.Assembly == module.Assembly))
            {
                try
                {
                    var context = (ModuleDbContext)scope.ResolveComponent(new ResolveRequest(contextService, new ServiceRegistration(registration.ResolvePipeline, registration), []));
                    if (context.ModuleId != module.Id)
                    {
                        ModuleFailed(app, module, $"its context {context.GetType().Name} says module id '{context.ModuleId}', not '{module.Id}'.");
                        break;
                    }

                    if (!context.Database.GetMigrations().Any())
                    {
                        ModuleFailed(app, module, $"its context {context.GetType().Name} has no migrations for {context.Database.ProviderName} (build/add-migration.sh adds them for every provider).");
                        break;
                    }

                    if (await PendingMigrations.ApplyAsync(context))
                    {
                        applied = true;
                        app.Logger.LogInformation("Migrations of {Context} applied for module {ModuleId}", context.GetType().Name, module.Id);
                    }
                }
                catch (Exception ex) when (ex is not PluginLoadException)
                {
                    ModuleFailed(app, module, $"migrations of module '{module.Id}' failed: {ex.GetType().Name}: {ex.Message}");
                    break;
                }
            }
        }

        var foreign = registrations.Where(r => !catalog.Loaded.Any(m => m.Assembly == r.Activator.LimitType.Assembly)).ToList();
        if (foreign.Count > 0)
        {
            app.Logger.LogWarning("Module contexts registered outside a module assembly are not migrated: {Types}", string.Join(", ", foreign.Select(r => r.Activator.LimitType.Name)));
        }

        return applied;
    }

    private static void ModuleFailed(WebApplication app, LoadedModule module, string reason)
    {
        var settings = app.Services.GetRequiredService<IntegrationSettings>();
        if (settings.OnLoadError == OnLoadError.Fail)
        {
            throw new PluginLoadException(module.PluginFile, reason);
        }

        app.Logger.LogError("Plugin {PluginFile} failed to load: {Reason} (skipped: Integration:Modules:OnLoadError=Skip)", module.PluginFile, reason);
        app.Services.GetRequiredService<ModuleCatalog>().MarkFailed(module, reason);
    }
}
