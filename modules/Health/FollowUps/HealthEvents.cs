using Integration.Abstractions.FollowUps;
using Integration.Modules.Health.Data;
using Microsoft.Extensions.Logging;

namespace Integration.Modules.Health.FollowUps;

/// <summary>
/// Raises the module's follow-up events. Called after the module's own save (the host saves follow-ups in its own
/// transaction, and on SQLite a module transaction left open would wait for the host's write lock); raising an event
/// twice creates nothing new, so a retry is harmless.
/// </summary>
internal sealed class HealthEvents(IFollowUpEvents events, ILogger<HealthEvents> logger)
{
    /// <summary>A start score was recorded: the end measurement becomes due on the course's last day.</summary>
    public Task ReMeasureDueAsync(CoursePlace place, DateOnly endDate, CancellationToken ct) =>
        RaiseAsync(HealthFollowUps.CourseFinalWeek, place, endDate.AddDays(-HealthFollowUps.ReMeasureDaysBeforeEnd), HealthFollowUps.ReMeasureSubject(place.Id, endDate), ct);

    /// <summary>No end measurement to remind of any more for this end date.</summary>
    public Task ReMeasuredAsync(CoursePlace place, DateOnly endDate, DateOnly today, CancellationToken ct) =>
        RaiseAsync(HealthFollowUps.ReMeasured, place, today, HealthFollowUps.ReMeasureSubject(place.Id, endDate), ct);

    public Task FlaggedAsync(CoursePlace place, Who5Score score, CancellationToken ct) =>
        RaiseAsync(HealthFollowUps.Flagged, place, score.MeasuredOn, HealthFollowUps.ConversationSubject(score.Id), ct);

    public Task ConversationRecordedAsync(CoursePlace place, Guid scoreId, DateOnly on, CancellationToken ct) =>
        RaiseAsync(HealthFollowUps.ConversationRecorded, place, on, HealthFollowUps.ConversationSubject(scoreId), ct);

    private async Task RaiseAsync(string name, CoursePlace place, DateOnly on, string subject, CancellationToken ct)
    {
        try
        {
            await events.RaiseAsync(new FollowUpEvent(name, place.ParticipantId, on, HealthModule.Id, place.EnrolmentId, subject), ct);
        }
        catch (ArgumentException e)
        {
            // The participant left the tenant's records (merged away) after the check: the record stands, the reminder does not.
            logger.LogWarning(e, "Follow-up event {Event} for course place {PlaceId} not raised", name, place.Id);
        }
    }
}
