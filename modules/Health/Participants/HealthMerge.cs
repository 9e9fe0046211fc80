using Integration.Abstractions.Participants;
using Integration.Modules.Health.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Participants;

/// <summary>
/// Moves a merged duplicate's course places, attendance, scores and conversations to the surviving record. Where both
/// records have the same row (a place on the same course, attendance at the same session, a score at the same point),
/// the survivor's is kept and the duplicate's removed; conversations about a removed score move to the survivor's.
/// </summary>
internal sealed class HealthMerge(HealthDbContext db) : IParticipantMergeHandler
{
    public string ModuleId => HealthModule.Id;

    public async Task<int> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var ids = new[] { survivorId, duplicateId };
        var places = await db.CoursePlaces.Where(p => ids.Contains(p.ParticipantId)).ToListAsync(cancellationToken);
        var attendance = await db.Attendance.Where(a => ids.Contains(a.ParticipantId)).ToListAsync(cancellationToken);
        var scores = await db.Scores.Where(s => ids.Contains(s.ParticipantId)).ToListAsync(cancellationToken);
        var conversations = await db.Conversations.Where(c => c.ParticipantId == duplicateId).ToListAsync(cancellationToken);

        // Which of the survivor's rows takes the place of each of the duplicate's, worked out before anything is
        // removed: removing a row at once removes the tracked rows that still hang off it (EF Core's cascade).
        var placeFor = places.Where(p => p.ParticipantId == duplicateId).ToDictionary(
            p => p.Id, p => places.FirstOrDefault(s => s.ParticipantId == survivorId && s.CourseId == p.CourseId));
        var scoreFor = scores.Where(s => s.ParticipantId == duplicateId).ToDictionary(
            s => s.Id, s => scores.FirstOrDefault(k => k.ParticipantId == survivorId && k.CourseId == s.CourseId && k.Point == s.Point));

        var moved = 0;
        foreach (var conversation in conversations)
        {
            conversation.ParticipantId = survivorId;
            conversation.ScoreId = scoreFor.GetValueOrDefault(conversation.ScoreId)?.Id ?? conversation.ScoreId;
            moved++;
        }

        foreach (var score in scores.Where(s => s.ParticipantId == duplicateId))
        {
            moved += Move(score, scoreFor[score.Id], s =>
            {
                s.ParticipantId = survivorId;
                s.PlaceId = placeFor.GetValueOrDefault(s.PlaceId)?.Id ?? s.PlaceId;
            });
        }

        foreach (var row in attendance.Where(a => a.ParticipantId == duplicateId))
        {
            moved += Move(row, attendance.FirstOrDefault(a => a.ParticipantId == survivorId && a.SessionId == row.SessionId), a => a.ParticipantId = survivorId);
        }

        foreach (var place in places.Where(p => p.ParticipantId == duplicateId))
        {
            moved += Move(place, placeFor[place.Id], p => p.ParticipantId = survivorId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    /// <summary>Moves the duplicate's row, or removes it when the survivor already has its own.</summary>
    private int Move<T>(T row, T? survivors, Action<T> move)
        where T : class
    {
        if (survivors is not null)
        {
            db.Remove(row);
            return 0;
        }

        move(row);
        return 1;
    }
}
