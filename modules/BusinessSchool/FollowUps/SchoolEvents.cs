using Integration.Abstractions.FollowUps;
using Integration.Modules.BusinessSchool.Data;
using Microsoft.Extensions.Logging;

namespace Integration.Modules.BusinessSchool.FollowUps;

/// <summary>
/// Raises the module's follow-up events, after the module's own save (the host saves follow-ups in its own
/// transaction); raising an event twice creates nothing new, so a retry is harmless.
/// </summary>
internal sealed class SchoolEvents(IFollowUpEvents events, ILogger<SchoolEvents> logger)
{
    /// <summary>The member's after-course follow-ups, counted from the cohort's last day.</summary>
    public Task JoinedAsync(CohortMember member, DateOnly endDate, CancellationToken ct) =>
        RaiseAsync(SchoolFollowUps.CourseEnded, member, endDate, SchoolFollowUps.Subject(member.Id, endDate), ct);

    /// <summary>The cohort's end moved: cancels the follow-ups of the old end date and plans those of the new one.</summary>
    public async Task EndMovedAsync(CohortMember member, DateOnly previousEnd, DateOnly newEnd, DateOnly today, CancellationToken ct)
    {
        await RaiseAsync(SchoolFollowUps.CourseEndMoved, member, today, SchoolFollowUps.Subject(member.Id, previousEnd), ct);
        await JoinedAsync(member, newEnd, ct);
    }

    private async Task RaiseAsync(string name, CohortMember member, DateOnly on, string subject, CancellationToken ct)
    {
        try
        {
            await events.RaiseAsync(new FollowUpEvent(name, member.ParticipantId, on, BusinessSchoolModule.Id, member.EnrolmentId, subject), ct);
        }
        catch (ArgumentException e)
        {
            // The participant left the tenant's records (merged away) after the check: the record stands, the follow-up does not.
            logger.LogWarning(e, "Follow-up event {Event} for cohort member {MemberId} not raised", name, member.Id);
        }
    }
}
