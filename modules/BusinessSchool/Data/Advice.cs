using Integration.Abstractions.Data;

namespace Integration.Modules.BusinessSchool.Data;

/// <summary>A business-advice meeting (företagsrådgivning) with an adviser, often of a partner organisation.</summary>
internal sealed class AdviceMeeting : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid ProgrammeId { get; set; }

    public DateOnly Date { get; set; }

    public required string Adviser { get; set; }

    public PartnerOrganisation Partner { get; set; }

    /// <summary>The organisation's name (the bank, the association); required for <see cref="PartnerOrganisation.Other"/>.</summary>
    public string? PartnerName { get; set; }

    public BusinessTopic Topic { get; set; }

    public string? NextStep { get; set; }

    public DateOnly? NextStepBy { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal enum PartnerOrganisation
{
    /// <summary>The project's own business adviser.</summary>
    Project = 1,
    Almi = 2,
    Bank = 3,
    NyforetagarCentrum = 4,
    MunicipalBusinessOffice = 5,
    Skatteverket = 6,
    Arbetsformedlingen = 7,
    Other = 8,
}

/// <summary>A step of the participant's business plan, once reached.</summary>
internal sealed class Milestone : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid ProgrammeId { get; set; }

    public MilestoneKind Kind { get; set; }

    public DateOnly ReachedOn { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>The business-plan milestones, in the order they are reached.</summary>
internal enum MilestoneKind
{
    Idea = 1,
    PlanWritten = 2,
    Budget = 3,
    FinancingApplied = 4,

    /// <summary>Set by registering a company, not by hand.</summary>
    Registered = 5,
}
