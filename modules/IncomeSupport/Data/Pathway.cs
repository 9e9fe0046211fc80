using Integration.Abstractions.Data;

namespace Integration.Modules.IncomeSupport.Data;

/// <summary>
/// A participant's pathway from the first application for income support (ekonomiskt bistånd) to self-sufficiency:
/// the monthly statuses, the plan's steps and the barriers. One per participant; a household reference groups the
/// pathways of one household.
/// </summary>
internal sealed class Pathway : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>An id only: no foreign key into the host's tables.</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>The participant's enrolment in the module (host id) that outcomes and follow-ups belong to.</summary>
    public Guid EnrolmentId { get; set; }

    /// <summary>The household's reference in the municipality's case system, grouping its members' pathways.</summary>
    public string? HouseholdReference { get; set; }

    /// <summary>The day of the first application for income support: the pathway's start.</summary>
    public DateOnly FirstApplicationOn { get; set; }

    /// <summary>The first day of the streak of months without support that made the participant self-sufficient; null while open.</summary>
    public DateOnly? SelfSufficientOn { get; set; }

    /// <summary>The self-sufficiency date for which a <c>selfSufficient</c> outcome was recorded, so that it is recorded once.</summary>
    public DateOnly? OutcomeRecordedFor { get; set; }

    public Guid? OutcomeId { get; set; }

    /// <summary>How often the pathway was (re)opened: the follow-up subject of each open period.</summary>
    public int Cycle { get; set; } = 1;

    /// <summary>Raised by every change of the pathway, its months, steps or barriers; the ETag.</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Whether income support was paid in one calendar month, and why it was needed.</summary>
internal sealed class MonthlyStatus : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PathwayId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public bool SupportPaid { get; set; }

    /// <summary>The reasons for the need (<see cref="NeedReason"/> bits); none when no support was paid.</summary>
    public int Reasons { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>Why income support is needed in a month.</summary>
internal enum NeedReason
{
    Unemployment = 1,
    Illness = 2,
    WaitingForEstablishmentBenefit = 3,
    InsufficientIncome = 4,
    ParentalLeave = 5,
    Other = 6,
}

/// <summary>A step of the pathway's plan: SFI, an internship, work, education.</summary>
internal sealed class PlanStep : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PathwayId { get; set; }

    public StepKind Kind { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal enum StepKind
{
    Sfi = 1,
    Internship = 2,
    Work = 3,
    SubsidisedWork = 4,
    Education = 5,
    EstablishmentProgramme = 6,
    Other = 7,
}

/// <summary>Something in the way of self-sufficiency, from the day it was identified until it was resolved.</summary>
internal sealed class PlanBarrier : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PathwayId { get; set; }

    public BarrierKind Kind { get; set; }

    public DateOnly IdentifiedOn { get; set; }

    public DateOnly? ResolvedOn { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal enum BarrierKind
{
    Language = 1,
    Health = 2,
    Childcare = 3,
    Housing = 4,
    Transport = 5,
    Education = 6,
    WorkExperience = 7,
    Other = 8,
}

/// <summary>The tenant's settings of the module: how many months without support make a participant self-sufficient.</summary>
internal sealed class TenantSettings : ITenantOwned
{
    public const int DefaultMonthsWithoutSupport = 3;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public int MonthsWithoutSupport { get; set; } = DefaultMonthsWithoutSupport;

    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }
}
