using Integration.Abstractions.Data;

namespace Integration.Modules.Health.Data;

/// <summary>
/// A WHO-5 Well-Being Index answered at the start or the end of a course: five items scored 0–5. Special-category data:
/// stored only with a consent for health data in force, and removed when it is withdrawn. The raw score, percentage
/// and flags are computed from the items (<see cref="Scores.Who5"/>), never stored apart from them.
/// </summary>
internal sealed class Who5Score : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CourseId { get; set; }

    /// <summary>The course place the score belongs to (its follow-ups are named after it).</summary>
    public Guid PlaceId { get; set; }

    public Guid ParticipantId { get; set; }

    public MeasurementPoint Point { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public int Item1 { get; set; }

    public int Item2 { get; set; }

    public int Item3 { get; set; }

    public int Item4 { get; set; }

    public int Item5 { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }

    public IReadOnlyList<int> Items() => [Item1, Item2, Item3, Item4, Item5];
}

internal enum MeasurementPoint
{
    Start = 1,
    End = 2,
}

/// <summary>A conversation about wellbeing held after a score was flagged, and whether it led to a referral to health care.</summary>
internal sealed class WellbeingConversation : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ScoreId { get; set; }

    public Guid ParticipantId { get; set; }

    public DateOnly HeldOn { get; set; }

    public bool ReferredToHealthCare { get; set; }

    public string? Note { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }
}
