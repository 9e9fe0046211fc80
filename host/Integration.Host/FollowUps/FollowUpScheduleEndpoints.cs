using Integration.Abstractions.Participants;
using System.Text.Json;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Tenancy;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// Admin scheduling: follow-ups for a cohort of enrolments chosen by a filter, safe to send twice (idempotency key),
/// and changes to a whole batch afterwards.
/// </summary>
internal static class FollowUpScheduleEndpoints
{
    private const int MaxKey = 100;

    public static void MapFollowUpScheduleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/follow-ups").WithTags("Follow-ups").RequireAuthorization(Policies.TenantRecordsAdmin);
        group.MapPost("/schedule", Schedule).WithName("ScheduleFollowUps")
            .WithSummary("Schedules a follow-up for every enrolment the filter matches, at a date or an offset after exit; the same idempotency key again creates nothing.");
        group.MapGet("/batches/{batchId:guid}", GetBatch).WithName("GetFollowUpBatch").WithSummary("A schedule request's result and its follow-ups by state.");
        group.MapPost("/batches/{batchId:guid}/reschedule", RescheduleBatch).WithName("RescheduleFollowUpBatch")
            .WithSummary("Gives the open follow-ups of a batch a new due date, or moves them by a number of days.");
        group.MapPost("/batches/{batchId:guid}/cancel", CancelBatch).WithName("CancelFollowUpBatch").WithSummary("Cancels the open follow-ups of a batch.");
    }

    private static async Task<Results<Created<ScheduleResult>, Ok<ScheduleResult>, ValidationProblem, ProblemHttpResult>> Schedule(
        ScheduleFollowUpsRequest request, HttpContext http, IntegrationDbContext db, ITenantContext tenant, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var key = request.IdempotencyKey?.Trim();
        errors.Require(!string.IsNullOrEmpty(key) && key.Length <= MaxKey, "idempotencyKey",
            T($"Ange en idempotensnyckel (högst {MaxKey} tecken) som är unik för beställningen.", $"Give an idempotency key (at most {MaxKey} characters) unique to the request."));
        var canonical = JsonSerializer.Serialize(request with { IdempotencyKey = null }, JsonSerializerOptions.Web);
        if (errors.IsEmpty && await db.FollowUpBatches.AsNoTracking().FirstOrDefaultAsync(b => b.IdempotencyKey == key, ct) is { } earlier)
        {
            return Replay(earlier, canonical);
        }

        var filter = request.Filter ?? new CohortFilter(null, null, null, null, null, null);
        FollowUpEndpoints.CheckKind(request.Kind, errors);
        Abstractions.FollowUps.FollowUpOffset? offset = null;
        if ((request.DueOn is null) == (request.Offset is null))
        {
            errors.Add("dueOn", T("Ange antingen ett datum (dueOn) eller en förskjutning efter avslut (offset).", "Give either a date (dueOn) or an offset after exit (offset)."));
        }
        else if (request.Offset is not null)
        {
            if (FollowUpOffsets.TryParse(request.Offset, out var parsed))
            {
                offset = parsed;
            }
            else
            {
                errors.Add("offset", T($"Skriv förskjutningen som antal och enhet, till exempel \"6 months\" (1–{FollowUpOffsets.MaxAmount}).", $"Write the offset as an amount and a unit, such as \"6 months\" (1–{FollowUpOffsets.MaxAmount})."));
            }
        }

        errors.Require(filter.ExitFrom is null || filter.ExitTo is null || filter.ExitFrom <= filter.ExitTo, "filter.exitTo", T("Slutdatumet ligger före startdatumet.", "The end date is before the start date."));
        if (filter.ProgrammeId is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId, ct))
        {
            errors.Add("filter.programmeId", T("Programmet finns inte.", "The programme does not exist."));
        }

        await FollowUpEndpoints.CheckAssigneeAsync(db, tenant, request.AssigneeId, errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var cohort = db.Enrolments.AsNoTracking().Join(db.Participants.Where(p => p.MergedIntoId == null), e => e.ParticipantId, p => p.Id, (e, p) => new { Enrolment = e, p.Gender });
        cohort = filter.ProgrammeId is { } programme ? cohort.Where(x => x.Enrolment.ProgrammeId == programme) : cohort;
        cohort = string.IsNullOrEmpty(filter.ModuleId) ? cohort : cohort.Where(x => x.Enrolment.ModuleId == filter.ModuleId);
        cohort = filter.Status is { } status ? cohort.Where(x => x.Enrolment.Status == status) : cohort;
        cohort = filter.Gender is { } gender ? cohort.Where(x => x.Gender == gender) : cohort;
        cohort = filter.ExitFrom is { } exitFrom ? cohort.Where(x => x.Enrolment.ExitDate >= exitFrom) : cohort;
        cohort = filter.ExitTo is { } exitTo ? cohort.Where(x => x.Enrolment.ExitDate <= exitTo) : cohort;
        var enrolments = await cohort.Select(x => new { x.Enrolment.Id, x.Enrolment.ParticipantId, x.Enrolment.ModuleId, x.Enrolment.ExitDate }).ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var withdrawn = (await FollowUpConsent.WithdrawnParticipants(db, today).ToListAsync(ct)).ToHashSet();
        var kind = request.Kind!.Trim();
        var open = (await db.FollowUps.Where(f => f.Kind == kind && f.EnrolmentId != null && (f.State == FollowUpState.Scheduled || f.State == FollowUpState.Due))
            .Select(f => new { f.EnrolmentId, f.DueOn }).ToListAsync(ct)).Select(f => (f.EnrolmentId!.Value, f.DueOn)).ToHashSet();

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new FollowUpBatch
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = key!,
            Request = canonical,
            Kind = kind,
            Matched = enrolments.Count,
            CreatedById = http.User.GetUserId(),
            CreatedAt = now,
        };
        foreach (var enrolment in enrolments)
        {
            if (withdrawn.Contains(enrolment.ParticipantId))
            {
                batch.SkippedConsentWithdrawn++;
                continue;
            }

            DateOnly dueOn;
            if (offset is { } o)
            {
                if (enrolment.ExitDate is not { } exit)
                {
                    batch.SkippedNoExitDate++;
                    continue;
                }

                dueOn = o.AddTo(exit);
            }
            else
            {
                dueOn = request.DueOn!.Value;
            }

            if (!open.Add((enrolment.Id, dueOn)))
            {
                batch.SkippedAlreadyScheduled++;
                continue;
            }

            var followUp = new FollowUp
            {
                Id = Guid.NewGuid(),
                Kind = kind,
                Key = $"batch|{batch.Id}|{enrolment.Id}",
                ParticipantId = enrolment.ParticipantId,
                EnrolmentId = enrolment.Id,
                ModuleId = enrolment.ModuleId,
                BatchId = batch.Id,
                DueOn = dueOn,
                AssigneeId = request.AssigneeId,
                State = FollowUpState.Scheduled,
                Note = request.Note?.Trim(),
                CreatedAt = now,
            };
            db.FollowUps.Add(followUp);
            audit.Add(AuditAction.Create, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId);
            batch.Created++;
        }

        db.FollowUpBatches.Add(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same request sent twice at once: the other one's batch won the unique key, and this one saved nothing.
            db.ChangeTracker.Clear();
            if (await db.FollowUpBatches.AsNoTracking().FirstOrDefaultAsync(b => b.IdempotencyKey == key, ct) is { } winner)
            {
                return Replay(winner, canonical);
            }

            throw;
        }

        return TypedResults.Created($"/api/follow-ups/batches/{batch.Id}", ScheduleResult.From(batch, replayed: false));
    }

    private static Results<Created<ScheduleResult>, Ok<ScheduleResult>, ValidationProblem, ProblemHttpResult> Replay(FollowUpBatch earlier, string canonical) =>
        earlier.Request == canonical
            ? TypedResults.Ok(ScheduleResult.From(earlier, replayed: true))
            : Problems.Conflict(
                "Idempotensnyckeln har redan använts för en annan beställning.",
                "The idempotency key was already used for a different request.",
                new Dictionary<string, object?> { ["field"] = "idempotencyKey", ["batchId"] = earlier.Id });

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> GetBatch(Guid batchId, IntegrationDbContext db, CancellationToken ct)
    {
        var batch = await db.FollowUpBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return BatchNotFound();
        }

        var states = await db.FollowUps.Where(f => f.BatchId == batchId).GroupBy(f => f.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(new BatchResponse(ScheduleResult.From(batch, replayed: false), batch.CreatedAt, batch.CreatedById,
            Enum.GetValues<FollowUpState>().ToDictionary(s => s, s => states.FirstOrDefault(x => x.Key == s)?.Count ?? 0)));
    }

    private static async Task<Results<Ok<BatchChangeResult>, ValidationProblem, ProblemHttpResult>> RescheduleBatch(
        Guid batchId, RescheduleBatchRequest request, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.FollowUpBatches.AnyAsync(b => b.Id == batchId, ct))
        {
            return BatchNotFound();
        }

        if ((request.DueOn is null) == (request.ShiftDays is null))
        {
            return Problems.Field("dueOn", "Ange antingen nytt datum (dueOn) eller antal dagar att flytta (shiftDays).", "Give either a new date (dueOn) or a number of days to move (shiftDays).");
        }

        if (request.ShiftDays is { } shift && (shift == 0 || Math.Abs(shift) > 3650))
        {
            return Problems.Field("shiftDays", "Flytta mellan 1 och 3650 dagar framåt eller bakåt.", "Move between 1 and 3650 days forward or back.");
        }

        var open = await db.FollowUps.Where(f => f.BatchId == batchId && (f.State == FollowUpState.Scheduled || f.State == FollowUpState.Due)).ToListAsync(ct);
        open = open.Where(f => (request.DueOn ?? f.DueOn.AddDays(request.ShiftDays!.Value)) != f.DueOn).ToList();
        foreach (var followUp in open)
        {
            followUp.DueOn = request.DueOn ?? followUp.DueOn.AddDays(request.ShiftDays!.Value);
            followUp.State = FollowUpState.Scheduled;
            followUp.DueAt = null;
            followUp.OverdueAt = null;
            followUp.HoldReason = null;
            followUp.Version++;
            audit.Add(AuditAction.Update, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId, ["dueOn"]);
        }

        return await SaveBatchAsync(db, batchId, open.Count, ct);
    }

    private static async Task<Results<Ok<BatchChangeResult>, ValidationProblem, ProblemHttpResult>> CancelBatch(
        Guid batchId, CancelFollowUpRequest? request, IntegrationDbContext db, FollowUpPlanner planner, AuditLog audit, CancellationToken ct)
    {
        if (!await db.FollowUpBatches.AnyAsync(b => b.Id == batchId, ct))
        {
            return BatchNotFound();
        }

        if (FollowUpEndpoints.CheckReason(request?.Reason) is { } invalid)
        {
            return invalid;
        }

        var open = await db.FollowUps.Where(f => f.BatchId == batchId && (f.State == FollowUpState.Scheduled || f.State == FollowUpState.Due)).ToListAsync(ct);
        foreach (var followUp in open)
        {
            planner.Close(followUp, FollowUpState.Cancelled);
            followUp.CancelReason = request?.Reason?.Trim();
            audit.Add(AuditAction.Update, FollowUpPlanner.RecordType, followUp.Id, followUp.ParticipantId, ["state"]);
        }

        return await SaveBatchAsync(db, batchId, open.Count, ct);
    }

    private static async Task<Results<Ok<BatchChangeResult>, ValidationProblem, ProblemHttpResult>> SaveBatchAsync(IntegrationDbContext db, Guid batchId, int changed, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The dispatcher or a case worker changed one of them meanwhile; nothing of this request was saved.
            return Problems.Conflict("En uppföljning i satsen ändrades samtidigt; försök igen.", "A follow-up of the batch changed meanwhile; try again.");
        }

        return TypedResults.Ok(new BatchChangeResult(batchId, changed));
    }

    private static ProblemHttpResult BatchNotFound() => Problems.NotFound("Satsen finns inte.", "The batch does not exist.");

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);
}

