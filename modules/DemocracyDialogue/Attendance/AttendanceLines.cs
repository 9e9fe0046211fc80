using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Attendance;

/// <summary>The checked lines of an <see cref="AttendanceRequest"/> and how they replace what was recorded.</summary>
internal sealed record AttendanceLines(List<(Guid ParticipantId, int? Score)> Participants, List<(Gender Gender, AgeBand AgeBand, int Count)> HeadCounts)
{
    public const int MaxParticipants = 500;
    public const int MaxHeadCount = 10_000;

    /// <summary>Checks every line, adding an error naming each wrong one (<c>participants[2].participantId</c>).</summary>
    public static async Task<AttendanceLines> CheckAsync(AttendanceRequest request, DialogueEvent e, EnrolmentCheck enrolments, FieldErrors errors, CancellationToken ct)
    {
        var participants = request.Participants ?? [];
        var headCounts = request.HeadCounts ?? [];
        errors.Require(participants.Count > 0 || headCounts.Count > 0, "participants", Rules.T("Ange deltagare eller antal besökare.", "Give participants or head counts."));
        errors.Require(participants.Count <= MaxParticipants, "participants", Rules.T($"Högst {MaxParticipants} deltagare per förfrågan.", $"At most {MaxParticipants} participants per request."));
        errors.Require(headCounts.Count == 0 || e.IsOpen, "headCounts", Rules.T("Dialogen är sluten: bara registrerade deltagare räknas.", "The event is closed: only registered participants are counted."));

        var result = new AttendanceLines([], []);
        for (var i = 0; i < participants.Count; i++)
        {
            var field = $"participants[{i}]";
            if (participants[i] is not { } line)
            {
                errors.Add(field, Rules.T("Raden är tom.", "The line is empty."));
                continue;
            }

            errors.Require(line.InfluenceScore is null or >= 1 and <= 5, $"{field}.influenceScore", Rules.T("Självskattningen är 1 till 5.", "The self-assessment is 1 to 5."));
            if (await enrolments.CheckAsync(line.ParticipantId, e.ProgrammeId, e.Date, $"{field}.participantId", errors, ct) is not { } id)
            {
                continue;
            }

            if (result.Participants.Any(p => p.ParticipantId == id))
            {
                errors.Add($"{field}.participantId", Rules.T("Deltagaren står redan på en annan rad.", "The participant is already on another line."));
                continue;
            }

            result.Participants.Add((id, line.InfluenceScore));
        }

        for (var i = 0; i < headCounts.Count; i++)
        {
            var field = $"headCounts[{i}]";
            if (headCounts[i] is not { } line)
            {
                errors.Add(field, Rules.T("Raden är tom.", "The line is empty."));
                continue;
            }

            errors.Require(line.Gender is not null, $"{field}.gender", Rules.T("Ange kön.", "Give the gender."));
            errors.Require(line.AgeBand is not null, $"{field}.ageBand", Rules.T("Ange åldersgrupp.", "Give the age band."));
            errors.Require(line.Count is >= 0 and <= MaxHeadCount, $"{field}.count", Rules.T($"Antalet är ett heltal från 0 till {MaxHeadCount}.", $"The count is a whole number from 0 to {MaxHeadCount}."));
            if (line is { Gender: { } gender, AgeBand: { } band, Count: { } count })
            {
                if (result.HeadCounts.Any(h => h.Gender == gender && h.AgeBand == band))
                {
                    errors.Add(field, Rules.T("Samma kön och åldersgrupp står redan på en annan rad.", "The same gender and age band are already on another line."));
                }

                result.HeadCounts.Add((gender, band, count));
            }
        }

        return result;
    }

    /// <summary>Replaces the recorded lines of the same participants and of the same gender and age band.</summary>
    public static async Task ApplyAsync(AttendanceLines lines, DialogueEvent e, DialogueDbContext db, DateTime now, CancellationToken ct)
    {
        var ids = lines.Participants.Select(p => p.ParticipantId).ToList();
        var existing = await db.Attendees.Where(a => a.EventId == e.Id && ids.Contains(a.ParticipantId)).ToDictionaryAsync(a => a.ParticipantId, ct);
        foreach (var (participantId, score) in lines.Participants)
        {
            if (existing.TryGetValue(participantId, out var line))
            {
                line.InfluenceScore = score;
                line.RecordedAt = now;
            }
            else
            {
                db.Attendees.Add(new Attendee { Id = Guid.NewGuid(), EventId = e.Id, ParticipantId = participantId, InfluenceScore = score, RecordedAt = now });
            }
        }

        var counts = await db.HeadCounts.Where(h => h.EventId == e.Id).ToListAsync(ct);
        foreach (var (gender, band, count) in lines.HeadCounts)
        {
            var line = counts.FirstOrDefault(h => h.Gender == gender && h.AgeBand == band);
            if (count == 0)
            {
                if (line is not null)
                {
                    db.HeadCounts.Remove(line);
                }
            }
            else if (line is not null)
            {
                line.Count = count;
            }
            else
            {
                db.HeadCounts.Add(new HeadCount { Id = Guid.NewGuid(), EventId = e.Id, Gender = gender, AgeBand = band, Count = count });
            }
        }
    }
}
