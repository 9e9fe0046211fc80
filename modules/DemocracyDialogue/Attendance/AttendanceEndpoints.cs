using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Attendance;

/// <summary><c>/events/{eventId}/attendance</c>: registered participants and anonymous head counts.</summary>
internal static class AttendanceEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/events/{eventId:guid}/attendance", Get).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueGetAttendance").WithSummary("Reads an event's registered participants (with their self-assessments) and anonymous head counts.");
        endpoints.MapPost("/events/{eventId:guid}/attendance", Record).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueRecordAttendance")
            .WithSummary("Records attendance at a held event: each line replaces that participant's (or that gender and age band's) line; the whole request is refused if any line is wrong.");
        endpoints.MapDelete("/events/{eventId:guid}/attendance/participants/{participantId:guid}", Remove).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueRemoveAttendee").WithSummary("Removes a participant recorded by mistake; refused while they are named as raising a proposal at the event.");
    }

    private static async Task<Results<Ok<AttendanceResponse>, ProblemHttpResult>> Get(
        Guid eventId, HttpContext http, DialogueDbContext db, IParticipantDirectory participants, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Problems.EventNotFound();
        }

        http.Response.SetETag(e.Version);
        return TypedResults.Ok(await ResponseAsync(e, db, participants, ct));
    }

    private static async Task<Results<Ok<AttendanceResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid eventId, AttendanceRequest request, HttpContext http, DialogueDbContext db, EnrolmentCheck enrolments, IParticipantDirectory participants,
        TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Problems.EventNotFound();
        }

        var errors = new FieldErrors();
        errors.Require(e.Date <= clock.Today(), "eventId", Rules.T("Dialogen har inte ägt rum än.", "The event has not taken place yet."));
        var lines = await AttendanceLines.CheckAsync(request, e, enrolments, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await AttendanceLines.ApplyAsync(lines, e, db, now, ct);
        e.Version++;
        e.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request changed the event's attendance at the same moment (the event's version or a line's unique key caught it).
            return ChangedMeanwhile();
        }

        http.Response.SetETag(e.Version);
        return TypedResults.Ok(await ResponseAsync(e, db, participants, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid eventId, Guid participantId, DialogueDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var line = e is null ? null : await db.Attendees.FirstOrDefaultAsync(a => a.EventId == eventId && a.ParticipantId == participantId, ct);
        if (e is null || line is null)
        {
            return Problems.NotFound("Deltagaren finns inte i dialogens närvaro.", "The participant is not in the event's attendance.");
        }

        var raised = await db.ProposalRaisers.AnyAsync(r => r.ParticipantId == participantId && db.Proposals.Any(p => p.Id == r.ProposalId && p.EventId == eventId), ct);
        if (raised)
        {
            return Problems.Conflict("Deltagaren står som förslagsställare vid dialogen; ändra förslaget först.", "The participant is named as raising a proposal at the event; change the proposal first.");
        }

        db.Attendees.Remove(line);
        e.Version++;
        e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ChangedMeanwhile();
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult ChangedMeanwhile() => Problems.Conflict(
        "Närvaron ändrades samtidigt i en annan förfrågan. Läs den igen och försök på nytt.",
        "The attendance was changed by another request at the same moment. Read it again and retry.");

    private static async Task<AttendanceResponse> ResponseAsync(DialogueEvent e, DialogueDbContext db, IParticipantDirectory participants, CancellationToken ct)
    {
        var lines = await db.Attendees.AsNoTracking().Where(a => a.EventId == e.Id).OrderBy(a => a.RecordedAt).ThenBy(a => a.Id).ToListAsync(ct);
        var counts = await db.HeadCounts.AsNoTracking().Where(h => h.EventId == e.Id).ToListAsync(ct);
        var attendees = new List<AttendeeResponse>();
        foreach (var line in lines)
        {
            var person = await participants.FindAsync(line.ParticipantId, DemocracyDialogueModule.Id, ct);
            attendees.Add(new AttendeeResponse(line.ParticipantId, person?.DisplayName, line.InfluenceScore));
        }

        var heads = counts.OrderBy(h => h.Gender).ThenBy(h => h.AgeBand).Select(h => new HeadCountResponse(h.Gender, h.AgeBand, h.Count)).ToList();
        var anonymous = heads.Sum(h => h.Count);
        return new AttendanceResponse(e.Id, e.IsOpen, attendees, heads, attendees.Count, anonymous, attendees.Count + anonymous, e.Version);
    }
}
