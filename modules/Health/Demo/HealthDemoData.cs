using Integration.Abstractions.Demo;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.FollowUps;
using Integration.Modules.Health.Privacy;
using Integration.Modules.Health.Scores;

namespace Integration.Modules.Health.Demo;

/// <summary>
/// The module's demo data for a programme: a finished course and a running one with weekly sessions and attendance,
/// weekly physical-activity sessions, and WHO-5 scores with conversations for the participants who have a consent for
/// health data (the host's demo gives it; without it no score is stored, as in real use). Every choice comes from the
/// programme's seed.
/// </summary>
internal sealed class HealthDemoData(HealthDbContext db, HealthConsent consent, HealthEvents events, TimeProvider clock) : IDemoDataContributor
{
    private const int Weeks = 9;
    private const int MaxGroup = 14;

    private static readonly HealthTopic[] Topics =
    [
        HealthTopic.SwedishHealthCare, HealthTopic.MentalHealth, HealthTopic.Diet, HealthTopic.PhysicalActivity, HealthTopic.SleepAndStress,
        HealthTopic.DentalHealth, HealthTopic.ChildHealth, HealthTopic.SexualAndReproductiveHealth, HealthTopic.MentalHealth,
    ];

    private static readonly PhysicalActivity[] Activities = [PhysicalActivity.Walk, PhysicalActivity.Gym, PhysicalActivity.Swimming, PhysicalActivity.Walk, PhysicalActivity.Dance];

    public string ModuleId => HealthModule.Id;

