using System.Runtime.CompilerServices;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Rollups;
using Integration.Modules.BusinessSchool.Cohorts;
using Integration.Modules.BusinessSchool.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Rollups;

/// <summary>
/// The module's part of the rollups, for the programme's records (members, companies and meetings carry the programme of
/// the enrolment they were recorded under). One fact per participant and cohort that ended in the period, per company
/// registered in it, per twelve-month check in it that found the company active, and per advice meeting in it; the host
/// splits them by gender and age band.
/// </summary>
internal sealed class SchoolRollup(SchoolDbContext db) : IRollupContributor
{
    public const string CompletionRate = BusinessSchoolModule.Id + ".completion-rate";
    public const string Completed = BusinessSchoolModule.Id + ".completed";
    public const string CompaniesStarted = BusinessSchoolModule.Id + ".companies-started";
    public const string ActiveAtTwelveMonths = BusinessSchoolModule.Id + ".companies-active-12-months";
    public const string AdviceMeetings = BusinessSchoolModule.Id + ".advice-meetings";

    public string ModuleId => BusinessSchoolModule.Id;

    public IReadOnlyList<RollupMeasure> Measures { get; } =
    [
        new(CompletionRate, new LocalizedText("Andel som fullföljt kursomgången (närvaro minst 75 %)", "Share who completed the cohort (attended at least 75 %)"), RollupAggregation.Share),
        new(Completed, new LocalizedText("Fullföljt kursomgången (närvaro minst 75 %)", "Completed the cohort (attended at least 75 %)"), RollupAggregation.Count),
        new(CompaniesStarted, new LocalizedText("Startade företag (registrerade)", "Companies started (registered)"), RollupAggregation.Count),
        new(ActiveAtTwelveMonths, new LocalizedText("Företag aktiva efter 12 månader", "Companies active at 12 months"), RollupAggregation.Count),
        new(AdviceMeetings, new LocalizedText("Rådgivningsmöten", "Advice meetings"), RollupAggregation.Count),
    ];

    public async IAsyncEnumerable<RollupFact> GetFactsAsync(RollupScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool InScope(Guid participant, Guid programme) =>
            (scope.ProgrammeId is null || scope.ProgrammeId == programme) && (scope.ParticipantIds is null || scope.ParticipantIds.Contains(participant));

        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.EndDate >= scope.From && c.EndDate <= scope.To).Select(c => c.Id).ToListAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => cohorts.Contains(m.CohortId)).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => cohorts.Contains(s.CohortId)).GroupBy(s => s.CohortId)
            .Select(g => new { CohortId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);
        var present = (await db.Attendance.AsNoTracking()
                .Where(a => a.Status == AttendanceStatus.Present)
                .Join(db.Sessions.Where(s => cohorts.Contains(s.CohortId)), a => a.SessionId, s => s.Id, (a, s) => new { s.CohortId, a.ParticipantId })
                .ToListAsync(cancellationToken))
            .GroupBy(a => (a.CohortId, a.ParticipantId)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var member in members.Where(m => InScope(m.ParticipantId, m.ProgrammeId) && sessions.ContainsKey(m.CohortId)))
        {
            var completed = Completion.Completed(present.GetValueOrDefault((member.CohortId, member.ParticipantId)), sessions[member.CohortId]);
            yield return new RollupFact(CompletionRate, completed ? 1 : 0, member.ParticipantId);
            if (completed)
            {
                yield return new RollupFact(Completed, 1, member.ParticipantId);
            }
        }

        var companies = await db.Companies.AsNoTracking().Where(c => c.Status == CompanyStatus.Registered).ToListAsync(cancellationToken);
        companies = companies.Where(c => InScope(c.ParticipantId, c.ProgrammeId)).ToList();
        foreach (var company in companies.Where(c => c.RegisteredOn >= scope.From && c.RegisteredOn <= scope.To))
        {
            yield return new RollupFact(CompaniesStarted, 1, company.ParticipantId);
        }

        var ids = companies.Select(c => c.Id).ToList();
        var active = await db.CompanyChecks.AsNoTracking()
            .Where(c => c.Point == CheckPoint.TwelveMonths && c.Active && c.CheckedOn >= scope.From && c.CheckedOn <= scope.To && ids.Contains(c.CompanyId))
            .Select(c => c.ParticipantId).ToListAsync(cancellationToken);
        foreach (var participant in active)
        {
            yield return new RollupFact(ActiveAtTwelveMonths, 1, participant);
        }

        var meetings = await db.AdviceMeetings.AsNoTracking().Where(m => m.Date >= scope.From && m.Date <= scope.To)
            .Select(m => new { m.ParticipantId, m.ProgrammeId }).ToListAsync(cancellationToken);
        foreach (var meeting in meetings.Where(m => InScope(m.ParticipantId, m.ProgrammeId)))
        {
            yield return new RollupFact(AdviceMeetings, 1, meeting.ParticipantId);
        }
    }
}
