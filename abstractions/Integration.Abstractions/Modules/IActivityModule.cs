using Autofac.Core;
using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Jobs;
using Microsoft.AspNetCore.Routing;

namespace Integration.Abstractions.Modules;

/// <summary>
/// The one public class of an activity module. The host finds the implementation in the plugin assembly,
/// creates it with its public parameterless constructor and calls its members once, at start-up, in this order:
/// <see cref="Manifest"/>, <see cref="CreateServices"/>, <see cref="MapEndpoints"/>.
/// </summary>
/// <remarks>
/// Everything else in a module is <c>internal</c>. A module depends on this assembly only; it cooperates with the
/// host and other modules through the interfaces defined here and refers to participants by id.
/// </remarks>
public interface IActivityModule
{
    /// <summary>The module's id, names, versions and permissions.</summary>
    ModuleManifest Manifest { get; }

    /// <summary>
    /// Returns the Autofac module that registers the module's services: its <see cref="Data.ModuleDbContext"/>
    /// (with <see cref="Data.ModuleRegistrationExtensions.RegisterModuleDbContext{TContext}"/>), its jobs
    /// (<see cref="Jobs.ModuleJobRegistrationExtensions.RegisterModuleJob{TJob}"/>), its rollup contributors and
    /// anything its endpoints resolve. Registrations go into the host's container; keep them to the module's own types.
    /// </summary>
    IModule CreateServices();

    /// <summary>
    /// Maps the module's HTTP endpoints. <paramref name="endpoints"/> is the route group <c>/api/modules/{id}</c>:
    /// it already requires a signed-in user, answers 404 to a tenant that has not enabled the module and tags every
    /// endpoint with the module id for OpenAPI. Add a permission per endpoint with <c>.RequireAuthorization(name)</c>.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Follow-up policies the module contributes; a tenant admin can change their offsets or switch them off.</summary>
    IReadOnlyList<FollowUpPolicy> FollowUpPolicies => [];

    /// <summary>Recurring jobs; the host runs each for every tenant that has enabled the module.</summary>
    IReadOnlyList<ModuleRecurringJob> RecurringJobs => [];
}
