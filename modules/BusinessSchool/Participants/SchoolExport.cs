using Integration.Abstractions.Participants;
using Integration.Modules.BusinessSchool.Advice;
using Integration.Modules.BusinessSchool.BusinessPlans;
using Integration.Modules.BusinessSchool.Companies;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Participants;

/// <summary>
/// The module's part of a participant's register extract: cohorts and attendance, advice meetings, milestones, and
/// companies with their checks (a sole trader's organisation number is the owner's personnummer, so it is theirs).
/// </summary>
internal sealed class SchoolExport(SchoolDbContext db) : IParticipantDataExporter
{
    public string ModuleId => BusinessSchoolModule.Id;

    public async Task<object?> ExportAsync(Guid participantId, CancellationToken cancellationToken)
    {
        var cohorts = await (from member in db.Members.AsNoTracking()
                             join cohort in db.Cohorts.AsNoTracking() on member.CohortId equals cohort.Id
                             join course in db.Courses.AsNoTracking() on cohort.CourseId equals course.Id
                             where member.ParticipantId == participantId
                             orderby cohort.StartDate
                             select new SchoolExportCohort(cohort.Id, course.Name, cohort.Name, cohort.StartDate, cohort.EndDate, member.AddedAt))
            .ToListAsync(cancellationToken);
        var attendance = await (from row in db.Attendance.AsNoTracking()
                                join session in db.Sessions.AsNoTracking() on row.SessionId equals session.Id
                                where row.ParticipantId == participantId
                                orderby session.Date
                                select new { session.Id, session.CohortId, session.Date, session.Topic, row.Status, row.Minutes })
            .ToListAsync(cancellationToken);
        var meetings = await db.AdviceMeetings.AsNoTracking().Where(m => m.ParticipantId == participantId).OrderBy(m => m.Date).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ParticipantId == participantId).OrderBy(m => m.Kind).ToListAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var checks = (await db.CompanyChecks.AsNoTracking().Where(c => c.ParticipantId == participantId).ToListAsync(cancellationToken)).ToLookup(c => c.CompanyId);
        if (cohorts.Count == 0 && attendance.Count == 0 && meetings.Count == 0 && milestones.Count == 0 && companies.Count == 0)
        {
            return null;
        }

        return new SchoolExportData(
            cohorts,
            attendance.Select(a => new SchoolExportAttendance(a.Id, a.CohortId, a.Date, EnumText.Of(a.Topic), EnumText.Of(a.Status), FieldRules.ToHours(a.Minutes))).ToList(),
            meetings.Select(AdviceMeetingResponse.From).ToList(),
            milestones.Select(m => new MilestoneResponse(EnumText.Of(m.Kind), m.ReachedOn, m.Note)).ToList(),
            companies.Select(c => CompanyResponse.From(c, checks[c.Id])).ToList());
    }
}

/// <summary>The business school's records of one participant, for their register extract.</summary>
public sealed record SchoolExportData(
    IReadOnlyList<SchoolExportCohort> Cohorts,
    IReadOnlyList<SchoolExportAttendance> Attendance,
    IReadOnlyList<AdviceMeetingResponse> AdviceMeetings,
    IReadOnlyList<MilestoneResponse> Milestones,
    IReadOnlyList<CompanyResponse> Companies);

/// <summary>A cohort the participant was in.</summary>
public sealed record SchoolExportCohort(Guid CohortId, string Course, string Cohort, DateOnly StartDate, DateOnly EndDate, DateTime AddedAt);

/// <summary>The participant's attendance at one session.</summary>
public sealed record SchoolExportAttendance(Guid SessionId, Guid CohortId, DateOnly Date, string Topic, string Status, decimal Hours);
