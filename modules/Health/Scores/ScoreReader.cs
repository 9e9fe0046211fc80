using Integration.Abstractions.Participants;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Scores;

/// <summary>
/// Reads WHO-5 results for users with <c>health.read</c>: only of participants whose consent for health data is in
/// force today, and each participant whose results are handed out is read through the participant directory, which
/// writes the read to the host's audit log under the module's name.
/// </summary>
internal sealed class ScoreReader(HealthDbContext db, HealthConsent consent, IParticipantDirectory participants)
{
    /// <summary>The participant's results, or null when there is no such participant in the tenant.</summary>
    public async Task<ParticipantScoresResponse?> ForParticipantAsync(Guid participantId, CancellationToken ct)
    {
        var participant = await participants.FindAsync(participantId, HealthModule.Id, ct);
        if (participant is null)
        {
            return null;
        }

        if (!await consent.InForceTodayAsync(participant.Id, ct))
        {
            return new ParticipantScoresResponse(participant.Id, false, []);
        }

        var scores = await db.Scores.AsNoTracking().Where(s => s.ParticipantId == participant.Id).ToListAsync(ct);
        return new ParticipantScoresResponse(participant.Id, true, await ResultsAsync(scores, ct));
    }

    public async Task<CourseScoresResponse> ForCourseAsync(Course course, CancellationToken ct)
    {
        var scores = await db.Scores.AsNoTracking().Where(s => s.CourseId == course.Id).ToListAsync(ct);
        var allowed = await consent.InForceTodayAsync(scores.Select(s => s.ParticipantId), ct);
        foreach (var participantId in allowed)
        {
            await participants.FindAsync(participantId, HealthModule.Id, ct);
        }

        return new CourseScoresResponse(course.Id, course.Name, await ResultsAsync(scores.Where(s => allowed.Contains(s.ParticipantId)).ToList(), ct));
    }

    /// <summary>The participant's scores whose consent is in force today, for the register extract.</summary>
    public async Task<IReadOnlyList<CourseResultResponse>> InForceAsync(Guid participantId, CancellationToken ct) =>
        await consent.InForceTodayAsync(participantId, ct)
            ? await ResultsAsync(await db.Scores.AsNoTracking().Where(s => s.ParticipantId == participantId).ToListAsync(ct), ct)
            : [];

    private async Task<List<CourseResultResponse>> ResultsAsync(List<Who5Score> scores, CancellationToken ct)
    {
        var scoreIds = scores.Select(s => s.Id).ToList();
        var courseIds = scores.Select(s => s.CourseId).Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => scoreIds.Contains(c.ScoreId)).ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return scores
            .GroupBy(s => (s.CourseId, s.ParticipantId))
            .OrderByDescending(g => courses[g.Key.CourseId].StartDate).ThenBy(g => g.Key.ParticipantId)
            .Select(g =>
            {
                var start = g.FirstOrDefault(s => s.Point == MeasurementPoint.Start);
                var end = g.FirstOrDefault(s => s.Point == MeasurementPoint.End);
                int? change = start is not null && end is not null ? Who5.Change(start.Items(), end.Items()) : null;
                return new CourseResultResponse(
                    g.Key.CourseId,
                    courses[g.Key.CourseId].Name,
                    g.Key.ParticipantId,
                    start is null ? null : ScoreResponse.From(start, conversations),
                    end is null ? null : ScoreResponse.From(end, conversations),
                    change,
                    change is { } c ? Who5.IsClinicallyRelevant(c) : null);
            })
            .ToList();
    }
}
