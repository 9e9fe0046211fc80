using Integration.Abstractions.Data;

namespace Integration.Modules.Health.Data;

/// <summary>A health-school course (hälsoskola): a group that meets for sessions on health topics between two dates.</summary>
internal sealed class Course : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The last day; the end measurement of WHO-5 is due then.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>The language the course is held in (ISO 639).</summary>
    public required string Language { get; set; }

    public string? Place { get; set; }

    public string? Leader { get; set; }

    /// <summary>Raised by every change; the ETag.</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A participant's place on a course, under their enrolment in the module.</summary>
internal sealed class CoursePlace : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CourseId { get; set; }

    /// <summary>An id only: no foreign key into the host's tables.</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>The participant's enrolment in the module (host id) that the place and its follow-ups belong to.</summary>
    public Guid EnrolmentId { get; set; }

    public DateTime AddedAt { get; set; }
}
