using Integration.Abstractions.Validation;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Events;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Proposals;

/// <summary><c>/events/{eventId}/proposals</c> and <c>/proposals</c>: proposals raised at events, sent and answered.</summary>
internal static class ProposalEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/events/{eventId:guid}/proposals", Create).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueCreateProposal").WithSummary("Records a proposal raised at a held event.");
        endpoints.MapGet("/events/{eventId:guid}/proposals", ListForEvent).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueListEventProposals").WithSummary("Lists the proposals raised at an event.");
        endpoints.MapGet("/proposals", List).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueListProposals")
            .WithSummary("Lists proposals by status and theme; unansweredForDays=N gives those sent N or more days ago with no answer yet. Paged.");
        endpoints.MapGet("/proposals/{proposalId:guid}", Get).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueGetProposal").WithSummary("Reads a proposal; the ETag is its version.");
        endpoints.MapPut("/proposals/{proposalId:guid}", Update).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueUpdateProposal").WithSummary("Changes a proposal's text, theme and raisers; needs If-Match.");
        endpoints.MapPost("/proposals/{proposalId:guid}/send", Send).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueSendProposal").WithSummary("Records that the proposal was sent to a municipal body, which starts its reminder; needs If-Match.");
        endpoints.MapPost("/proposals/{proposalId:guid}/answer", Answer).RequireAuthorization(DemocracyDialogueModule.Write)
            .WithName("DemocracyDialogueAnswerProposal").WithSummary("Records the answer and decision (or closes the proposal without an answer), which cancels its reminder; needs If-Match.");
    }

    private static async Task<Results<Created<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid eventId, ProposalRequest request, HttpContext http, DialogueDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Problems.EventNotFound();
        }

        var errors = new FieldErrors();
        errors.Require(e.Date <= clock.Today(), "eventId", Rules.T("Dialogen har inte ägt rum än.", "The event has not taken place yet."));
        if (await ProposalFields.CheckAsync(request, e, db, errors, ct) is not { } fields || !errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = new Proposal { Id = Guid.NewGuid(), EventId = e.Id, Text = fields.Text, Version = 1, CreatedAt = now, UpdatedAt = now };
        db.Proposals.Add(proposal);
        await fields.ApplyToAsync(proposal, db, ct);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(proposal.Version);
        return TypedResults.Created($"/api/modules/{DemocracyDialogueModule.Id}/proposals/{proposal.Id}", await ProposalResponses.OneAsync(db, proposal, ct));
    }

    private static async Task<Results<Ok<List<ProposalResponse>>, ProblemHttpResult>> ListForEvent(Guid eventId, DialogueDbContext db, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Problems.EventNotFound();
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.EventId == eventId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(await ProposalResponses.ManyAsync(db, proposals, ct));
    }

    private static async Task<Results<Ok<DialoguePage<ProposalResponse>>, ValidationProblem>> List(
        string? status, string? theme, int? unansweredForDays, int? page, int? pageSize, DialogueDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Pages.Check(page, pageSize, errors);
        var wantedTheme = string.IsNullOrEmpty(theme) ? null : errors.Enum<ProposalTheme>(theme, "theme");
        errors.Require(status is null or "raised" or "sent" or "answered" or "closed", "status",
            Rules.T("Status är raised, sent, answered eller closed.", "The status is raised, sent, answered or closed."));
        errors.Require(unansweredForDays is null or >= 0 and <= 3650, "unansweredForDays", Rules.T("Ange 0 till 3650 dagar.", "Give 0 to 3650 days."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Proposals.AsNoTracking();
        query = status switch
        {
            "raised" => query.Where(x => x.SentOn == null),
            "sent" => query.Where(x => x.SentOn != null && x.Decision == null),
            "answered" => query.Where(x => x.Decision != null && x.Decision != ProposalDecision.NoAnswer),
            "closed" => query.Where(x => x.Decision == ProposalDecision.NoAnswer),
            _ => query,
        };
        query = wantedTheme is { } t ? query.Where(x => x.Theme == t) : query;
        if (unansweredForDays is { } days)
        {
            var sentBy = clock.Today().AddDays(-days);
            query = query.Where(x => x.SentOn != null && x.SentOn <= sentBy && x.Decision == null);
        }

        // Sent ones first, the longest waiting first; then those not sent yet.
        var ordered = query.OrderBy(x => x.SentOn == null).ThenBy(x => x.SentOn).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id);
        return TypedResults.Ok(await Pages.ReadAsync(ordered, p, size, rows => ProposalResponses.ManyAsync(db, rows, ct), ct));
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> Get(Guid proposalId, HttpContext http, DialogueDbContext db, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (proposal is null)
        {
            return Problems.ProposalNotFound();
        }

        http.Response.SetETag(proposal.Version);
        return TypedResults.Ok(await ProposalResponses.OneAsync(db, proposal, ct));
    }

    private static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid proposalId, ProposalRequest request, HttpContext http, DialogueDbContext db, ProposalReminders reminders, TimeProvider clock, CancellationToken ct)
    {
        var (proposal, e, problem) = await LoadForChangeAsync(proposalId, http, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (await ProposalFields.CheckAsync(request, e!, db, errors, ct) is not { } fields)
        {
            return Problems.Validation(errors);
        }

        await fields.ApplyToAsync(proposal!, db, ct);
        return await SaveAsync(proposal!, reminders.ScheduleAsync, http, db, clock, ct);
    }

    private static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Send(
        Guid proposalId, SendProposalRequest request, HttpContext http, DialogueDbContext db, ProposalReminders reminders, TimeProvider clock, CancellationToken ct)
    {
        var (proposal, e, problem) = await LoadForChangeAsync(proposalId, http, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (proposal!.SentOn is { } sent)
        {
            return Problems.Conflict($"Förslaget skickades redan den {sent:yyyy-MM-dd}.", $"The proposal was already sent on {sent:yyyy-MM-dd}.");
        }

        var errors = new FieldErrors();
        var kind = errors.Enum<MunicipalBodyKind>(request.BodyKind, "bodyKind");
        var name = errors.Text(request.BodyName, "bodyName", DialogueDbContext.TextLength);
        errors.CheckDate(request.SentOn, "sentOn", notBefore: e!.Date, clock.Today(),
            Rules.T("Förslaget kan inte skickas före dialogen.", "The proposal cannot be sent before the event."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        proposal.BodyKind = kind;
        proposal.BodyName = name;
        proposal.SentOn = request.SentOn;
        return await SaveAsync(proposal, reminders.ScheduleAsync, http, db, clock, ct);
    }

    private static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> Answer(
        Guid proposalId, AnswerProposalRequest request, HttpContext http, DialogueDbContext db, ProposalReminders reminders, TimeProvider clock, CancellationToken ct)
    {
        var (proposal, _, problem) = await LoadForChangeAsync(proposalId, http, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (proposal!.SentOn is not { } sentOn)
        {
            return Problems.Conflict("Förslaget har inte skickats; registrera först vart det skickades.", "The proposal has not been sent; record where it was sent first.");
        }

        var errors = new FieldErrors();
        var decision = errors.Enum<ProposalDecision>(request.Decision, "decision");
        errors.CheckDate(request.AnsweredOn, "answeredOn", notBefore: sentOn, clock.Today(),
            Rules.T("Svaret kan inte komma före förslaget skickades.", "The answer cannot come before the proposal was sent."));
        var content = decision == ProposalDecision.NoAnswer
            ? errors.OptionalText(request.Content, "content", DialogueDbContext.LongTextLength)
            : errors.Text(request.Content, "content", DialogueDbContext.LongTextLength);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        proposal.Decision = decision;
        proposal.AnsweredOn = request.AnsweredOn;
        proposal.AnswerContent = content;
        return await SaveAsync(proposal, reminders.StopAsync, http, db, clock, ct);
    }

    /// <summary>The proposal (tracked) and its event, or the 404 or If-Match problem to answer with.</summary>
    private static async Task<(Proposal? Proposal, DialogueEvent? Event, ProblemHttpResult? Problem)> LoadForChangeAsync(
        Guid proposalId, HttpContext http, DialogueDbContext db, CancellationToken ct)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (proposal is null)
        {
            return (null, null, Problems.ProposalNotFound());
        }

        if (Versioning.CheckIfMatch(http.Request, proposal.Version) is { } precondition)
        {
            return (null, null, precondition);
        }

        return (proposal, await db.Events.AsNoTracking().FirstAsync(e => e.Id == proposal.EventId, ct), null);
    }

    /// <summary>Saves the change as a new version, then tells the follow-up engine (<paramref name="afterSave"/>).</summary>
    private static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Proposal proposal, Func<Proposal, CancellationToken, Task> afterSave, HttpContext http, DialogueDbContext db, TimeProvider clock, CancellationToken ct)
    {
        proposal.Version++;
        proposal.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Versioning.Stale();
        }

        await afterSave(proposal, ct);
        http.Response.SetETag(proposal.Version);
        return TypedResults.Ok(await ProposalResponses.OneAsync(db, proposal, ct));
    }
}
