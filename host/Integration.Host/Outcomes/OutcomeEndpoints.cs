using Integration.Abstractions.Participants;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Outcomes;

/// <summary><c>/api/participants/{participantId}/outcomes</c>: what happened to a participant, dated and sourced.</summary>
internal static class OutcomeEndpoints
{
    internal const string RecordType = "outcome";

    public static void MapOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var outcomes = app.MapGroup("/api/participants/{participantId:guid}/outcomes").WithTags("Outcomes").RequireAuthorization(Policies.PersonalData);
        outcomes.MapGet("/", List).WithName("ListOutcomes").WithSummary("The participant's outcomes, newest first.");
        outcomes.MapPost("/", Record).WithName("RecordOutcome").WithSummary("Records an outcome, optionally attributed to one of the participant's enrolments.");
        outcomes.MapDelete("/{outcomeId:guid}", Delete).WithName("DeleteOutcome").WithSummary("Removes an outcome recorded by mistake (audited).");
    }

    private static async Task<Results<Ok<List<OutcomeResponse>>, ProblemHttpResult>> List(Guid participantId, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Participants.AnyAsync(p => p.Id == participantId, ct))
        {
            return ParticipantNotFound();
        }

        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.ParticipantId == participantId)
            .OrderByDescending(o => o.Date).ThenByDescending(o => o.RecordedAt).ToListAsync(ct);
        await audit.ReadBeforeAnswerAsync(RecordType, outcomes.Select(o => (o.Id, participantId)), ct);
        return TypedResults.Ok(outcomes.Select(OutcomeResponse.From).ToList());
    }

    private static async Task<Results<Created<OutcomeResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid participantId, OutcomeRequest request, IntegrationDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.MergedIntoId == null, ct))
        {
            return ParticipantNotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = await OutcomeRules.ValidateAsync(db, participantId, request.Type, request.Detail, request.Date, request.Source, request.EnrolmentId, request.Note, today, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var outcome = request.ToOutcome(participantId, request.EnrolmentId, clock.GetUtcNow().UtcDateTime);
        db.Outcomes.Add(outcome);
        audit.Add(AuditAction.Create, RecordType, outcome.Id, participantId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/participants/{participantId}/outcomes/{outcome.Id}", OutcomeResponse.From(outcome));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid participantId, Guid outcomeId, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var outcome = await db.Outcomes.FirstOrDefaultAsync(o => o.Id == outcomeId && o.ParticipantId == participantId, ct);
        if (outcome is null)
        {
            return Problems.NotFound("Utfallet finns inte.", "The outcome does not exist.");
        }

        db.Outcomes.Remove(outcome);
        audit.Add(AuditAction.Delete, RecordType, outcome.Id, participantId);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult ParticipantNotFound() => Problems.NotFound("Deltagaren finns inte.", "The participant does not exist.");
}

/// <summary>An outcome to record.</summary>
/// <param name="Type"><c>employed</c>, <c>selfEmployed</c>, <c>internship</c>, <c>studies</c>, <c>jobSeeking</c>, <c>selfSufficient</c>, <c>movedAway</c>, <c>other</c>.</param>
/// <param name="Detail">For employed: <c>fullTime</c>, <c>partTime</c>, <c>subsidised</c>; for studies: <c>sfi</c>, <c>adultEducation</c>, <c>vocational</c>, <c>university</c>.</param>
/// <param name="Source"><c>selfReported</c>, <c>caseWorkerVerified</c> or <c>register</c>.</param>
/// <param name="EnrolmentId">The enrolment the outcome is attributed to, if any.</param>
public sealed record OutcomeRequest(OutcomeType? Type, OutcomeDetail? Detail, DateOnly? Date, OutcomeSource? Source, Guid? EnrolmentId, string? Note)
{
    /// <summary>The outcome of a validated request, attributed to <paramref name="enrolmentId"/>.</summary>
    internal Outcome ToOutcome(Guid participantId, Guid? enrolmentId, DateTime recordedAt) => new()
    {
        Id = Guid.NewGuid(),
        ParticipantId = participantId,
        Type = Type!.Value,
        Detail = Detail,
        Date = Date!.Value,
        Source = Source!.Value,
        EnrolmentId = enrolmentId,
        Note = Note?.Trim(),
        RecordedAt = recordedAt,
    };
}

/// <summary>An outcome.</summary>
/// <param name="RecordedByModule">The module that recorded it through the contract, if any.</param>
public sealed record OutcomeResponse(Guid Id, Guid ParticipantId, OutcomeType Type, OutcomeDetail? Detail, DateOnly Date, OutcomeSource Source, Guid? EnrolmentId, string? RecordedByModule, string? Note, DateTime RecordedAt)
{
    internal static OutcomeResponse From(Outcome o) => new(o.Id, o.ParticipantId, o.Type, o.Detail, o.Date, o.Source, o.EnrolmentId, o.RecordedByModule, o.Note, o.RecordedAt);
}
