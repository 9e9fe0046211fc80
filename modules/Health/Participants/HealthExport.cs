using Integration.Abstractions.Participants;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.Http;
using Integration.Modules.Health.Scores;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Participants;

/// <summary>
/// The module's part of a participant's register extract: course places, attendance, and the WHO-5 results and
/// conversations while the consent for health data is in force. Health data, so the host includes it only for a user
/// with <c>health.read</c> who asks for sensitive data.
/// </summary>
internal sealed class HealthExport(HealthDbContext db, IParticipantDirectory participants, ScoreReader scores) : IParticipantDataExporter
{
    public string ModuleId => HealthModule.Id;

    public string? SensitivePermission => HealthModule.ReadPermission;

    public async Task<object?> ExportAsync(Guid participantId, CancellationToken cancellationToken)
    {
        // The directory's read writes the module's own audit entry for the extract.
        var participant = await participants.FindAsync(participantId, HealthModule.Id, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var id = participant.Id;

        var places = await (from place in db.CoursePlaces.AsNoTracking()
                            join course in db.Courses.AsNoTracking() on place.CourseId equals course.Id
                            where place.ParticipantId == id
                            orderby course.StartDate
                            select new HealthExportCourse(course.Id, course.Name, course.StartDate, course.EndDate, place.AddedAt))
            .ToListAsync(cancellationToken);
        var attendance = await (from row in db.Attendance.AsNoTracking()
                                join session in db.Sessions.AsNoTracking() on row.SessionId equals session.Id
                                where row.ParticipantId == id
                                orderby session.Date
                                select new { session.Id, session.Kind, session.CourseId, session.Date, session.Topic, session.Activity, row.Status })
            .ToListAsync(cancellationToken);
        var results = await scores.InForceAsync(id, cancellationToken);
        if (places.Count == 0 && attendance.Count == 0 && results.Count == 0)
        {
            return null;
        }

        return new HealthExportData(
            places,
            attendance.Select(a => new HealthExportAttendance(
                a.Id, EnumText.Of(a.Kind), a.CourseId, a.Date, a.Topic is { } t ? EnumText.Of(t) : null, a.Activity is { } x ? EnumText.Of(x) : null, EnumText.Of(a.Status))).ToList(),
            results);
    }
}

/// <summary>The health module's records of one participant, for their register extract.</summary>
public sealed record HealthExportData(IReadOnlyList<HealthExportCourse> Courses, IReadOnlyList<HealthExportAttendance> Attendance, IReadOnlyList<CourseResultResponse> Who5);

/// <summary>A course the participant was placed on.</summary>
public sealed record HealthExportCourse(Guid CourseId, string Name, DateOnly StartDate, DateOnly EndDate, DateTime AddedAt);

/// <summary>The participant's attendance at one session.</summary>
public sealed record HealthExportAttendance(Guid SessionId, string Kind, Guid? CourseId, DateOnly Date, string? Topic, string? Activity, string Status);
