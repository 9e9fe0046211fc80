using System.Text.RegularExpressions;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Tenancy;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary><c>/api/follow-ups</c>: the follow-ups of the tenant, the case worker's worklist, results and admin changes.</summary>
internal static partial class FollowUpEndpoints
{
    private const int MaxNote = 1000;
    private const int MaxReason = 300;

    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var followUps = app.MapGroup("/api/follow-ups").WithTags("Follow-ups").RequireAuthorization(Policies.PersonalData);
        followUps.MapGet("/", List).WithName("ListFollowUps").WithSummary("Follow-ups of the tenant by participant, enrolment, state, kind, assignee, batch or due date; paged.");
        followUps.MapGet("/worklist", Worklist).WithName("FollowUpWorklist")
            .WithSummary("Due and overdue follow-ups, overdue first, then by due date: the signed-in user's and the unassigned ones (assignee=me), or all (assignee=all).");
        followUps.MapGet("/{followUpId:guid}", Get).WithName("GetFollowUp").WithSummary("One follow-up.");
        followUps.MapPost("/", Create).WithName("CreateFollowUp").WithSummary("Plans one follow-up by hand.");
        followUps.MapPost("/{followUpId:guid}/complete", Complete).WithName("CompleteFollowUp")
            .WithSummary("Records the result: reached (done) or not (missed), a note, and optionally an outcome in the same request.");
        followUps.MapPatch("/{followUpId:guid}", Change).RequireAuthorization(Policies.TenantRecordsAdmin).WithName("ChangeFollowUp")
            .WithSummary("Reschedules or reassigns an open follow-up (admins).");
        followUps.MapPost("/{followUpId:guid}/cancel", Cancel).RequireAuthorization(Policies.TenantRecordsAdmin).WithName("CancelFollowUp")
            .WithSummary("Cancels an open follow-up (admins).");
    }

    private static async Task<Results<Ok<Page<FollowUpResponse>>, ValidationProblem>> List(
        Guid? participantId, Guid? enrolmentId, string? state, string? kind, Guid? assigneeId, Guid? batchId, DateOnly? dueFrom, DateOnly? dueTo,
        int? page, int? pageSize, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var wanted = QueryValues.ParseEnum<FollowUpState>(state, "state", errors);
        errors.Require(dueFrom is null || dueTo is null || dueFrom <= dueTo, "dueTo", T("Slutdatumet ligger före startdatumet.", "The end date is before the start date."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.FollowUps.AsNoTracking();
        query = participantId is { } participant ? query.Where(f => f.ParticipantId == participant) : query;
        query = enrolmentId is { } enrolment ? query.Where(f => f.EnrolmentId == enrolment) : query;
        query = wanted is { } s ? query.Where(f => f.State == s) : query;
        query = string.IsNullOrEmpty(kind) ? query : query.Where(f => f.Kind == kind);
        query = assigneeId is { } assignee ? query.Where(f => f.AssigneeId == assignee) : query;
        query = batchId is { } batch ? query.Where(f => f.BatchId == batch) : query;
        query = dueFrom is { } from ? query.Where(f => f.DueOn >= from) : query;
        query = dueTo is { } to ? query.Where(f => f.DueOn <= to) : query;

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(f => f.DueOn).ThenBy(f => f.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        await audit.ReadBeforeAnswerAsync(FollowUpPlanner.RecordType, items.Select(f => (f.Id, f.ParticipantId)), ct);
        return TypedResults.Ok(new Page<FollowUpResponse>(items.Select(f => FollowUpResponse.From(f)).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<Page<FollowUpResponse>>, ValidationProblem>> Worklist(
        string? assignee, int? page, int? pageSize, HttpContext http, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var wanted = assignee?.Trim().ToLowerInvariant();
        var all = wanted == "all";
        errors.Require(wanted is null or "" or "me" or "all", "assignee", T("Ange me (mina och otilldelade) eller all.", "Give me (mine and unassigned) or all."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var skip = (p - 1) * size;
        int total;
        List<Guid> pageIds;
        if (!all && http.User.GetUserId() is { } me)
        {
            // The usual worklist, mine and the unassigned ones, compiled (WorklistQueries).
            total = await WorklistQueries.CountAsync(db, me, ct);
            pageIds = await WorklistQueries.PageIdsAsync(db, me, skip, size, ct);
        }
        else
        {
            var due = db.FollowUps.AsNoTracking().Where(f => f.State == FollowUpState.Due);
            var query = all ? due : due.Where(f => f.AssigneeId == null);
            total = await query.CountAsync(ct);

            // The page is chosen on the ids and the sort columns, and only its rows are read in full: sorting whole
            // rows (notes and all) of a long worklist cost several times the rest of the request.
            pageIds = await query
                .OrderBy(f => f.OverdueAt == null).ThenBy(f => f.DueOn).ThenBy(f => f.Id)
                .Skip(skip).Take(size)
                .Select(f => f.Id)
                .ToListAsync(ct);
        }

        var position = pageIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        var rows = (await WorklistQueries.RowsAsync(db, [.. pageIds], ct))
            .OrderBy(r => position[r.FollowUp.Id])
            .ToList();
        await audit.ReadBeforeAnswerAsync(FollowUpPlanner.RecordType, rows.Select(r => (r.FollowUp.Id, r.FollowUp.ParticipantId)), ct);
        return TypedResults.Ok(new Page<FollowUpResponse>(rows.Select(r => FollowUpResponse.From(r.FollowUp, $"{r.GivenName} {r.FamilyName}")).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<FollowUpResponse>, ProblemHttpResult>> Get(Guid followUpId, HttpContext http, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var followUp = await db.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.Id == followUpId, ct);
        if (followUp is null)
        {
            return NotFound();
        }

        await audit.ReadBeforeAnswerAsync(FollowUpPlanner.RecordType, [(followUp.Id, followUp.ParticipantId)], ct);
        http.Response.SetETag(followUp.Version);
        return TypedResults.Ok(FollowUpResponse.From(followUp));
    }

    private static async Task<Results<Created<FollowUpResponse>, ValidationProblem>> Create(
        CreateFollowUpRequest request, HttpContext http, IntegrationDbContext db, ITenantContext tenant, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (request.ParticipantId is not { } participantId)
        {
            errors.Add("participantId", T("Ange deltagaren.", "Give the participant."));
        }
        else if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.MergedIntoId == null, ct))
        {
            errors.Add("participantId", T("Deltagaren finns inte.", "The participant does not exist."));
        }
        else if (await FollowUpConsent.WithdrawnParticipants(db, today).AnyAsync(id => id == participantId, ct))
        {
            errors.Add("participantId", T("Deltagaren har återkallat samtycket till uppföljningskontakt.", "The participant has withdrawn consent to follow-up contact."));
        }

        string? moduleId = null;
        if (request.EnrolmentId is { } enrolmentId)
        {
            moduleId = await db.Enrolments.Where(e => e.Id == enrolmentId && e.ParticipantId == request.ParticipantId).Select(e => e.ModuleId).FirstOrDefaultAsync(ct);
            errors.Require(moduleId is not null, "enrolmentId", T("Inskrivningen finns inte för deltagaren.", "The enrolment does not exist for the participant."));
        }

        CheckKind(request.Kind, errors);
        errors.Require(request.DueOn is not null, "dueOn", T("Ange förfallodatum.", "Give the due date."));
        errors.Require(request.Note is null || request.Note.Length <= MaxNote, "note", T($"Anteckningen har högst {MaxNote} tecken.", $"The note has at most {MaxNote} characters."));
        await CheckAssigneeAsync(db, tenant, request.AssigneeId, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var id = Guid.NewGuid();
        var followUp = new FollowUp
        {
            Id = id,
            Kind = request.Kind!.Trim(),
            Key = $"manual|{id}",
            ParticipantId = request.ParticipantId!.Value,
            EnrolmentId = request.EnrolmentId,
            ModuleId = moduleId,
            DueOn = request.DueOn!.Value,
            AssigneeId = request.AssigneeId ?? http.User.GetUserId(),
            State = FollowUpState.Scheduled,
            Note = request.Note?.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.FollowUps.Add(followUp);
        audit.Add(AuditAction.Create, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(followUp.Version);
        return TypedResults.Created($"/api/follow-ups/{followUp.Id}", FollowUpResponse.From(followUp));
    }

    private static async Task<Results<Ok<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid followUpId, CompleteFollowUpRequest request, HttpContext http, IntegrationDbContext db, FollowUpPlanner planner, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (followUp, refused) = await LoadOpenAsync(followUpId, http, db, ct);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new FieldErrors();
        errors.Require(request.Reached is not null, "reached", T("Ange om deltagaren nåddes (true) eller inte (false).", "Say whether the participant was reached (true) or not (false)."));
        errors.Require(request.Note is null || request.Note.Length <= MaxNote, "note", T($"Anteckningen har högst {MaxNote} tecken.", $"The note has at most {MaxNote} characters."));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (request.Outcome is { } o)
        {
            var outcomeErrors = await OutcomeRules.ValidateAsync(db, followUp.ParticipantId, o.Type, o.Detail, o.Date, o.Source, o.EnrolmentId ?? followUp.EnrolmentId, o.Note, today, ct);
            foreach (var (field, messages) in outcomeErrors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add($"outcome.{field}", message);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (request.Outcome is { } outcomeRequest)
        {
            var outcome = outcomeRequest.ToOutcome(followUp.ParticipantId, outcomeRequest.EnrolmentId ?? followUp.EnrolmentId, clock.GetUtcNow().UtcDateTime);
            db.Outcomes.Add(outcome);
            audit.Add(AuditAction.Create, OutcomeEndpoints.RecordType, outcome.Id, followUp.ParticipantId);
            followUp.OutcomeId = outcome.Id;
        }

        if (followUp.State == FollowUpState.Scheduled)
        {
            await planner.ContinueSeriesAsync(followUp, ct);
        }

        followUp.Reached = request.Reached;
        followUp.Note = request.Note?.Trim() ?? followUp.Note;
        planner.Close(followUp, request.Reached == true ? FollowUpState.Done : FollowUpState.Missed);
        audit.Add(AuditAction.Update, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId, ["state", "reached", "note", .. followUp.OutcomeId is null ? Array.Empty<string>() : ["outcomeId"]]);
        return await SaveAsync(http, db, followUp, ct);
    }

    private static async Task<Results<Ok<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid followUpId, ChangeFollowUpRequest request, HttpContext http, IntegrationDbContext db, ITenantContext tenant, AuditLog audit, CancellationToken ct)
    {
        var (followUp, refused) = await LoadOpenAsync(followUpId, http, db, ct);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new FieldErrors();
        errors.Require(request.DueOn is not null || request.AssigneeId is not null || request.Unassign == true, "dueOn",
            T("Ange nytt förfallodatum (dueOn), handläggare (assigneeId) eller unassign=true.", "Give a new due date (dueOn), assignee (assigneeId) or unassign=true."));
        errors.Require(request.AssigneeId is null || request.Unassign != true, "unassign", T("Ange handläggare eller unassign, inte båda.", "Give an assignee or unassign, not both."));
        await CheckAssigneeAsync(db, tenant, request.AssigneeId, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var fields = new List<string>();
        if (request.DueOn is { } dueOn && dueOn != followUp.DueOn)
        {
            followUp.DueOn = dueOn;
            fields.Add("dueOn");

            // A new date starts the follow-up over: scheduled again, not yet due, overdue or held.
            followUp.State = FollowUpState.Scheduled;
            followUp.DueAt = null;
            followUp.OverdueAt = null;
            followUp.HoldReason = null;
        }

        if (request.AssigneeId is not null || request.Unassign == true)
        {
            followUp.AssigneeId = request.AssigneeId;
            fields.Add("assigneeId");
        }

        followUp.Version++;
        audit.Add(AuditAction.Update, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId, fields);
        return await SaveAsync(http, db, followUp, ct);
    }

    private static async Task<Results<Ok<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid followUpId, CancelFollowUpRequest? request, HttpContext http, IntegrationDbContext db, FollowUpPlanner planner, AuditLog audit, CancellationToken ct)
    {
        var (followUp, refused) = await LoadOpenAsync(followUpId, http, db, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (CheckReason(request?.Reason) is { } invalid)
        {
            return invalid;
        }

        planner.Close(followUp, FollowUpState.Cancelled);
        followUp.CancelReason = request?.Reason?.Trim();
        audit.Add(AuditAction.Update, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId, ["state"]);
        return await SaveAsync(http, db, followUp, ct);
    }

    /// <summary>An open follow-up to change, or why not: 404, 428/412 (If-Match), 409 when it is already closed.</summary>
    private static async Task<(FollowUp FollowUp, ProblemHttpResult? Refused)> LoadOpenAsync(Guid followUpId, HttpContext http, IntegrationDbContext db, CancellationToken ct)
    {
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.Id == followUpId, ct);
        return followUp is null ? (null!, NotFound())
            : Versioning.CheckIfMatch(http.Request, followUp.Version) is { } precondition ? (followUp, precondition)
            : !followUp.IsOpen ? (followUp, Problems.Conflict($"Uppföljningen är redan {followUp.State} och ändras inte.", $"The follow-up is already {followUp.State} and does not change."))
            : (followUp, null);
    }

    internal static ValidationProblem? CheckReason(string? reason) =>
        reason is { Length: > MaxReason } ? Problems.Field("reason", $"Orsaken har högst {MaxReason} tecken.", $"The reason has at most {MaxReason} characters.") : null;

    internal static void CheckKind(string? kind, FieldErrors errors) =>
        errors.Require(kind is not null && kind.Trim().Length <= 60 && KindPattern().IsMatch(kind.Trim()), "kind",
            T("Ange typ med gemener, siffror och bindestreck (högst 60 tecken), till exempel after-exit.", "Give the kind in lower-case letters, digits and dashes (at most 60 characters), such as after-exit."));

    internal static async Task CheckAssigneeAsync(IntegrationDbContext db, ITenantContext tenant, Guid? assigneeId, FieldErrors errors, CancellationToken ct)
    {
        if (assigneeId is not { } id)
        {
            return;
        }

        // Staff users are not tenant rows (a system admin has none), so the tenant is checked here.
        var tenantId = tenant.TenantId;
        var staff = await db.Users.AnyAsync(u => u.Id == id && u.IsActive && u.TenantId == tenantId, ct);
        errors.Require(staff, "assigneeId", T("Handläggaren finns inte i organisationen.", "The assignee is not a staff user of the tenant."));
    }

    private static async Task<Results<Ok<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(HttpContext http, IntegrationDbContext db, FollowUp followUp, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versioning.Stale();
        }

        http.Response.SetETag(followUp.Version);
        return TypedResults.Ok(FollowUpResponse.From(followUp));
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("Uppföljningen finns inte.", "The follow-up does not exist.");

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KindPattern();
}
