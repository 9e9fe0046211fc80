using Autofac;
using Autofac.Core;
using Integration.Abstractions.Data;
using Integration.Abstractions.Demo;
using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Modules;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Modules.DemocracyDialogue.Attendance;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Demo;
using Integration.Modules.DemocracyDialogue.Events;
using Integration.Modules.DemocracyDialogue.Influence;
using Integration.Modules.DemocracyDialogue.Participants;
using Integration.Modules.DemocracyDialogue.Proposals;
using Integration.Modules.DemocracyDialogue.Rollups;
using Microsoft.AspNetCore.Routing;

namespace Integration.Modules.DemocracyDialogue;

/// <summary>
/// Democracy dialogue (medborgardialog, interkulturella och interreligiösa dialoger): dialogue events and who attended,
/// proposals raised there on their way to a municipal body and back, and participants' sense of influence.
/// </summary>
public sealed class DemocracyDialogueModule : IActivityModule
{
    /// <summary>The module id: routes, tables (<c>democracy_dialogue_*</c>), permissions, policies, events and measures.</summary>
    public const string Id = "democracy-dialogue";

    /// <summary>Raised when a proposal is sent to a municipal body; starts the reminder.</summary>
    public const string ProposalSentEvent = Id + ".proposal.sent";

    /// <summary>Raised when the answer (or the closing without one) is recorded; cancels the reminder.</summary>
    public const string ProposalAnsweredEvent = Id + ".proposal.answered";

    /// <summary>The reminder policy's id; tenants change its offset through the host's follow-up policies.</summary>
    public const string ReminderPolicyId = Id + ":proposal-reminder";

    /// <summary>Days without an answer before the reminder comes, unless the tenant changes the offset.</summary>
    public const int DefaultReminderDays = 60;

    internal const string Read = Id + ".read";
    internal const string Write = Id + ".write";

    /// <inheritdoc />
    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = new LocalizedText("Demokratidialog", "Democracy dialogue"),
        Description = new LocalizedText(
            "Dialogträffar, studiebesök i fullmäktige, medborgarpaneler och interreligiösa dialoger: närvaro, förslag till kommunen och svaren, och deltagarnas upplevda inflytande.",
            "Dialogue meetings, study visits to the council, citizen panels and interreligious dialogues: attendance, proposals to the municipality and their answers, and participants' sense of influence."),
        Version = "1.0.0",
        ContractVersion = ModuleContract.Version,
        Permissions =
        [
            // Attendance lists are personal data: analysts read only the rollups.
            new ModulePermission(Read, new LocalizedText("Läsa dialoger, närvaro och förslag", "Read dialogues, attendance and proposals"), [StaffRoles.TenantAdmin, StaffRoles.CaseWorker]),
            new ModulePermission(Write, new LocalizedText("Registrera dialoger, närvaro och förslag", "Record dialogues, attendance and proposals"), [StaffRoles.TenantAdmin, StaffRoles.CaseWorker]),
        ],
    };

    /// <inheritdoc />
    public IReadOnlyList<FollowUpPolicy> FollowUpPolicies { get; } =
    [
        new()
        {
            Id = ReminderPolicyId,
            Name = new LocalizedText("Påminnelse: förslag utan svar", "Reminder: proposal without an answer"),
            Kind = "democracy-dialogue-proposal-reminder",
            TriggerEvent = ProposalSentEvent,
            StopEvent = ProposalAnsweredEvent,
            Offsets = [new FollowUpOffset(DefaultReminderDays, FollowUpOffsetUnit.Days)],
        },
    ];

    /// <inheritdoc />
    public IModule CreateServices() => new Services();

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        EventEndpoints.Map(endpoints);
        AttendanceEndpoints.Map(endpoints);
        ProposalEndpoints.Map(endpoints);
        InfluenceEndpoints.Map(endpoints);
    }

    private sealed class Services : Autofac.Module
    {
        protected override void Load(ContainerBuilder builder)
        {
            builder.RegisterModuleDbContext<DialogueDbContext>(Id);
            builder.RegisterType<EnrolmentCheck>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<ProposalReminders>().AsSelf().InstancePerLifetimeScope();
            builder.RegisterType<DialogueMerge>().As<IParticipantMergeHandler>().InstancePerLifetimeScope();
            builder.RegisterType<DialogueExport>().As<IParticipantDataExporter>().InstancePerLifetimeScope();
            builder.RegisterType<DialogueRollup>().As<IRollupContributor>().InstancePerLifetimeScope();
            builder.RegisterType<DialogueDemoData>().As<IDemoDataContributor>().InstancePerLifetimeScope();
        }
    }
}
