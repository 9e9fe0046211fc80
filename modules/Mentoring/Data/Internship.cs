using Integration.Abstractions.Data;

namespace Integration.Modules.Mentoring.Data;

/// <summary>An internship (praktik) at an employer, possibly with a workplace supervisor, and whether it led to a job.</summary>
internal sealed class Internship : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid ProgrammeId { get; set; }

    public required string EmployerName { get; set; }

    /// <summary><c>NNNNNN-NNNN</c>, with a valid check digit.</summary>
    public required string OrganisationNumber { get; set; }

    /// <summary>A mentor of kind workplace supervisor, if any.</summary>
    public Guid? SupervisorId { get; set; }

    /// <summary>The work, in words ("Undersköterska", "Lagerarbete").</summary>
    public string? Occupation { get; set; }

    public Sector? Sector { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The planned last day.</summary>
    public DateOnly EndDate { get; set; }

    public int MinutesPerWeek { get; set; }

    /// <summary>The actual last day, set when the internship is ended.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>The last day as it stands: the actual one once ended, else the planned one. The end follow-up counts from it.</summary>
    public DateOnly LastDay => EndedOn ?? EndDate;

    /// <summary>Whether it led to a job offer; set when ended.</summary>
    public bool? LedToJobOffer { get; set; }

    /// <summary>The employed outcome recorded in the host when it ended with a job.</summary>
    public Guid? OutcomeId { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
