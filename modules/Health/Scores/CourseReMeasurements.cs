using Integration.Modules.Health.Data;
using Integration.Modules.Health.FollowUps;
using Integration.Modules.Health.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Scores;

/// <summary>A course's end date moved: the re-measurement follow-ups still open move with it.</summary>
internal sealed class CourseReMeasurements(HealthDbContext db, HealthEvents events, TimeProvider clock)
{
    public async Task MoveAsync(Course course, DateOnly previousEnd, CancellationToken ct)
    {
        var scores = await db.Scores.AsNoTracking().Where(s => s.CourseId == course.Id).Select(s => new { s.PlaceId, s.Point }).ToListAsync(ct);
        var waiting = scores.GroupBy(s => s.PlaceId)
            .Where(g => g.Any(s => s.Point == MeasurementPoint.Start) && g.All(s => s.Point != MeasurementPoint.End))
            .Select(g => g.Key)
            .ToList();
        var places = await db.CoursePlaces.AsNoTracking().Where(p => waiting.Contains(p.Id)).ToListAsync(ct);
        foreach (var place in places)
        {
            await events.ReMeasuredAsync(place, previousEnd, clock.Today(), ct);
            await events.ReMeasureDueAsync(place, course.EndDate, ct);
        }
    }
}
