using Integration.Abstractions.Data;

namespace Integration.Modules.BusinessSchool.Data;

/// <summary>A business-school course (företagsskola): what is taught; each run of it is a <see cref="Cohort"/>.</summary>
internal sealed class Course : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Raised by every change; the ETag.</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One run of a course: a group of participants meeting for sessions between two dates.</summary>
internal sealed class Cohort : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CourseId { get; set; }

    public required string Name { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The last day; the after-course follow-ups count from it.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>The language it is taught in (ISO 639).</summary>
    public required string Language { get; set; }

    public string? Place { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A participant in a cohort, under their enrolment in the module.</summary>
internal sealed class CohortMember : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CohortId { get; set; }

    /// <summary>An id only: no foreign key into the host's tables.</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>The enrolment in the module (host id) that the place and its follow-ups belong to.</summary>
    public Guid EnrolmentId { get; set; }

    /// <summary>The enrolment's programme, for the rollups.</summary>
    public Guid ProgrammeId { get; set; }

    public DateTime AddedAt { get; set; }
}
