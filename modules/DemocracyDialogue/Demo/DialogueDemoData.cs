using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Demo;

/// <summary>
/// The module's demo data for a programme: an event every three to five weeks over the enrolments' time (and one
/// planned), attended by the participants enrolled on the day, anonymous visitors at open events, self-assessments
/// that mostly rise, and proposals sent and answered, with reminders for those still waiting. Every choice comes from the seed.
/// </summary>
internal sealed class DialogueDemoData(DialogueDbContext db, ProposalReminders reminders, TimeProvider clock) : IDemoDataContributor
{
    private const int MaxEvents = 10;

    public string ModuleId => DemocracyDialogueModule.Id;

    public async Task SeedAsync(DemoProgramme programme, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(e => e.ProgrammeId == programme.ProgrammeId, cancellationToken))
        {
            return; // seeded before: the demo is the same each time, not doubled
        }

        var random = new Random(programme.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var started = programme.Enrolments.Where(e => e.StartDate is not null).ToList();
        var first = started.Count > 0 ? started.Min(e => e.StartDate!.Value) : programme.Today.AddDays(-120);
        var scores = new Dictionary<Guid, int>();
        var sent = new List<Proposal>();
        var date = first.AddDays(random.Next(3, 10));
        for (var n = 0; n < MaxEvents && date <= programme.Today; n++, date = date.AddDays(random.Next(21, 36)))
        {
            var e = NewEvent(programme, date, random, now);
            db.Events.Add(e);
            var attendees = Attend(e, started, scores, random, now);
            AddHeadCounts(e, random);
            sent.AddRange(AddProposals(e, attendees, programme.Today, random, now));
        }

        db.Events.Add(NewEvent(programme, programme.Today.AddDays(14), random, now));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var proposal in sent)
        {
            await reminders.ScheduleAsync(proposal, cancellationToken);
        }
    }

    private static DialogueEvent NewEvent(DemoProgramme programme, DateOnly date, Random random, DateTime now)
    {
        var format = (DialogueFormat)random.Next(1, 5);
        var interpretation = programme.Enrolments.SelectMany(e => e.Languages).Where(l => l != "sv").GroupBy(l => l)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(random.Next(0, 3)).Select(g => g.Key).ToList();
        return new DialogueEvent
        {
            Id = Guid.NewGuid(),
            ProgrammeId = programme.ProgrammeId,
            Topic = Pick(DemoTexts.Topics[format], random),
            Format = format,
            Date = date,
            Place = Pick(DemoTexts.Places, random),
            Facilitator = Pick(DemoTexts.Facilitators, random),
            Languages = ["sv"],
            Interpretation = interpretation,
            PartnerOrganisations = DemoTexts.Partners.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList(),
            IsOpen = format is DialogueFormat.DialogueMeeting or DialogueFormat.InterreligiousDialogue && random.Next(2) == 0,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Participants enrolled on the day come with a chance of one in two; a self-assessment at the first event and now and then later.</summary>
    private List<Guid> Attend(DialogueEvent e, List<DemoEnrolment> started, Dictionary<Guid, int> scores, Random random, DateTime now)
    {
        var attendees = new List<Guid>();
        foreach (var enrolment in started.Where(x => x.StartDate <= e.Date && (x.ExitDate is null || x.ExitDate >= e.Date)).DistinctBy(x => x.ParticipantId))
        {
            if (random.Next(2) == 0)
            {
                continue;
            }

            int? score = null;
            if (!scores.TryGetValue(enrolment.ParticipantId, out var last))
            {
                score = random.Next(1, 4);
            }
            else if (random.Next(2) == 0)
            {
                score = Math.Clamp(last + random.Next(-1, 3), 1, 5);
            }

            if (score is { } s)
            {
                scores[enrolment.ParticipantId] = s;
            }

            attendees.Add(enrolment.ParticipantId);
            db.Attendees.Add(new Attendee { Id = Guid.NewGuid(), EventId = e.Id, ParticipantId = enrolment.ParticipantId, InfluenceScore = score, RecordedAt = now });
        }

        return attendees;
    }

    private void AddHeadCounts(DialogueEvent e, Random random)
    {
        if (!e.IsOpen)
        {
            return;
        }

        foreach (var gender in new[] { Gender.Woman, Gender.Man })
        {
            foreach (var band in new[] { AgeBand.From18To29, AgeBand.From30To54, AgeBand.From55 }.Where(_ => random.Next(3) > 0))
            {
                db.HeadCounts.Add(new HeadCount { Id = Guid.NewGuid(), EventId = e.Id, Gender = gender, AgeBand = band, Count = random.Next(1, 9) });
            }
        }
    }

    /// <summary>Proposals at some events; sent within two weeks, and answered after three weeks to three months when that has passed.</summary>
    private List<Proposal> AddProposals(DialogueEvent e, List<Guid> attendees, DateOnly today, Random random, DateTime now)
    {
        var waiting = new List<Proposal>();
        for (var i = random.Next(0, 3); i > 0 && attendees.Count > 0; i--)
        {
            var (theme, text) = Pick(DemoTexts.Proposals, random);
            var proposal = new Proposal { Id = Guid.NewGuid(), EventId = e.Id, Text = text, Theme = theme, Version = 1, CreatedAt = now, UpdatedAt = now };
            db.Proposals.Add(proposal);
            var raisers = attendees.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            db.ProposalRaisers.AddRange(raisers.Select((id, position) => new ProposalRaiser { Id = Guid.NewGuid(), ProposalId = proposal.Id, ParticipantId = id, Position = position }));

            var sentOn = e.Date.AddDays(random.Next(3, 15));
            if (sentOn > today)
            {
                continue;
            }

            (proposal.BodyKind, proposal.BodyName) = Pick(DemoTexts.Bodies, random);
            proposal.SentOn = sentOn;
            var answeredOn = sentOn.AddDays(random.Next(20, 91));
            if (answeredOn <= today && random.Next(4) > 0)
            {
                var decision = (ProposalDecision)random.Next(1, 4);
                proposal.Decision = decision;
                proposal.AnsweredOn = answeredOn;
                proposal.AnswerContent = DemoTexts.Answers[(int)decision - 1];
            }
            else
            {
                waiting.Add(proposal);
            }
        }

        return waiting;
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
