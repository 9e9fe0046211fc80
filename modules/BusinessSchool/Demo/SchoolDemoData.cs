using Integration.Abstractions.Demo;
using Integration.Modules.BusinessSchool.Companies;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Demo;

/// <summary>
/// The module's demo data for a programme: three cohorts of the business school (one a year ago, one that ended this
/// season, one running) with weekly sessions and attendance, advice meetings with partner organisations, milestones,
/// and companies registered after the course (with their self-employed outcomes and 6/12-month checks). Every choice
/// comes from the programme's seed; a programme already seeded is left as it is.
/// </summary>
internal sealed class SchoolDemoData(SchoolDbContext db, CompanyRegistration registration, SchoolEvents events, TimeProvider clock) : IDemoDataContributor
{
    private const int Weeks = 8;
    private const int MaxCohort = 16;

    private static readonly BusinessTopic[] Topics =
    [
        BusinessTopic.BusinessIdea, BusinessTopic.BusinessPlan, BusinessTopic.Budget, BusinessTopic.Financing,
        BusinessTopic.Bookkeeping, BusinessTopic.FTaxAndVat, BusinessTopic.Permits, BusinessTopic.Marketing,
    ];

    private static readonly (string Name, string Industry, string Sni)[] Trades =
    [
        ("Catering", "Catering och matlådor", "56210"), ("Skrädderi", "Skrädderi och ändringssömnad", "14130"), ("Städ", "Städtjänster", "81210"),
        ("Frisör", "Frisörverksamhet", "96021"), ("Bygg", "Mindre byggarbeten", "43390"), ("Livs", "Livsmedelsbutik", "47110"),
        ("Transport", "Budtransporter", "53200"), ("Översättning", "Översättning och tolkning", "74300"),
    ];

    private static readonly PartnerOrganisation[] Partners =
        [PartnerOrganisation.Project, PartnerOrganisation.Almi, PartnerOrganisation.Bank, PartnerOrganisation.NyforetagarCentrum, PartnerOrganisation.MunicipalBusinessOffice, PartnerOrganisation.Skatteverket];

    private static readonly string[] NextSteps = ["Skriva klart affärsplanen.", "Göra en budget för första året.", "Boka möte med banken.", "Ansöka om F-skatt.", "Ta reda på vilka tillstånd som behövs."];

    public string ModuleId => BusinessSchoolModule.Id;

