using Integration.Abstractions.Participants;
using Integration.Modules.Mentoring.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Participants;

/// <summary>
/// Moves a merged duplicate's matches, meetings, goals, internships and wishes to the surviving record. Where both
/// records have wishes, the survivor's stay and the duplicate's are removed. Running it again moves nothing.
/// </summary>
internal sealed class MentoringMerge(MentoringDbContext db) : IParticipantMergeHandler
{
    public string ModuleId => MentoringModule.Id;

    public async Task<int> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var match in await db.Matches.Where(m => m.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            match.ParticipantId = survivorId;
            moved++;
        }

        foreach (var meeting in await db.Meetings.Where(m => m.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            meeting.ParticipantId = survivorId;
            moved++;
        }

        foreach (var goal in await db.Goals.Where(g => g.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            goal.ParticipantId = survivorId;
            moved++;
        }

        foreach (var internship in await db.Internships.Where(i => i.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            internship.ParticipantId = survivorId;
            moved++;
        }

        var preferences = await db.Preferences.Where(p => p.ParticipantId == duplicateId || p.ParticipantId == survivorId).ToListAsync(cancellationToken);
        if (preferences.FirstOrDefault(p => p.ParticipantId == duplicateId) is { } theirs)
        {
            if (preferences.Any(p => p.ParticipantId == survivorId))
            {
                db.Preferences.Remove(theirs);
            }
            else
            {
                theirs.ParticipantId = survivorId;
                theirs.Version++;
                moved++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }
}
