using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;

namespace Integration.Host.Demo;

/// <summary>
/// The core records of one demo programme, entered through the API by its case worker: participants with their
/// consents, enrolments spread over the last twenty months (some still referred, most started, about half of the
/// early starters exited, a few coming back), and the outcomes that follow exits at once and six months later.
/// </summary>
internal sealed class DemoHistory(DemoApi worker, Random random, DateOnly today)
{
    private static readonly (ExitReason Reason, int Weight)[] ExitReasons =
        [(ExitReason.Completed, 40), (ExitReason.Employment, 20), (ExitReason.Studies, 15), (ExitReason.Moved, 5), (ExitReason.DroppedOut, 12), (ExitReason.Other, 8)];

    private static readonly string[] StudyDetails = ["sfi", "sfi", "adultEducation", "vocational", "university"];
    private static readonly string[] JobDetails = ["fullTime", "partTime", "subsidised", "subsidised"];

    /// <summary>Creates <paramref name="count"/> participants in the programme and returns their enrolments by module.</summary>
    public async Task<Dictionary<string, List<DemoEnrolment>>> CreateAsync(Guid programmeId, IReadOnlyList<string> moduleIds, int count, CancellationToken ct)
    {
        var enrolments = moduleIds.ToDictionary(m => m, _ => new List<DemoEnrolment>(), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var person = SyntheticPeople.Next(random, today);
            var participantId = (await worker.PostAsync("/api/participants", person, ct)).GetProperty("participant").GetProperty("id").GetGuid();
            var gender = Enum.Parse<Gender>((string)person["gender"]!, ignoreCase: true);
            var languages = (string[])person["languages"]!;
            var firstStart = today.AddDays(-random.Next(10, 600));
            await ConsentsAsync(participantId, firstStart.AddDays(-random.Next(0, 20)), moduleIds.Contains("health"), ct);

            var modules = moduleIds.Count == 0 ? [] : new List<string> { SyntheticPeople.Pick(random, moduleIds) };
            if (moduleIds.Count > 1 && random.Next(100) < 30)
            {
                modules.Add(moduleIds.Where(m => m != modules[0]).ElementAt(random.Next(moduleIds.Count - 1)));
            }

            foreach (var moduleId in modules)
            {
                var start = moduleId == modules[0] ? firstStart : firstStart.AddDays(random.Next(0, 60));
                if (start >= today)
                {
                    continue;
                }

                foreach (var enrolment in await EnrolAsync(participantId, programmeId, moduleId, start, ct))
                {
                    enrolments[moduleId].Add(enrolment with { Gender = gender, BirthYear = (int?)person["birthYear"], Languages = languages });
                }
            }
        }

        return enrolments;
    }

    private async Task ConsentsAsync(Guid participantId, DateOnly givenOn, bool health, CancellationToken ct)
    {
        await worker.PostAsync($"/api/participants/{participantId}/consents", new { purpose = "participation", givenOn }, ct);
        if (random.Next(100) < 92)
        {
            await worker.PostAsync($"/api/participants/{participantId}/consents", new { purpose = "followUpContact", givenOn }, ct);
        }

        if (health && random.Next(100) < 75)
        {
            await worker.PostAsync($"/api/participants/{participantId}/consents", new { purpose = "healthData", givenOn }, ct);
        }

        if (random.Next(100) < 20)
        {
            await worker.PostAsync($"/api/participants/{participantId}/consents", new { purpose = "publicity", givenOn }, ct);
        }
    }