    public async Task SeedAsync(DemoProgramme programme, CancellationToken cancellationToken)
    {
        var random = new Random(programme.Seed);
        var started = programme.Enrolments.Where(e => e.StartDate is not null).ToList();
        if (started.Count == 0)
        {
            return;
        }

        var interpreter = started.SelectMany(e => e.Languages).Where(l => l != "sv").GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        var today = programme.Today;
        var finished = Course(programme, "vår", today.AddDays(-7 * (Weeks + 3)), today.AddDays(-28));
        var running = Course(programme, "höst", today.AddDays(-21), today.AddDays(-21 + (7 * (Weeks - 1))));
        var now = clock.GetUtcNow().UtcDateTime;
        var groups = new List<(Course Course, List<CoursePlace> Places)>();
        foreach (var course in new[] { finished, running })
        {
            db.Courses.Add(course);
            var places = started.Where(e => e.StartDate <= course.StartDate.AddDays(7) && (e.ExitDate is null || e.ExitDate >= course.StartDate))
                .Take(MaxGroup)
                .Select(e => new CoursePlace { Id = Guid.NewGuid(), CourseId = course.Id, ParticipantId = e.ParticipantId, EnrolmentId = e.EnrolmentId, AddedAt = now })
                .ToList();
            db.CoursePlaces.AddRange(places);
            groups.Add((course, places));
            for (var week = 0; week < Weeks; week++)
            {
                var date = course.StartDate.AddDays(7 * week);
                var session = NewSession(SessionKind.CourseSession, date, interpreter, now);
                session.CourseId = course.Id;
                session.Topic = Topics[week % Topics.Length];
                session.DurationMinutes = 120;
                AddAttendance(session, date <= today ? places.Select(p => p.ParticipantId) : [], random, now);
                db.Sessions.Add(session);
            }
        }

        for (var week = 1; week <= 10; week++)
        {
            var date = today.AddDays(-7 * week);
            var session = NewSession(SessionKind.PhysicalActivity, date, interpreter, now);
            session.Activity = Activities[week % Activities.Length];
            session.DurationMinutes = 60;
            var active = started.Where(e => e.StartDate <= date && (e.ExitDate is null || e.ExitDate >= date)).Select(e => e.ParticipantId);
            AddAttendance(session, active.Where(_ => random.Next(3) > 0).Take(12), random, now);
            db.Sessions.Add(session);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedScoresAsync(groups, today, random, cancellationToken);
    }

    private async Task SeedScoresAsync(List<(Course Course, List<CoursePlace> Places)> groups, DateOnly today, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var flagged = new List<(CoursePlace Place, Who5Score Score)>();
        var planned = new List<(CoursePlace Place, DateOnly EndDate)>();
        foreach (var (course, places) in groups)
        {
            var ended = course.EndDate <= today;
            foreach (var place in places.Where(_ => random.Next(5) > 0))
            {
                if (!await consent.InForceOnAsync(place.ParticipantId, course.StartDate, ct) || !await consent.InForceTodayAsync(place.ParticipantId, ct))
                {
                    continue;
                }

                var level = random.Next(1, 5);
                var start = Score(place, MeasurementPoint.Start, course.StartDate, level, random, now);
                db.Scores.Add(start);
                if (!ended)
                {
                    planned.Add((place, course.EndDate));
                    if (Who5.Assess(start.Items()).Flagged)
                    {
                        flagged.Add((place, start));
                    }

                    continue;
                }

                var end = Score(place, MeasurementPoint.End, course.EndDate, Math.Min(5, level + random.Next(0, 3)), random, now);
                db.Scores.Add(end);
                if (Who5.Assess(start.Items()).Flagged)
                {
                    db.Conversations.Add(new WellbeingConversation
                    {
                        Id = Guid.NewGuid(),
                        ScoreId = start.Id,
                        ParticipantId = place.ParticipantId,
                        HeldOn = course.StartDate.AddDays(random.Next(3, 12)),
                        ReferredToHealthCare = Who5.Assess(start.Items()).ReferralSuggested,
                        RecordedAt = now,
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);

        // The running course's follow-ups, as the endpoints raise them: re-measurements at its end, reminders of conversations.
        foreach (var (place, endDate) in planned)
        {
            await events.ReMeasureDueAsync(place, endDate, ct);
        }

        foreach (var (place, score) in flagged)
        {
            await events.FlaggedAsync(place, score, ct);
        }
    }

    private static Course Course(DemoProgramme programme, string term, DateOnly start, DateOnly end)
    {
        var name = $"Hälsoskola {term} – {programme.ProgrammeName}";
        return new Course
        {
            Id = Guid.NewGuid(),
            Name = name.Length > HealthDbContext.TextLength ? name[..HealthDbContext.TextLength] : name,
            StartDate = start,
            EndDate = end,
            Language = "sv",
            Place = "Medborgarhuset",
            Leader = "Hälsopedagog",
            Version = 1,
            CreatedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            UpdatedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
    }

    private static Session NewSession(SessionKind kind, DateOnly date, string? interpreter, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Date = date,
        Language = "sv",
        InterpreterLanguage = interpreter,
        Place = kind == SessionKind.PhysicalActivity ? "Sporthallen" : "Medborgarhuset",
        Version = 1,
        CreatedAt = now,
    };

    private static void AddAttendance(Session session, IEnumerable<Guid> participants, Random random, DateTime now)
    {
        foreach (var participantId in participants)
        {
            var roll = random.Next(10);
            var status = roll < 8 ? AttendanceStatus.Present : roll < 9 ? AttendanceStatus.Excused : AttendanceStatus.Absent;
            session.Attendance.Add(new Attendance { Id = Guid.NewGuid(), SessionId = session.Id, ParticipantId = participantId, Status = status, RecordedAt = now });
        }
    }

    /// <summary>Five items around <paramref name="level"/> (1 low … 5 high wellbeing).</summary>
    private static Who5Score Score(CoursePlace place, MeasurementPoint point, DateOnly date, int level, Random random, DateTime now)
    {
        int Item() => Math.Clamp(level + random.Next(-1, 2), Who5.MinItem, Who5.MaxItem);
        return new Who5Score
        {
            Id = Guid.NewGuid(),
            CourseId = place.CourseId,
            PlaceId = place.Id,
            ParticipantId = place.ParticipantId,
            Point = point,
            MeasuredOn = date,
            Item1 = Item(),
            Item2 = Item(),
            Item3 = Item(),
            Item4 = Item(),
            Item5 = Item(),
            RecordedAt = now,
        };
    }
}
