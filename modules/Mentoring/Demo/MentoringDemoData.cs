using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.FollowUps;
using Integration.Modules.Mentoring.Internships;
using Integration.Modules.Mentoring.Matching;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Demo;

/// <summary>
/// The module's demo data for a programme: synthetic mentors (language buddies, workplace supervisors, lead
/// supervisors) with enough places for the programme, wishes for some participants, a match for most started
/// enrolments chosen by the module's own scoring (ended at the exit of exited ones, some paused), meetings every one
/// to three weeks, goals with progress, and internships for about a third, some ended with a job (and its employed
/// outcome). Every choice comes from the programme's seed; a programme already seeded is left as it is.
/// </summary>
internal sealed class MentoringDemoData(MentoringDbContext db, InternshipOutcome outcome, MentoringEvents events, TimeProvider clock) : IDemoDataContributor
{
    private const int MaxMeetings = 24;

    private static readonly string[] WomenNames = ["Anna", "Eva", "Karin", "Maria", "Lena", "Sara", "Ingrid", "Elin", "Johanna", "Linnea", "Birgitta", "Astrid"];
    private static readonly string[] MenNames = ["Lars", "Anders", "Per", "Erik", "Johan", "Mats", "Nils", "Olof", "Gustav", "Henrik", "Bengt", "Sven"];
    private static readonly string[] FamilyNames = ["Andersson", "Berg", "Lindqvist", "Holm", "Sandberg", "Nyström", "Ek", "Dahl", "Lund", "Strand", "Wikström", "Forsberg", "Hedlund", "Sjöberg"];
    private static readonly string[] SecondLanguages = ["en", "ar", "fa", "ti", "so", "uk", "ku", "de", "es"];

    private static readonly (string Employer, string Occupation, Sector Sector)[] Employers =
    [
        ("Äldreboendet Solgläntan", "Vårdbiträde", Sector.Care), ("Kommunens förskolor", "Barnskötare", Sector.Education), ("Bygg & Mark i Dalarna AB", "Byggarbetare", Sector.Construction),
        ("Verkstadsgruppen AB", "Maskinoperatör", Sector.Manufacturing), ("Matbutiken i centrum", "Butiksbiträde", Sector.Retail), ("Hotell Fjällvy", "Kökspersonal", Sector.Hospitality),
        ("Lagerlogistik Väst AB", "Lagerarbetare", Sector.Transport), ("Städpoolen AB", "Lokalvårdare", Sector.Cleaning), ("Trädgårdsmästarna", "Trädgårdsarbetare", Sector.Agriculture),
        ("Kommunens IT-avdelning", "IT-support", Sector.Technology),
    ];

    private static readonly string[] GoalTitles =
    [
        "Föra ett vardagssamtal på svenska i tio minuter", "Skriva ett CV och ett personligt brev", "Öva inför en anställningsintervju",
        "Lära sig hitta lediga jobb på Platsbanken", "Ta körkortsteori", "Bli medlem i en förening", "Förstå arbetsplatsens rutiner och säkerhet",
    ];

    private static readonly MeetingKind[] Kinds = [MeetingKind.InPerson, MeetingKind.InPerson, MeetingKind.InPerson, MeetingKind.Phone, MeetingKind.Video, MeetingKind.GroupActivity];

    public string ModuleId => MentoringModule.Id;

