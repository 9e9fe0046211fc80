using Integration.Abstractions.Participants;
using Integration.Modules.BusinessSchool.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Companies;

/// <summary>
/// What registering a company does besides storing it: the self-employed outcome in the participant's record (through
/// the contract, once per company) and the business plan's <c>registered</c> milestone.
/// </summary>
internal sealed class CompanyRegistration(SchoolDbContext db, IOutcomeRecorder outcomes, TimeProvider clock)
{
    public const int NoteLength = 500;

    /// <summary>
    /// For a registered company without an outcome: records it and stages the milestone (saved with the company).
    /// Returns the host's reason when it refused the outcome; then nothing is recorded.
    /// </summary>
    public async Task<string?> RegisteredAsync(Company company, CancellationToken ct)
    {
        if (company.Status != CompanyStatus.Registered || company.OutcomeId is not null || company.RegisteredOn is not { } on)
        {
            return null;
        }

        var note = $"Företag registrerat: {company.Name}";
        try
        {
            company.OutcomeId = await outcomes.RecordAsync(new OutcomeToRecord(
                company.ParticipantId, OutcomeType.SelfEmployed, null, on, OutcomeSource.CaseWorkerVerified, BusinessSchoolModule.Id, company.EnrolmentId,
                note.Length > NoteLength ? note[..NoteLength] : note), ct);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.ParticipantId == company.ParticipantId && m.Kind == MilestoneKind.Registered, ct);
        if (milestone is null)
        {
            db.Milestones.Add(new Milestone
            {
                Id = Guid.NewGuid(), ParticipantId = company.ParticipantId, EnrolmentId = company.EnrolmentId, ProgrammeId = company.ProgrammeId,
                Kind = MilestoneKind.Registered, ReachedOn = on, RecordedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        else if (milestone.ReachedOn > on)
        {
            milestone.ReachedOn = on;
        }

        return null;
    }
}
