using Integration.Abstractions.Participants;
using Integration.Host.Data;
using Integration.Host.Participants;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Enrolments;

/// <summary>
/// Keeps one <see cref="Participation"/> per participant and programme, as ESF+ counts people: created at the first
/// enrolment with the participant's situation at that moment, first start and last exit over all their enrolments in
/// the programme, however often they leave and come back.
/// </summary>
public sealed class ParticipationTracker(IntegrationDbContext db)
{
    /// <summary>Brings the participation up to date with the tracked enrolments (call before saving).</summary>
    public async Task UpdateAsync(Participant participant, Guid programmeId, CancellationToken ct)
    {
        var participation = db.Participations.Local.FirstOrDefault(p => p.ParticipantId == participant.Id && p.ProgrammeId == programmeId)
            ?? await db.Participations.FirstOrDefaultAsync(p => p.ParticipantId == participant.Id && p.ProgrammeId == programmeId, ct);
        if (participation is null)
        {
            participation = new Participation { Id = Guid.NewGuid(), ParticipantId = participant.Id, ProgrammeId = programmeId, Entry = participant.Current.Copy() };
            db.Participations.Add(participation);
        }

        var saved = await db.Enrolments.Where(e => e.ParticipantId == participant.Id && e.ProgrammeId == programmeId).ToListAsync(ct);
        var enrolments = saved.Concat(db.Enrolments.Local.Where(e => e.ParticipantId == participant.Id && e.ProgrammeId == programmeId))
            .DistinctBy(e => e.Id)
            .ToList();
        // Only enrolments that started count: a referral that was dropped before it began is no participation.
        var started = enrolments.Where(e => e.StartDate is not null).ToList();
        participation.FirstStart = started.Select(e => e.StartDate).Min();
        participation.LastExit = started.Count > 0 && started.All(e => e.Status == EnrolmentStatus.Exited)
            ? started.Max(e => e.ExitDate)
            : null;
        participation.Version++;
    }
}
