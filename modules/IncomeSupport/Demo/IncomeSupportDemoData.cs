using Integration.Abstractions.Demo;
using Integration.Abstractions.Participants;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.FollowUps;
using Integration.Modules.IncomeSupport.Http;
using Integration.Modules.IncomeSupport.Pathways;
using Integration.Modules.IncomeSupport.Settings;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Demo;

/// <summary>
/// The module's demo data for a programme: a pathway for each participant who started, from a first application around
/// the start, with months of support (waiting for the establishment benefit, unemployment, insufficient income), then
/// months without for most, a relapse for some; SFI, internships, work and education in the plan; language, childcare
/// and other barriers. Outcomes and reviews follow as through the endpoints. Every choice comes from the seed.
/// </summary>
internal sealed class IncomeSupportDemoData(IncomeSupportDbContext db, PathwayState state, PathwayEvents events, SettingsReader settings, TimeProvider clock)
    : IDemoDataContributor
{
    private static readonly BarrierKind[] BarrierKinds = [BarrierKind.Language, BarrierKind.Language, BarrierKind.Childcare, BarrierKind.Health, BarrierKind.Housing, BarrierKind.WorkExperience, BarrierKind.Transport];

    public string ModuleId => IncomeSupportModule.Id;

    public async Task SeedAsync(DemoProgramme programme, CancellationToken cancellationToken)
    {
        var participants = programme.Enrolments.Select(e => e.ParticipantId).ToList();
        if (await db.Pathways.AnyAsync(p => participants.Contains(p.ParticipantId), cancellationToken))
        {
            return; // seeded before: the demo is the same each time, not doubled
        }

        var random = new Random(programme.Seed);
        var required = await settings.MonthsWithoutSupportAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var seeded = new List<(Pathway Pathway, List<MonthlyStatus> Months)>();
        var household = 0;
        // One pathway per participant: a re-entrant's pathway starts with the first spell in the module.
        var firstSpells = programme.Enrolments.Where(e => e.StartDate is not null && e.Status != EnrolmentStatus.Referred)
            .GroupBy(e => e.ParticipantId).Select(g => g.OrderBy(e => e.StartDate).First());
        foreach (var e in firstSpells)
        {
            var first = e.StartDate!.Value.AddDays(-random.Next(0, 120));
            household += random.Next(4) == 0 && household > 0 ? 0 : 1; // now and then two members of one household
            var pathway = new Pathway
            {
                Id = Guid.NewGuid(),
                ParticipantId = e.ParticipantId,
                EnrolmentId = e.EnrolmentId,
                HouseholdReference = $"HH-{programme.MunicipalityCode ?? "0000"}-{household:000}",
                FirstApplicationOn = first,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var months = Months(pathway, e, programme.Today, random, now);
            db.Pathways.Add(pathway);
            db.Months.AddRange(months);
            AddPlan(pathway, e, months, programme.Today, random, now);
            PathwayState.Apply(pathway, months, required);
            pathway.Cycle = 1;
            seeded.Add((pathway, months));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (pathway, months) in seeded)
        {
            await events.OpenedAsync(pathway, pathway.FirstApplicationOn, cancellationToken);
            if (pathway.SelfSufficientOn is not null)
            {
                await state.AfterSaveAsync(pathway, PathwayState.Change.Reached, months, cancellationToken);
            }
        }
    }

    /// <summary>Support paid for some months from the application, then none for most; a relapse now and then.</summary>
    private static List<MonthlyStatus> Months(Pathway pathway, DemoEnrolment e, DateOnly today, Random random, DateTime now)
    {
        var start = pathway.FirstApplicationOn.FirstOfMonth();
        var last = today.FirstOfMonth().AddMonths(-1);
        var paidMonths = e.ExitReason == ExitReason.Employment && e.ExitDate is { } exit
            ? Math.Max(1, ((exit.Year - start.Year) * 12) + exit.Month - start.Month)
            : random.Next(2, 22);
        var waiting = random.Next(3) == 0 ? random.Next(1, 3) : 0;
        var relapseAt = random.Next(6) == 0 ? paidMonths + random.Next(2, 4) : -1;
        var months = new List<MonthlyStatus>();
        var i = 0;
        for (var month = start; month <= last; month = month.AddMonths(1), i++)
        {
            var paid = i < paidMonths || i == relapseAt || i == relapseAt + 1;
            var reasons = !paid ? []
                : i < waiting ? [NeedReason.WaitingForEstablishmentBenefit]
                : i >= paidMonths ? [NeedReason.InsufficientIncome]
                : random.Next(8) == 0 ? [NeedReason.Unemployment, NeedReason.Illness]
                : i > paidMonths - 3 && random.Next(2) == 0 ? [NeedReason.InsufficientIncome]
                : new[] { NeedReason.Unemployment };
            months.Add(new MonthlyStatus { Id = Guid.NewGuid(), PathwayId = pathway.Id, Month = month, SupportPaid = paid, Reasons = Reasons.Bits(reasons), RecordedAt = now });
        }

        return months;
    }

    private void AddPlan(Pathway pathway, DemoEnrolment e, List<MonthlyStatus> months, DateOnly today, Random random, DateTime now)
    {
        var start = e.StartDate!.Value;
        Step(StepKind.Sfi, start, random.Next(2) == 0 ? start.AddMonths(random.Next(6, 13)) : null);
        if (random.Next(5) < 3)
        {
            var from = start.AddMonths(random.Next(2, 6));
            Step(StepKind.Internship, from, from.AddMonths(3));
        }

        var firstWithout = months.FirstOrDefault(m => !m.SupportPaid && months.Take(months.IndexOf(m)).Any(p => p.SupportPaid))?.Month;
        if (firstWithout is { } work)
        {
            Step(random.Next(4) == 0 ? StepKind.SubsidisedWork : StepKind.Work, work, null);
        }
        else if (random.Next(5) == 0)
        {
            Step(StepKind.Education, start.AddMonths(random.Next(3, 8)), null);
        }

        for (var n = random.Next(0, 3); n > 0; n--)
        {
            var identified = pathway.FirstApplicationOn.AddDays(random.Next(0, 60));
            var resolved = identified.AddDays(random.Next(30, 300));
            db.Barriers.Add(new PlanBarrier
            {
                Id = Guid.NewGuid(),
                PathwayId = pathway.Id,
                Kind = BarrierKinds[random.Next(BarrierKinds.Length)],
                IdentifiedOn = identified <= today ? identified : today,
                ResolvedOn = resolved <= today && random.Next(2) == 0 ? resolved : null,
                Version = 1,
                CreatedAt = now,
            });
        }

        void Step(StepKind kind, DateOnly from, DateOnly? to) => db.Steps.Add(new PlanStep
        {
            Id = Guid.NewGuid(), PathwayId = pathway.Id, Kind = kind, StartDate = from, EndDate = to, Version = 1, CreatedAt = now,
        });
    }
}