/// <summary>Which enrolments a schedule request covers; every criterion left out matches all.</summary>
/// <param name="Status">The enrolment's status (<c>exited</c> for follow-ups after exit).</param>
public sealed record CohortFilter(Guid? ProgrammeId, string? ModuleId, DateOnly? ExitFrom, DateOnly? ExitTo, Gender? Gender, EnrolmentStatus? Status);

/// <summary>Follow-ups for a cohort.</summary>
/// <param name="IdempotencyKey">Unique to this request: sending it again answers with the first result and creates nothing.</param>
/// <param name="DueOn">One date for all.</param>
/// <param name="Offset">Or an offset after each enrolment's exit date (<c>"6 months"</c>).</param>
public sealed record ScheduleFollowUpsRequest(string? IdempotencyKey, string? Kind, CohortFilter? Filter, DateOnly? DueOn, string? Offset, Guid? AssigneeId, string? Note);

/// <summary>What a schedule request did.</summary>
/// <param name="Replayed">True when this is the answer to an earlier request with the same idempotency key.</param>
public sealed record ScheduleResult(Guid BatchId, string Kind, int Matched, int Created, ScheduleSkips Skipped, bool Replayed)
{
    internal static ScheduleResult From(FollowUpBatch b, bool replayed) =>
        new(b.Id, b.Kind, b.Matched, b.Created, new ScheduleSkips(b.SkippedConsentWithdrawn, b.SkippedNoExitDate, b.SkippedAlreadyScheduled), replayed);
}

/// <summary>Matched enrolments that got no follow-up, by reason.</summary>
public sealed record ScheduleSkips(int ConsentWithdrawn, int NoExitDate, int AlreadyScheduled);

/// <summary>A batch with its follow-ups counted by state.</summary>
public sealed record BatchResponse(ScheduleResult Result, DateTime CreatedAt, Guid? CreatedById, IReadOnlyDictionary<FollowUpState, int> States);

/// <summary>A new date for a batch's open follow-ups, or days to move them by.</summary>
public sealed record RescheduleBatchRequest(DateOnly? DueOn, int? ShiftDays);

/// <summary>How many follow-ups of a batch changed.</summary>
public sealed record BatchChangeResult(Guid BatchId, int Changed);