    /// <summary>One enrolment, or two for a participant who left and came back.</summary>
    private async Task<List<DemoEnrolment>> EnrolAsync(Guid participantId, Guid programmeId, string moduleId, DateOnly start, CancellationToken ct)
    {
        var referredOn = start.AddDays(-random.Next(0, 30));
        if (random.Next(100) < 8)
        {
            var status = random.Next(2) == 0 ? "referred" : "waitlisted";
            var id = await worker.CreateAsync("/api/enrolments", new { participantId, programmeId, moduleId, status, referredOn }, ct);
            return [Enrolment(id, participantId, status == "referred" ? EnrolmentStatus.Referred : EnrolmentStatus.Waitlisted, null, null, null)];
        }

        var created = await worker.PostAsync("/api/enrolments", new
        {
            participantId, programmeId, moduleId, status = "active", referredOn, startDate = start, plannedEndDate = start.AddMonths(6),
        }, ct);
        var enrolmentId = created.GetProperty("id").GetGuid();
        var observed = today.DayNumber - start.DayNumber;
        if (observed < 60 || random.Next(100) >= 55)
        {
            return [Enrolment(enrolmentId, participantId, EnrolmentStatus.Active, start, null, null)];
        }

        var exit = start.AddDays(random.Next(45, Math.Min(400, observed)));
        var reason = Weighted(ExitReasons);
        await worker.PostAsync($"/api/enrolments/{enrolmentId}/status", new { status = "exited", date = exit, exitReason = Camel(reason) }, created.GetProperty("version").GetInt64(), ct);
        await OutcomesAsync(participantId, enrolmentId, exit, reason, ct);
        var first = Enrolment(enrolmentId, participantId, EnrolmentStatus.Exited, start, exit, reason);

        // A few drop out and come back: ESF+ counts them once (one participation, first start and last exit).
        var comeback = exit.AddDays(random.Next(30, 90));
        if (reason == ExitReason.DroppedOut && comeback < today.AddDays(-10) && random.Next(100) < 50)
        {
            var again = await worker.CreateAsync("/api/enrolments", new { participantId, programmeId, moduleId, status = "active", referredOn = comeback, startDate = comeback }, ct);
            return [first, Enrolment(again, participantId, EnrolmentStatus.Active, comeback, null, null)];
        }

        return [first];
    }

    private async Task OutcomesAsync(Guid participantId, Guid enrolmentId, DateOnly exit, ExitReason reason, CancellationToken ct)
    {
        var atExit = exit.AddDays(random.Next(0, 15));
        var path = $"/api/participants/{participantId}/outcomes";
        if (atExit <= today)
        {
            object? outcome = reason switch
            {
                ExitReason.Employment => new { type = "employed", detail = SyntheticPeople.Pick(random, JobDetails), date = atExit, source = "caseWorkerVerified", enrolmentId },
                ExitReason.Studies => new { type = "studies", detail = SyntheticPeople.Pick(random, StudyDetails), date = atExit, source = "caseWorkerVerified", enrolmentId },
                ExitReason.Completed when random.Next(100) < 45 => new { type = "jobSeeking", date = atExit, source = "selfReported", enrolmentId },
                ExitReason.Completed when random.Next(100) < 35 => new { type = "internship", date = atExit, source = "caseWorkerVerified", enrolmentId },
                ExitReason.Moved => new { type = "movedAway", date = exit, source = "register", enrolmentId },
                _ => null,
            };
            if (outcome is not null)
            {
                await worker.PostAsync(path, outcome, ct);
            }
        }

        // Six months on: the register shows who works, for some of those who left long enough ago.
        var sixMonths = exit.AddMonths(6).AddDays(random.Next(-20, 20));
        if (sixMonths <= today && reason != ExitReason.Moved && random.Next(100) < 45)
        {
            await worker.PostAsync(path, new { type = "employed", detail = SyntheticPeople.Pick(random, JobDetails), date = sixMonths, source = "register", enrolmentId }, ct);
        }
    }

    private T Weighted<T>(IReadOnlyList<(T Value, int Weight)> choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private static string Camel(ExitReason reason) => char.ToLowerInvariant(reason.ToString()[0]) + reason.ToString()[1..];

    private static DemoEnrolment Enrolment(Guid id, Guid participantId, EnrolmentStatus status, DateOnly? start, DateOnly? exit, ExitReason? reason) =>
        new(id, participantId, Gender.NotStated, null, [], status, start, exit, reason);
}
