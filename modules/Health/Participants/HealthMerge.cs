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

        var moved = 0;
        var placeFor = new Dictionary<Guid, Guid>();
        foreach (var place in places.Where(p => p.ParticipantId == duplicateId))
        {
            var kept = places.FirstOrDefault(p => p.ParticipantId == survivorId && p.CourseId == place.CourseId);
            placeFor[place.Id] = kept?.Id ?? place.Id;
            moved += Move(place, kept, p => p.ParticipantId = survivorId);
        }

        foreach (var row in attendance.Where(a => a.ParticipantId == duplicateId))
        {
            moved += Move(row, attendance.FirstOrDefault(a => a.ParticipantId == survivorId && a.SessionId == row.SessionId), a => a.ParticipantId = survivorId);
        }

        var scoreFor = new Dictionary<Guid, Guid>();
        foreach (var score in scores.Where(s => s.ParticipantId == duplicateId))
        {
            var kept = scores.FirstOrDefault(s => s.ParticipantId == survivorId && s.CourseId == score.CourseId && s.Point == score.Point);
            scoreFor[score.Id] = kept?.Id ?? score.Id;
            moved += Move(score, kept, s =>
            {
                s.ParticipantId = survivorId;
                s.PlaceId = placeFor.GetValueOrDefault(s.PlaceId, s.PlaceId);
            });
        }

        foreach (var conversation in conversations)
        {
            conversation.ParticipantId = survivorId;
            conversation.ScoreId = scoreFor.GetValueOrDefault(conversation.ScoreId, conversation.ScoreId);
            moved++;
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
