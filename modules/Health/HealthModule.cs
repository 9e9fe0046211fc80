using Autofac;
using Autofac.Core;
using Integration.Abstractions.Data;
using Integration.Abstractions.Demo;
using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Jobs;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Modules.Health.Courses;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Demo;
using Integration.Modules.Health.FollowUps;
using Integration.Modules.Health.Participants;
using Integration.Modules.Health.Privacy;
using Integration.Modules.Health.Rollups;
using Integration.Modules.Health.Scores;
using Integration.Modules.Health.Sessions;
using Microsoft.AspNetCore.Routing;

namespace Integration.Modules.Health;

/// <summary>
/// Health school (hälsoskola) and health promotion: courses with sessions and attendance, physical-activity sessions,
/// and the WHO-5 Well-Being Index at the start and the end of a course, kept as special-category data.
/// </summary>
public sealed class HealthModule : IActivityModule
{
    /// <summary>The module id.</summary>
    public const string Id = "health";

    /// <summary>
    /// Reading stored WHO-5 scores and conversations. No role holds it by default: a tenant admin grants it to the named
    /// staff who follow participants' wellbeing (<c>PUT /api/tenants/{tenantId}/users/{userId}/permissions/health.read</c>).
    /// </summary>
    public const string ReadPermission = Id + ".read";

    /// <summary>Running the health school: courses, sessions, attendance, recording scores and conversations. Case workers by default.</summary>
    public const string WritePermission = Id + ".write";

    /// <inheritdoc />
    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = new LocalizedText("Hälsoskola", "Health school"),
        Description = new LocalizedText(
            "Hälsoskola och hälsofrämjande aktiviteter: kurser, träffar och närvaro, fysisk aktivitet och välbefinnande enligt WHO-5 vid kursstart och kursslut.",
            "Health school and health promotion: courses, sessions and attendance, physical activity, and wellbeing by WHO-5 at the start and end of a course."),
        Version = "1.0.0",
        ContractVersion = ModuleContract.Version,
        Permissions =
        [
            new ModulePermission(ReadPermission, new LocalizedText("Läsa hälsodata (WHO-5, samtal om välbefinnande)", "Read health data (WHO-5, conversations about wellbeing)"), []),
            new ModulePermission(WritePermission, new LocalizedText("Driva hälsoskolan och registrera WHO-5", "Run the health school and record WHO-5"), [StaffRoles.CaseWorker]),
        ],
    };

    /// <inheritdoc />
    public IReadOnlyList<FollowUpPolicy> FollowUpPolicies { get; } = [HealthFollowUps.ReMeasure, HealthFollowUps.FlaggedConversation];

    /// <inheritdoc />
    public IReadOnlyList<ModuleRecurringJob> RecurringJobs { get; } = [new(PurgeWithoutConsentJob.Name, "30 2 * * *")];

    /// <inheritdoc />
    public IModule CreateServices() => new Services();

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CourseEndpoints.Map(endpoints);
        SessionEndpoints.Map(endpoints);
        ScoreEndpoints.Map(endpoints);
    }

    private sealed class Services : Module
    {
        protected override void Load(ContainerBuilder builder)
        {
            builder.RegisterModuleDbContext<HealthDbContext>(Id);
            builder.RegisterModuleJob<PurgeWithoutConsentJob>(Id, PurgeWithoutConsentJob.Name);
            builder.RegisterType<HealthConsent>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<HealthEvents>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<HealthParticipants>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<HealthDataEraser>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<ScoreReader>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<CourseReMeasurements>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<HealthConsentWithdrawal>().As<IConsentWithdrawalHandler>().InstancePerLifetimeScope();
            builder.RegisterType<HealthMerge>().As<IParticipantMergeHandler>().InstancePerLifetimeScope();
            builder.RegisterType<HealthExport>().As<IParticipantDataExporter>().InstancePerLifetimeScope();
            builder.RegisterType<HealthRollup>().As<IRollupContributor>().InstancePerLifetimeScope();
            builder.RegisterType<HealthDemoData>().As<IDemoDataContributor>().InstancePerLifetimeScope();
        }
    }
}
