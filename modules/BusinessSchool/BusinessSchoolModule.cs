using Autofac;
using Autofac.Core;
using Integration.Abstractions.Data;
using Integration.Abstractions.Demo;
using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Modules.BusinessSchool.Advice;
using Integration.Modules.BusinessSchool.BusinessPlans;
using Integration.Modules.BusinessSchool.Cohorts;
using Integration.Modules.BusinessSchool.Companies;
using Integration.Modules.BusinessSchool.Courses;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Demo;
using Integration.Modules.BusinessSchool.FollowUps;
using Integration.Modules.BusinessSchool.Participants;
using Integration.Modules.BusinessSchool.Rollups;
using Integration.Modules.BusinessSchool.Sessions;
using Microsoft.AspNetCore.Routing;

namespace Integration.Modules.BusinessSchool;

/// <summary>
/// Business school (företagsskola) and business advice (företagsrådgivning): courses with cohorts, sessions and
/// attendance, advice meetings, business-plan milestones, the companies participants start and how they fare
/// 6 and 12 months after the course.
/// </summary>
public sealed class BusinessSchoolModule : IActivityModule
{
    /// <summary>The module id: routes, tables (<c>business_school_*</c>), permissions, policies, events and measures.</summary>
    public const string Id = "business-school";

    /// <summary>Reading courses, attendance, advice, business plans and companies. Tenant admins and case workers by default.</summary>
    public const string ReadPermission = Id + ".read";

    /// <summary>Recording them. Case workers by default.</summary>
    public const string WritePermission = Id + ".write";

    /// <inheritdoc />
    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = new LocalizedText("Företagsskola och företagsrådgivning", "Business school and business advice"),
        Description = new LocalizedText(
            "Företagsskola i kursomgångar med närvaro, företagsrådgivning med ALMI, banker och andra partner, affärsplanens steg och de företag deltagarna startar, följda upp 6 och 12 månader efter kursen.",
            "Business school in cohorts with attendance, business advice with ALMI, banks and other partners, the business plan's milestones and the companies participants start, followed up 6 and 12 months after the course."),
        Version = "1.0.0",
        ContractVersion = ModuleContract.Version,
        Permissions =
        [
            new ModulePermission(ReadPermission, new LocalizedText("Läsa företagsskola, rådgivning och företag", "Read business school, advice and companies"), [StaffRoles.TenantAdmin, StaffRoles.CaseWorker]),
            new ModulePermission(WritePermission, new LocalizedText("Registrera företagsskola, rådgivning och företag", "Record business school, advice and companies"), [StaffRoles.CaseWorker]),
        ],
    };

    /// <inheritdoc />
    public IReadOnlyList<FollowUpPolicy> FollowUpPolicies { get; } = [SchoolFollowUps.AfterCourse];

    /// <inheritdoc />
    public IModule CreateServices() => new Services();

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        CourseEndpoints.Map(endpoints);
        CohortEndpoints.Map(endpoints);
        SessionEndpoints.Map(endpoints);
        AdviceEndpoints.Map(endpoints);
        BusinessPlanEndpoints.Map(endpoints);
        CompanyEndpoints.Map(endpoints);
    }

    private sealed class Services : Module
    {
        protected override void Load(ContainerBuilder builder)
        {
            builder.RegisterModuleDbContext<SchoolDbContext>(Id);
            builder.RegisterType<SchoolParticipants>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<SchoolEvents>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<CompanyRegistration>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<SchoolRollup>().As<IRollupContributor>().InstancePerLifetimeScope();
            builder.RegisterType<SchoolMerge>().As<IParticipantMergeHandler>().InstancePerLifetimeScope();
            builder.RegisterType<SchoolExport>().As<IParticipantDataExporter>().InstancePerLifetimeScope();
            builder.RegisterType<SchoolDemoData>().As<IDemoDataContributor>().InstancePerLifetimeScope();
        }
    }
}
