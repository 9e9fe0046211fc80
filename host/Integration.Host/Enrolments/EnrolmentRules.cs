using Integration.Abstractions.Participants;

namespace Integration.Host.Enrolments;

/// <summary>The status changes an enrolment may make: referred → waitlisted → active ⇄ paused → exited.</summary>
public static class EnrolmentRules
{
    private static readonly Dictionary<EnrolmentStatus, EnrolmentStatus[]> Next = new()
    {
        [EnrolmentStatus.Referred] = [EnrolmentStatus.Waitlisted, EnrolmentStatus.Active, EnrolmentStatus.Exited],
        [EnrolmentStatus.Waitlisted] = [EnrolmentStatus.Active, EnrolmentStatus.Exited],
        [EnrolmentStatus.Active] = [EnrolmentStatus.Paused, EnrolmentStatus.Exited],
        [EnrolmentStatus.Paused] = [EnrolmentStatus.Active, EnrolmentStatus.Exited],
        [EnrolmentStatus.Exited] = [],
    };

    public static bool CanMove(EnrolmentStatus from, EnrolmentStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<EnrolmentStatus> From(EnrolmentStatus status) => Next[status];
}
