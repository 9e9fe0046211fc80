using Integration.Abstractions.Participants;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;
using Integration.Modules.Mentoring.Internships;
using Integration.Modules.Mentoring.Matches;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Participants;

/// <summary>The module's part of a participant's register extract: wishes, matches (with the mentor's name), meetings, goals and internships.</summary>
internal sealed class MentoringExport(MentoringDbContext db, TimeProvider clock) : IParticipantDataExporter
{
    public string ModuleId => MentoringModule.Id;

    public async Task<object?> ExportAsync(Guid participantId, CancellationToken cancellationToken)
    {
        var preferences = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participantId, cancellationToken);
        var matches = await db.Matches.AsNoTracking().Where(m => m.ParticipantId == participantId).OrderBy(m => m.StartDate).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ParticipantId == participantId).OrderBy(m => m.Date).ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking().Include(g => g.Updates).Where(g => g.ParticipantId == participantId).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        var internships = await db.Internships.AsNoTracking().Where(i => i.ParticipantId == participantId).OrderBy(i => i.StartDate).ToListAsync(cancellationToken);
        if (preferences is null && matches.Count == 0 && meetings.Count == 0 && goals.Count == 0 && internships.Count == 0)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new MentoringExportData(
            preferences is null ? null : new MentoringExportPreferences(
                preferences.SectorWishes.Select(EnumText.Of).ToList(),
                preferences.PreferredMentorGender is { } g ? EnumText.Of(g) : null,
                preferences.PreferredMentorKind is { } k ? EnumText.Of(k) : null,
                preferences.Note),
            await MatchEndpoints.ResponsesAsync(db, matches, cancellationToken),
            meetings.Select(MeetingResponse.From).ToList(),
            goals.Select(GoalResponse.From).ToList(),
            await InternshipEndpoints.ResponsesAsync(db, internships, today, cancellationToken));
    }
}

/// <summary>The mentoring module's records of one participant, for their register extract.</summary>
public sealed record MentoringExportData(
    MentoringExportPreferences? Preferences,
    IReadOnlyList<MatchResponse> Matches,
    IReadOnlyList<MeetingResponse> Meetings,
    IReadOnlyList<GoalResponse> Goals,
    IReadOnlyList<InternshipResponse> Internships);

/// <summary>The participant's stored wishes of a mentor.</summary>
public sealed record MentoringExportPreferences(IReadOnlyList<string> SectorWishes, string? PreferredMentorGender, string? PreferredMentorKind, string? Note);
