using Integration.Abstractions.Participants;
using Integration.Modules.BusinessSchool.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Participants;

/// <summary>
/// Moves a merged duplicate's cohort places, attendance, advice meetings, milestones, companies and checks to the
/// surviving record. Where both records have the same row (a place in the same cohort, attendance at the same session,
/// the same milestone) the survivor's stays (taking the earlier day of a milestone) and the duplicate's is removed.
/// Running it again moves nothing.
/// </summary>
internal sealed class SchoolMerge(SchoolDbContext db) : IParticipantMergeHandler
{
    public string ModuleId => BusinessSchoolModule.Id;

    public async Task<int> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken cancellationToken)
    {
        var ids = new[] { survivorId, duplicateId };
        var moved = 0;

        var members = await db.Members.Where(m => ids.Contains(m.ParticipantId)).ToListAsync(cancellationToken);
        foreach (var member in members.Where(m => m.ParticipantId == duplicateId))
        {
            moved += Move(member, members.Any(m => m.ParticipantId == survivorId && m.CohortId == member.CohortId), m => m.ParticipantId = survivorId);
        }

        var attendance = await db.Attendance.Where(a => ids.Contains(a.ParticipantId)).ToListAsync(cancellationToken);
        foreach (var row in attendance.Where(a => a.ParticipantId == duplicateId))
        {
            moved += Move(row, attendance.Any(a => a.ParticipantId == survivorId && a.SessionId == row.SessionId), a => a.ParticipantId = survivorId);
        }

        var milestones = await db.Milestones.Where(m => ids.Contains(m.ParticipantId)).ToListAsync(cancellationToken);
        foreach (var milestone in milestones.Where(m => m.ParticipantId == duplicateId))
        {
            var kept = milestones.FirstOrDefault(m => m.ParticipantId == survivorId && m.Kind == milestone.Kind);
            if (kept is not null && milestone.ReachedOn < kept.ReachedOn)
            {
                kept.ReachedOn = milestone.ReachedOn;
            }

            moved += Move(milestone, kept is not null, m => m.ParticipantId = survivorId);
        }

        foreach (var meeting in await db.AdviceMeetings.Where(m => m.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            meeting.ParticipantId = survivorId;
            moved++;
        }

        foreach (var company in await db.Companies.Where(c => c.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            company.ParticipantId = survivorId;
            moved++;
        }

        foreach (var check in await db.CompanyChecks.Where(c => c.ParticipantId == duplicateId).ToListAsync(cancellationToken))
        {
            check.ParticipantId = survivorId;
            moved++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    /// <summary>Moves the duplicate's row, or removes it when the survivor has its own.</summary>
    private int Move<T>(T row, bool survivorHasOne, Action<T> move)
        where T : class
    {
        if (survivorHasOne)
        {
            db.Remove(row);
            return 0;
        }

        move(row);
        return 1;
    }
}
