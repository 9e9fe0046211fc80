using Integration.Modules.Health.Data;
using Integration.Modules.Health.FollowUps;
using Integration.Modules.Health.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Privacy;

/// <summary>
/// Removes a participant's health data (WHO-5 scores and the conversations about them) and cancels the reminders that
/// were about them. Course places and attendance stay: they record taking part in health promotion, not health.
/// Idempotent: a second run finds nothing.
/// </summary>
internal sealed class HealthDataEraser(HealthDbContext db, HealthEvents events, TimeProvider clock)
{
    /// <returns>How many scores were removed.</returns>
    public async Task<int> EraseAsync(Guid participantId, CancellationToken ct)
    {
        var scores = await db.Scores.AsNoTracking().Where(s => s.ParticipantId == participantId).ToListAsync(ct);
        if (scores.Count == 0)
        {
            // Conversations hang off scores; none can be left without one.
            return 0;
        }

        var placeIds = scores.Select(s => s.PlaceId).Distinct().ToList();
        var places = await db.CoursePlaces.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var courseIds = places.Values.Select(p => p.CourseId).Distinct().ToList();
        var endDates = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.EndDate, ct);

        await db.Conversations.Where(c => c.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        var removed = await db.Scores.Where(s => s.ParticipantId == participantId).ExecuteDeleteAsync(ct);

        var today = clock.Today();
        foreach (var score in scores)
        {
            var place = places[score.PlaceId];
            await events.ConversationRecordedAsync(place, score.Id, today, ct);
            if (score.Point == MeasurementPoint.Start)
            {
                await events.ReMeasuredAsync(place, endDates[place.CourseId], today, ct);
            }
        }

        return removed;
    }
}
