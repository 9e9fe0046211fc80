using Autofac;
using Autofac.Core;
using Integration.Abstractions.Data;
using Integration.Abstractions.Demo;
using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Demo;
using Integration.Modules.Mentoring.FollowUps;
using Integration.Modules.Mentoring.Internships;
using Integration.Modules.Mentoring.Matches;
using Integration.Modules.Mentoring.Matching;
using Integration.Modules.Mentoring.Mentors;
using Integration.Modules.Mentoring.Participants;
using Integration.Modules.Mentoring.Rollups;
using Microsoft.AspNetCore.Routing;

namespace Integration.Modules.Mentoring;

/// <summary>
/// Mentoring (handledning, mentorskap, språkvän): mentors and lead supervisors, matches with participants suggested by
/// shared language, sector, capacity and wishes, meetings and goals, and internships at employers that may lead to a job.
/// </summary>
public sealed class MentoringModule : IActivityModule
{
    /// <summary>The module id: routes, tables (<c>mentoring_*</c>), permissions, policies, events and measures.</summary>
    public const string Id = "mentoring";

    /// <summary>Reading mentors, matches, meetings, goals and internships. Tenant admins and case workers by default.</summary>
    public const string ReadPermission = Id + ".read";

    /// <summary>Recording them. Case workers by default.</summary>
    public const string WritePermission = Id + ".write";

    /// <inheritdoc />
    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = new LocalizedText("Mentorskap och praktik", "Mentoring and internships"),
        Description = new LocalizedText(
            "Språkvänner, handledare och huvudhandledare matchade med deltagare efter språk, bransch, kapacitet och önskemål; möten och mål; praktik hos arbetsgivare som kan leda till jobb.",
            "Language buddies, workplace supervisors and lead supervisors matched with participants by language, sector, capacity and wishes; meetings and goals; internships at employers that may lead to a job."),
        Version = "1.0.0",
        ContractVersion = ModuleContract.Version,
        Permissions =
        [
            new ModulePermission(ReadPermission, new LocalizedText("Läsa mentorer, matchningar och praktik", "Read mentors, matches and internships"), [StaffRoles.TenantAdmin, StaffRoles.CaseWorker]),
            new ModulePermission(WritePermission, new LocalizedText("Registrera mentorer, matchningar och praktik", "Record mentors, matches and internships"), [StaffRoles.CaseWorker]),
        ],
    };

    /// <inheritdoc />
    public IReadOnlyList<FollowUpPolicy> FollowUpPolicies { get; } = [MentoringFollowUps.CheckIn, MentoringFollowUps.InternshipEnd];

    /// <inheritdoc />
    public IModule CreateServices() => new Services();

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MentorEndpoints.Map(endpoints);
        MatchingEndpoints.Map(endpoints);
        MatchEndpoints.Map(endpoints);
        MeetingEndpoints.Map(endpoints);
        GoalEndpoints.Map(endpoints);
        InternshipEndpoints.Map(endpoints);
    }

    private sealed class Services : Module
    {
        protected override void Load(ContainerBuilder builder)
        {
            builder.RegisterModuleDbContext<MentoringDbContext>(Id);
            builder.RegisterType<MentoringParticipants>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<MentoringEvents>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<InternshipOutcome>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<MentoringRollup>().As<IRollupContributor>().InstancePerLifetimeScope();
            builder.RegisterType<MentoringMerge>().As<IParticipantMergeHandler>().InstancePerLifetimeScope();
            builder.RegisterType<MentoringExport>().As<IParticipantDataExporter>().InstancePerLifetimeScope();
            builder.RegisterType<MentoringDemoData>().As<IDemoDataContributor>().InstancePerLifetimeScope();
        }
    }
}
