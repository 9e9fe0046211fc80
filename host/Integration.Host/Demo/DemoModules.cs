using Autofac;
using Integration.Abstractions.Demo;
using Integration.Host.Audit;
using Integration.Host.Tenancy;

namespace Integration.Host.Demo;

/// <summary>
/// Asks each module of a demo programme for its own records (<see cref="IDemoDataContributor"/>), in the demo tenant's
/// context, one lifetime scope per module as a job would have, audited as the demo job.
/// </summary>
internal sealed class DemoModules(ILifetimeScope root, ILogger<DemoModules> logger)
{
    public async Task SeedAsync(DemoProgramme programme, IReadOnlyList<string> moduleIds, IReadOnlyDictionary<string, List<DemoEnrolment>> enrolmentsByModule, CancellationToken ct)
    {
        foreach (var moduleId in moduleIds)
        {
            await using var scope = root.BeginLifetimeScope();
            var contributor = scope.Resolve<IEnumerable<IDemoDataContributor>>().FirstOrDefault(c => c.ModuleId == moduleId);
            if (contributor is null)
            {
                logger.LogInformation("Demo: module {ModuleId} adds no demo records of its own", moduleId);
                continue;
            }

            scope.Resolve<CurrentTenant>().Use(programme.TenantId);
            scope.Resolve<AuditLog>().ActAs(AuditActorKind.Job, "demo", "demo");
            var enrolments = enrolmentsByModule.GetValueOrDefault(moduleId) ?? [];
            await contributor.SeedAsync(programme with { Enrolments = enrolments }, ct);
            logger.LogInformation("Demo: module {ModuleId} added its records for {Count} enrolments of {Programme}", moduleId, enrolments.Count, programme.ProgrammeName);
        }
    }
}