    public async Task SeedAsync(DemoProgramme programme, CancellationToken cancellationToken)
    {
        var name = $"Företagsskola – {programme.ProgrammeName}";
        name = name.Length > SchoolDbContext.TextLength ? name[..SchoolDbContext.TextLength] : name;
        var started = programme.Enrolments.Where(e => e.StartDate is not null).ToList();
        if (started.Count == 0 || await db.Courses.AnyAsync(c => c.Name == name, cancellationToken))
        {
            return;
        }

        var random = new Random(programme.Seed);
        var today = programme.Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var course = new Course { Id = Guid.NewGuid(), Name = name, Description = "Från affärsidé till registrerat företag: affärsplan, budget, F-skatt och moms, marknadsföring och tillstånd.", Version = 1, CreatedAt = now, UpdatedAt = now };
        db.Courses.Add(course);
        var placed = new HashSet<Guid>();
        var joined = new List<(CohortMember Member, Cohort Cohort, DemoEnrolment Enrolment)>();
        foreach (var (label, startDaysAgo) in new[] { ("Förra året", 420), ("I våras", 150), ("Nu", 20) })
        {
            var cohort = new Cohort
            {
                Id = Guid.NewGuid(), CourseId = course.Id, Name = label, StartDate = today.AddDays(-startDaysAgo), EndDate = today.AddDays(-startDaysAgo + (7 * (Weeks - 1))),
                Language = "sv", Place = "Näringslivshuset", Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            db.Cohorts.Add(cohort);
            var members = started
                .Where(e => !placed.Contains(e.ParticipantId) && e.StartDate <= cohort.StartDate.AddDays(7) && (e.ExitDate is null || e.ExitDate >= cohort.EndDate))
                .Take(MaxCohort).ToList();
            foreach (var enrolment in members)
            {
                placed.Add(enrolment.ParticipantId);
                var member = new CohortMember { Id = Guid.NewGuid(), CohortId = cohort.Id, ParticipantId = enrolment.ParticipantId, EnrolmentId = enrolment.EnrolmentId, ProgrammeId = programme.ProgrammeId, AddedAt = now.AddMicroseconds(joined.Count) };
                db.Members.Add(member);
                joined.Add((member, cohort, enrolment));
            }

            AddSessions(cohort, members, today, random, now);
        }

        foreach (var (member, cohort, enrolment) in joined)
        {
            AddAdvice(member, cohort, enrolment, today, random, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (member, cohort, enrolment) in joined.Where(j => j.Cohort.EndDate < today.AddDays(-30) && random.Next(100) < 30))
        {
            await AddCompanyAsync(member, cohort, enrolment, today, random, used, now, cancellationToken);
        }

        foreach (var (member, cohort, _) in joined)
        {
            await events.JoinedAsync(member, cohort.EndDate, cancellationToken);
        }
    }

    private void AddSessions(Cohort cohort, List<DemoEnrolment> members, DateOnly today, Random random, DateTime now)
    {
        var reliability = members.ToDictionary(m => m.ParticipantId, _ => random.Next(55, 100));
        for (var week = 0; week < Weeks; week++)
        {
            var session = new Session
            {
                Id = Guid.NewGuid(), CohortId = cohort.Id, Date = cohort.StartDate.AddDays(7 * week), Topic = Topics[week % Topics.Length],
                Teacher = week % 3 == 0 ? "Rådgivare från ALMI" : "Företagsrådgivare", Language = "sv", Minutes = 180, Version = 1, CreatedAt = now,
            };
            if (session.Date <= today)
            {
                foreach (var member in members)
                {
                    var roll = random.Next(100);
                    var status = roll < reliability[member.ParticipantId] ? AttendanceStatus.Present : roll % 2 == 0 ? AttendanceStatus.Excused : AttendanceStatus.Absent;
                    session.Attendance.Add(new Attendance
                    {
                        Id = Guid.NewGuid(), SessionId = session.Id, ParticipantId = member.ParticipantId, Status = status,
                        Minutes = status == AttendanceStatus.Present ? (random.Next(6) == 0 ? 120 : 180) : 0, RecordedAt = now.AddMicroseconds(session.Attendance.Count),
                    });
                }
            }

            db.Sessions.Add(session);
        }
    }

    private void AddAdvice(CohortMember member, Cohort cohort, DemoEnrolment enrolment, DateOnly today, Random random, DateTime now)
    {
        var meetings = random.Next(100) < 45 ? random.Next(1, 4) : 0;
        var last = enrolment.ExitDate is { } exit && exit < today ? exit : today;
        for (var i = 0; i < meetings; i++)
        {
            var date = cohort.StartDate.AddDays(random.Next(0, 90));
            if (date > last)
            {
                continue;
            }

            var partner = Partners[random.Next(Partners.Length)];
            db.AdviceMeetings.Add(new AdviceMeeting
            {
                Id = Guid.NewGuid(), ParticipantId = member.ParticipantId, EnrolmentId = enrolment.EnrolmentId, ProgrammeId = member.ProgrammeId, Date = date,
                Adviser = partner == PartnerOrganisation.Project ? "Projektets företagsrådgivare" : "Rådgivare", Partner = partner,
                Topic = Topics[random.Next(Topics.Length)], NextStep = NextSteps[random.Next(NextSteps.Length)], NextStepBy = date.AddDays(14), RecordedAt = now,
            });
        }

        var reached = random.Next(0, 5);
        var on = cohort.StartDate.AddDays(-random.Next(10, 60));
        for (var kind = MilestoneKind.Idea; kind < MilestoneKind.Registered && (int)kind <= reached && on <= today; kind++)
        {
            db.Milestones.Add(new Milestone { Id = Guid.NewGuid(), ParticipantId = member.ParticipantId, EnrolmentId = enrolment.EnrolmentId, ProgrammeId = member.ProgrammeId, Kind = kind, ReachedOn = on, RecordedAt = now });
            on = on.AddDays(random.Next(7, 40));
        }
    }

    private async Task AddCompanyAsync(CohortMember member, Cohort cohort, DemoEnrolment enrolment, DateOnly today, Random random, HashSet<string> used, DateTime now, CancellationToken ct)
    {
        var registeredOn = cohort.EndDate.AddDays(random.Next(20, 60));
        if (registeredOn > today)
        {
            return;
        }

        var trade = Trades[random.Next(Trades.Length)];
        var soleTrader = random.Next(100) < 75;
        string number;
        do
        {
            // Synthetic numbers: a sole trader's shaped as a personnummer of the birth year, a company's in group 5 (aktiebolag).
            var nine = soleTrader
                ? $"{(enrolment.BirthYear ?? 1985) % 100:00}{random.Next(1, 13):00}{random.Next(1, 29):00}{random.Next(0, 1000):000}"
                : $"559{random.Next(0, 1_000_000):000000}";
            number = $"{nine[..6]}-{nine[6..]}{CheckDigit(nine)}";
        }
        while (!used.Add(number));

        var company = new Company
        {
            Id = Guid.NewGuid(), ParticipantId = member.ParticipantId, EnrolmentId = enrolment.EnrolmentId, ProgrammeId = member.ProgrammeId,
            Name = soleTrader ? $"{trade.Name} (enskild firma)" : $"{trade.Name} i {cohort.Name.ToLowerInvariant()} AB", LegalForm = soleTrader ? LegalForm.SoleTrader : LegalForm.LimitedCompany,
            Status = CompanyStatus.Registered, OrganisationNumber = number, RegistrationAppliedOn = registeredOn.AddDays(-random.Next(7, 30)), RegisteredOn = registeredOn,
            FTaxApprovedOn = registeredOn.AddDays(random.Next(0, 14)) is var f && f <= today ? f : null, Industry = trade.Industry, SniCode = trade.Sni,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        if (await registration.RegisteredAsync(company, ct) is not null)
        {
            return;
        }

        db.Companies.Add(company);
        foreach (var (point, months) in new[] { (CheckPoint.SixMonths, 6), (CheckPoint.TwelveMonths, 12) })
        {
            var checkedOn = cohort.EndDate.AddMonths(months).AddDays(random.Next(0, 10));
            if (checkedOn > today || checkedOn < registeredOn)
            {
                continue;
            }

            var active = random.Next(100) < 85;
            db.CompanyChecks.Add(new CompanyCheck
            {
                Id = Guid.NewGuid(), CompanyId = company.Id, ParticipantId = company.ParticipantId, Point = point, CheckedOn = checkedOn, Active = active,
                Turnover = active ? (TurnoverBand)random.Next((int)TurnoverBand.Under100k, (int)TurnoverBand.From1mTo5m + 1) : null,
                Employees = active ? random.Next(0, 3) : null, RecordedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static char CheckDigit(string nine)
    {
        for (var digit = '0'; digit <= '9'; digit++)
        {
            if (OrganisationNumber.Luhn(nine + digit))
            {
                return digit;
            }
        }

        throw new InvalidOperationException("A Luhn check digit always exists.");
    }
}
