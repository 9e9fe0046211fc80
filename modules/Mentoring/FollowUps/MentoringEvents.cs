using Integration.Abstractions.FollowUps;
using Integration.Modules.Mentoring.Data;
using Microsoft.Extensions.Logging;

namespace Integration.Modules.Mentoring.FollowUps;

/// <summary>
/// Raises the module's follow-up events, after the module's own save (the host saves follow-ups in its own
/// transaction); raising an event twice creates nothing new, so a retry is harmless.
/// </summary>
internal sealed class MentoringEvents(IFollowUpEvents events, ILogger<MentoringEvents> logger)
{
    /// <summary>The match's check-ins every 14 days (the tenant's interval) from its current active period's first day.</summary>
    public Task StartedAsync(Match match, CancellationToken ct) =>
        RaiseAsync(MentoringFollowUps.MatchStarted, match.ParticipantId, match.EnrolmentId, match.ActiveSince, MentoringFollowUps.CheckInSubject(match.Id, match.ActiveSince), ct);

    /// <summary>Cancels the open check-ins of the active period that the pause or end closes.</summary>
    public Task StoppedAsync(Match match, DateOnly on, CancellationToken ct) =>
        RaiseAsync(MentoringFollowUps.MatchStopped, match.ParticipantId, match.EnrolmentId, on, MentoringFollowUps.CheckInSubject(match.Id, match.ActiveSince), ct);

    /// <summary>The follow-up at the internship's last day (<see cref="Internship.LastDay"/>).</summary>
    public Task InternshipPlannedAsync(Internship internship, CancellationToken ct) =>
        RaiseAsync(MentoringFollowUps.InternshipEnding, internship.ParticipantId, internship.EnrolmentId, internship.LastDay, MentoringFollowUps.InternshipSubject(internship.Id, internship.LastDay), ct);

    /// <summary>The last day moved from <paramref name="previousLastDay"/>: cancels the follow-up of the old day and plans the one of the new day.</summary>
    public async Task InternshipEndMovedAsync(Internship internship, DateOnly previousLastDay, DateOnly today, CancellationToken ct)
    {
        if (previousLastDay == internship.LastDay)
        {
            return;
        }

        await RaiseAsync(MentoringFollowUps.InternshipEndMoved, internship.ParticipantId, internship.EnrolmentId, today, MentoringFollowUps.InternshipSubject(internship.Id, previousLastDay), ct);
        await InternshipPlannedAsync(internship, ct);
    }

    private async Task RaiseAsync(string name, Guid participantId, Guid enrolmentId, DateOnly on, string subject, CancellationToken ct)
    {
        try
        {
            await events.RaiseAsync(new FollowUpEvent(name, participantId, on, MentoringModule.Id, enrolmentId, subject), ct);
        }
        catch (ArgumentException e)
        {
            // The participant left the tenant's records (merged away) after the check: the record stands, the follow-up does not.
            logger.LogWarning(e, "Follow-up event {Event} for subject {Subject} not raised", name, subject);
        }
    }
}
