using Autofac;
using Autofac.Core;
using Integration.Abstractions.Data;
using Integration.Abstractions.Demo;
using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Demo;
using Integration.Modules.IncomeSupport.FollowUps;
using Integration.Modules.IncomeSupport.Participants;
using Integration.Modules.IncomeSupport.Pathways;
using Integration.Modules.IncomeSupport.Plans;
using Integration.Modules.IncomeSupport.Rollups;
using Integration.Modules.IncomeSupport.Settings;
using Microsoft.AspNetCore.Routing;

namespace Integration.Modules.IncomeSupport;

/// <summary>
/// The income-support pathway (från ekonomiskt bistånd till självförsörjning): from the first application for income
/// support, the monthly statuses, the plan's steps and barriers, to self-sufficiency after consecutive months without
/// support.
/// </summary>
public sealed class IncomeSupportModule : IActivityModule
{
    /// <summary>The module id: routes, tables (<c>income_support_*</c>), permissions, policies, events and measures.</summary>
    public const string Id = "income-support";

    /// <summary>Reading pathways (economic circumstances): tenant admins and case workers.</summary>
    public const string ReadPermission = Id + ".read";

    /// <summary>Recording pathways, months, steps and barriers: case workers.</summary>
    public const string WritePermission = Id + ".write";

    /// <summary>Changing the module's settings for the tenant: tenant admins.</summary>
    public const string SettingsPermission = Id + ".settings";

    /// <inheritdoc />
    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = new LocalizedText("Väg till självförsörjning", "Income-support pathway"),
        Description = new LocalizedText(
            "Från första ansökan om ekonomiskt bistånd till självförsörjning: månadsstatus, skäl till behovet, planens steg (SFI, praktik, arbete, utbildning) och hinder.",
            "From the first application for income support to self-sufficiency: monthly status, reasons for the need, plan steps (SFI, internship, work, education) and barriers."),
        Version = "1.0.0",
        ContractVersion = ModuleContract.Version,
        Permissions =
        [
            new ModulePermission(ReadPermission, new LocalizedText("Läsa vägar mot självförsörjning (ekonomiska förhållanden)", "Read income-support pathways (economic circumstances)"), [StaffRoles.TenantAdmin, StaffRoles.CaseWorker]),
            new ModulePermission(WritePermission, new LocalizedText("Registrera månadsstatus, planer och hinder", "Record monthly statuses, plans and barriers"), [StaffRoles.CaseWorker]),
            new ModulePermission(SettingsPermission, new LocalizedText("Ändra insatsens inställningar", "Change the module's settings"), [StaffRoles.TenantAdmin]),
        ],
    };

    /// <inheritdoc />
    public IReadOnlyList<FollowUpPolicy> FollowUpPolicies { get; } = [IncomeSupportFollowUps.MonthlyReview];

    /// <inheritdoc />
    public IModule CreateServices() => new Services();

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        PathwayEndpoints.Map(endpoints);
        MonthEndpoints.Map(endpoints);
        PlanEndpoints.Map(endpoints);
        SettingsEndpoints.Map(endpoints);
    }

    private sealed class Services : Module
    {
        protected override void Load(ContainerBuilder builder)
        {
            builder.RegisterModuleDbContext<IncomeSupportDbContext>(Id);
            builder.RegisterType<SettingsReader>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<PathwayParticipants>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<PathwayEvents>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<PathwayState>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<PathwayReevaluation>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<IncomeSupportMerge>().As<IParticipantMergeHandler>().InstancePerLifetimeScope();
            builder.RegisterType<IncomeSupportExport>().As<IParticipantDataExporter>().InstancePerLifetimeScope();
            builder.RegisterType<IncomeSupportRollup>().As<IRollupContributor>().InstancePerLifetimeScope();
            builder.RegisterType<IncomeSupportDemoData>().As<IDemoDataContributor>().InstancePerLifetimeScope();
        }
    }
}
