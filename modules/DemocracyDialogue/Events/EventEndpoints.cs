using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Attendance;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Events;

/// <summary><c>/events</c>: dialogue events.</summary>
internal static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/events", Create).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueCreateEvent").WithSummary("Records a dialogue event (planned or held).");
        endpoints.MapGet("/events", List).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueListEvents").WithSummary("Lists dialogue events by date (newest first), programme and format; paged.");
        endpoints.MapGet("/events/{eventId:guid}", Get).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueGetEvent").WithSummary("Reads a dialogue event; the ETag is its version.");
        endpoints.MapPut("/events/{eventId:guid}", Update).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueUpdateEvent").WithSummary("Changes a dialogue event; needs If-Match. Rules keep recorded attendance and proposals valid.");
    }

    private static async Task<Results<Created<DialogueEventResponse>, ValidationProblem>> Create(
        DialogueEventRequest request, HttpContext http, DialogueDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (EventFields.From(request, clock.Today(), errors) is not { } fields)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var e = new DialogueEvent { Id = Guid.NewGuid(), Topic = fields.Topic, Place = fields.Place, Facilitator = fields.Facilitator, Version = 1, CreatedAt = now, UpdatedAt = now };
        fields.ApplyTo(e);
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(e.Version);
        return TypedResults.Created($"/api/modules/{DemocracyDialogueModule.Id}/events/{e.Id}", await EventResponses.OneAsync(db, e, ct));
    }

    private static async Task<Results<Ok<DialoguePage<DialogueEventResponse>>, ValidationProblem>> List(
        DateOnly? from, DateOnly? to, Guid? programmeId, string? format, int? page, int? pageSize, DialogueDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Pages.Check(page, pageSize, errors);
        var wanted = string.IsNullOrEmpty(format) ? null : errors.Enum<DialogueFormat>(format, "format");
        errors.Require(from is null || to is null || from <= to, "to", Rules.T("Slutdatumet ligger före startdatumet.", "The end date is before the start date."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Events.AsNoTracking();
        query = from is { } f ? query.Where(e => e.Date >= f) : query;
        query = to is { } t ? query.Where(e => e.Date <= t) : query;
        query = programmeId is { } programme ? query.Where(e => e.ProgrammeId == programme) : query;
        query = wanted is { } kind ? query.Where(e => e.Format == kind) : query;
        var ordered = query.OrderByDescending(e => e.Date).ThenBy(e => e.Id);
        return TypedResults.Ok(await Pages.ReadAsync(ordered, p, size, rows => EventResponses.ManyAsync(db, rows, ct), ct));
    }

    private static async Task<Results<Ok<DialogueEventResponse>, ProblemHttpResult>> Get(Guid eventId, HttpContext http, DialogueDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Problems.EventNotFound();
        }

        http.Response.SetETag(e.Version);
        return TypedResults.Ok(await EventResponses.OneAsync(db, e, ct));
    }

    private static async Task<Results<Ok<DialogueEventResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid eventId, DialogueEventRequest request, HttpContext http, DialogueDbContext db, EnrolmentCheck enrolments, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Problems.EventNotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, e.Version) is { } precondition)
        {
            return precondition;
        }

        var today = clock.Today();
        var errors = new FieldErrors();
        if (EventFields.From(request, today, errors) is not { } fields)
        {
            return Problems.Validation(errors);
        }

        await CheckRecordsStayValidAsync(e, fields, today, db, enrolments, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        fields.ApplyTo(e);
        e.Version++;
        e.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versioning.Stale();
        }

        http.Response.SetETag(e.Version);
        return TypedResults.Ok(await EventResponses.OneAsync(db, e, ct));
    }

    /// <summary>
    /// A change may not leave recorded attendance or proposals wrong: attendees stay enrolled in the event's programme on
    /// its date, head counts need an open event, a held event stays in the past and no proposal is sent before it.
    /// </summary>
    private static async Task CheckRecordsStayValidAsync(
        DialogueEvent e, EventFields fields, DateOnly today, DialogueDbContext db, EnrolmentCheck enrolments, FieldErrors errors, CancellationToken ct)
    {
        var attendees = await db.Attendees.Where(a => a.EventId == e.Id).Select(a => a.ParticipantId).ToListAsync(ct);
        var hasHeadCounts = await db.HeadCounts.AnyAsync(h => h.EventId == e.Id, ct);
        var proposals = await db.Proposals.Where(p => p.EventId == e.Id).Select(p => p.SentOn).ToListAsync(ct);

        errors.Require(attendees.Count == 0 || fields.ProgrammeId == e.ProgrammeId, "programmeId",
            Rules.T("Närvaro är registrerad i programmet; programmet kan inte bytas.", "Attendance is recorded in the programme; the programme cannot change."));
        errors.Require(!hasHeadCounts || fields.Open, "open",
            Rules.T("Anonyma besökare är räknade; dialogen kan inte bli sluten.", "Anonymous visitors are counted; the event cannot become closed."));
        var held = attendees.Count > 0 || hasHeadCounts || proposals.Count > 0;
        errors.Require(!held || fields.Date <= today, "date",
            Rules.T("Närvaro eller förslag är registrerade; datumet kan inte ligga i framtiden.", "Attendance or proposals are recorded; the date cannot be in the future."));
        errors.Require(proposals.All(sent => sent is null || sent >= fields.Date), "date",
            Rules.T("Ett förslag skickades före det nya datumet.", "A proposal was sent before the new date."));
        if (fields.Date != e.Date && errors.IsEmpty)
        {
            foreach (var participant in attendees)
            {
                await enrolments.CheckAsync(participant, fields.ProgrammeId, fields.Date, "date", errors, ct);
            }
        }
    }
}