    public async Task SeedAsync(DemoProgramme programme, CancellationToken cancellationToken)
    {
        var started = programme.Enrolments.Where(e => e.StartDate is { } s && s <= programme.Today).OrderBy(e => e.StartDate).ToList();
        if (started.Count == 0
            || await db.Matches.AnyAsync(m => m.ProgrammeId == programme.ProgrammeId, cancellationToken)
            || await db.Internships.AnyAsync(i => i.ProgrammeId == programme.ProgrammeId, cancellationToken))
        {
            return;
        }

        var random = new Random(programme.Seed);
        var today = programme.Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var mentors = Mentors(started.Count, random, now);
        db.Mentors.AddRange(mentors);
        var active = mentors.ToDictionary(m => m.Id, _ => 0);
        var matched = new List<Match>();
        var internships = new List<Internship>();
        var open = new HashSet<(Guid Participant, Guid Mentor)>();
        foreach (var enrolment in started)
        {
            var preferences = Preferences(enrolment, random, now);
            if (preferences is not null && !await db.Preferences.AnyAsync(p => p.ParticipantId == enrolment.ParticipantId, cancellationToken)
                && !db.Preferences.Local.Any(p => p.ParticipantId == enrolment.ParticipantId))
            {
                db.Preferences.Add(preferences);
            }

            if (random.Next(100) < 85 && Match(enrolment, preferences, mentors, active, open, today, random, now) is { } match)
            {
                match.ProgrammeId = programme.ProgrammeId;
                db.Matches.Add(match);
                matched.Add(match);
                AddMeetingsAndGoals(match, today, random, now);
            }

            if (random.Next(100) < 35 && Internship(enrolment, mentors, today, random, now) is { } internship)
            {
                internship.ProgrammeId = programme.ProgrammeId;
                internships.Add(internship);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var internship in internships)
        {
            if (await outcome.EndedAsync(internship, internship.LedToJobOffer == true ? OutcomeDetail.FullTime : null, cancellationToken) is not null)
            {
                internship.LedToJobOffer = false;
            }

            db.Internships.Add(internship);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var match in matched.Where(m => m.Status == MatchStatus.Active))
        {
            await events.StartedAsync(match, cancellationToken);
        }

        foreach (var internship in internships.Where(i => i.LastDay >= today.AddDays(-30)))
        {
            await events.InternshipPlannedAsync(internship, cancellationToken);
        }
    }

    /// <summary>Mentors with places for about nine in ten of the started participants.</summary>
    private static List<Mentor> Mentors(int participants, Random random, DateTime now)
    {
        var mentors = new List<Mentor>();
        while (mentors.Count < 4 || mentors.Sum(m => m.Capacity) < participants * 9 / 10)
        {
            var roll = random.Next(100);
            var kind = roll < 60 ? MentorKind.LanguageBuddy : roll < 85 ? MentorKind.WorkplaceSupervisor : MentorKind.LeadSupervisor;
            var woman = random.Next(100) < 60;
            var languages = new List<string> { "sv" };
            if (random.Next(100) < 55)
            {
                languages.Add(SecondLanguages[random.Next(SecondLanguages.Length)]);
            }

            var sectors = Enum.GetValues<Sector>().Where(s => s != Sector.Other).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
                .OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Order().ToList();
            var employer = Employers[random.Next(Employers.Length)];
            mentors.Add(new Mentor
            {
                Id = Guid.NewGuid(),
                Name = $"{(woman ? WomenNames[random.Next(WomenNames.Length)] : MenNames[random.Next(MenNames.Length)])} {FamilyNames[random.Next(FamilyNames.Length)]}",
                Kind = kind,
                Gender = woman ? Gender.Woman : Gender.Man,
                Languages = languages,
                Sectors = kind == MentorKind.WorkplaceSupervisor ? [employer.Sector] : sectors,
                Organisation = kind switch
                {
                    MentorKind.WorkplaceSupervisor => employer.Employer,
                    MentorKind.LeadSupervisor => "Projektet",
                    _ => random.Next(2) == 0 ? "Svenska kyrkan" : "Röda korset",
                },
                Availability = kind == MentorKind.LanguageBuddy ? "Kvällar efter 17" : "Dagtid",
                Weekdays = weekdays,
                Capacity = kind switch
                {
                    MentorKind.LeadSupervisor => random.Next(6, 11),
                    MentorKind.WorkplaceSupervisor => random.Next(2, 5),
                    _ => random.Next(1, 4),
                },
                Active = true,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        return mentors;
    }

    private static Preferences? Preferences(DemoEnrolment enrolment, Random random, DateTime now)
    {
        if (random.Next(100) >= 45)
        {
            return null;
        }

        return new Preferences
        {
            Id = Guid.NewGuid(),
            ParticipantId = enrolment.ParticipantId,
            SectorWishes = Enum.GetValues<Sector>().Where(s => s != Sector.Other).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList(),
            PreferredMentorGender = random.Next(100) < 30 && enrolment.Gender is Gender.Woman or Gender.Man ? enrolment.Gender : null,
            PreferredMentorKind = random.Next(100) < 20 ? MentorKind.LanguageBuddy : null,
            Version = 1,
            UpdatedAt = now,
        };
    }

    /// <summary>A match with the best-scoring mentor who has a free place; ended at an exit, sometimes ended or paused earlier.</summary>
    private static Match? Match(
        DemoEnrolment enrolment, Preferences? preferences, List<Mentor> mentors, Dictionary<Guid, int> active, HashSet<(Guid, Guid)> open,
        DateOnly today, Random random, DateTime now)
    {
        var last = enrolment.ExitDate is { } exit && exit < today ? exit : today;
        var start = enrolment.StartDate!.Value.AddDays(random.Next(0, 30));
        if (start > last)
        {
            start = enrolment.StartDate.Value;
        }

        var roll = random.Next(100);
        var status = enrolment.ExitDate is not null && enrolment.ExitDate <= today ? MatchStatus.Ended : roll < 12 ? MatchStatus.Ended : roll < 22 ? MatchStatus.Paused : MatchStatus.Active;
        var mentor = mentors
            .Where(m => !open.Contains((enrolment.ParticipantId, m.Id)) && (status != MatchStatus.Active || active[m.Id] < m.Capacity))
            .Select(m => (Mentor: m, Score: Scoring.Suggest(enrolment.Languages, preferences, m, active[m.Id]).Score))
            .OrderByDescending(s => s.Score).ThenBy(_ => random.Next()).Select(s => s.Mentor).FirstOrDefault();
        if (mentor is null)
        {
            return null;
        }

        var match = new Match
        {
            Id = Guid.NewGuid(), ParticipantId = enrolment.ParticipantId, EnrolmentId = enrolment.EnrolmentId, MentorId = mentor.Id, Status = status,
            StartDate = start, ActiveSince = start, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        var days = last.DayNumber - start.DayNumber;
        switch (status)
        {
            case MatchStatus.Active:
                active[mentor.Id]++;
                open.Add((enrolment.ParticipantId, mentor.Id));
                break;
            case MatchStatus.Paused:
                match.PausedOn = start.AddDays(days / 2 + random.Next(0, Math.Max(1, days / 2)));
                open.Add((enrolment.ParticipantId, mentor.Id));
                break;
            default:
                match.EndDate = enrolment.ExitDate is { } e && e <= today ? e : start.AddDays(days / 2 + random.Next(0, Math.Max(1, days / 2)));
                match.EndDate = match.EndDate < start ? start : match.EndDate;
                match.EndReason = enrolment.ExitDate is not null ? MatchEndReason.ParticipantLeft : random.Next(3) == 0 ? MatchEndReason.NotAFit : MatchEndReason.GoalsReached;
                break;
        }

        return match;
    }

    private void AddMeetingsAndGoals(Match match, DateOnly today, Random random, DateTime now)
    {
        var until = match.EndDate ?? match.PausedOn ?? today;
        var date = match.StartDate;
        for (var i = 0; i < MaxMeetings && date <= until; i++)
        {
            db.Meetings.Add(new Meeting
            {
                Id = Guid.NewGuid(), MatchId = match.Id, ParticipantId = match.ParticipantId, Date = date, DurationMinutes = 15 * random.Next(3, 9),
                Kind = Kinds[random.Next(Kinds.Length)], RecordedAt = now.AddMicroseconds(i),
            });
            date = date.AddDays(random.Next(7, 22));
        }

        for (var g = 0; g < random.Next(1, 3); g++)
        {
            var goal = new Goal
            {
                Id = Guid.NewGuid(), MatchId = match.Id, ParticipantId = match.ParticipantId, Title = GoalTitles[random.Next(GoalTitles.Length)],
                TargetDate = match.StartDate.AddDays(random.Next(60, 180)), Status = GoalStatus.Open, Version = 1, CreatedAt = now.AddMicroseconds(g), UpdatedAt = now,
            };
            var on = match.StartDate.AddDays(random.Next(10, 40));
            for (var u = 0; u < random.Next(0, 4) && on <= until && goal.Status == GoalStatus.Open; u++)
            {
                goal.Progress = Math.Min(100, goal.Progress + (25 * random.Next(1, 3)));
                goal.Status = goal.Progress == 100 ? GoalStatus.Achieved : GoalStatus.Open;
                goal.Version++;
                goal.Updates.Add(new GoalUpdate { Id = Guid.NewGuid(), GoalId = goal.Id, Date = on, Progress = goal.Progress, Status = goal.Status, RecordedAt = now.AddMicroseconds(u) });
                on = on.AddDays(random.Next(14, 45));
            }

            db.Goals.Add(goal);
        }
    }

    /// <summary>An internship a month or more into the enrolment, 4–12 weeks long; one that has ended led to a job about a third of the time.</summary>
    private static Internship? Internship(DemoEnrolment enrolment, List<Mentor> mentors, DateOnly today, Random random, DateTime now)
    {
        var start = enrolment.StartDate!.Value.AddDays(random.Next(30, 120));
        if (start > today.AddDays(30) || (enrolment.ExitDate is { } exit && start > exit))
        {
            return null;
        }

        var employer = Employers[random.Next(Employers.Length)];
        var supervisors = mentors.Where(m => m.Kind == MentorKind.WorkplaceSupervisor).ToList();
        var nine = $"{(random.Next(2) == 0 ? "55" : "21")}{random.Next(20, 100):00}{random.Next(0, 100_000):00000}";
        var end = start.AddDays(7 * random.Next(4, 13));
        var internship = new Internship
        {
            Id = Guid.NewGuid(), ParticipantId = enrolment.ParticipantId, EnrolmentId = enrolment.EnrolmentId, EmployerName = employer.Employer,
            OrganisationNumber = $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}",
            SupervisorId = supervisors.Count > 0 && random.Next(100) < 70 ? supervisors[random.Next(supervisors.Count)].Id : null,
            Occupation = employer.Occupation, Sector = employer.Sector, StartDate = start, EndDate = end, MinutesPerWeek = 60 * random.Next(20, 41),
            Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        if (end < today)
        {
            internship.EndedOn = end;
            internship.LedToJobOffer = random.Next(100) < 35;
        }

        return internship;
    }
}
