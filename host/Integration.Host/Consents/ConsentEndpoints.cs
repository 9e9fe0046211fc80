using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Consents;

/// <summary>
/// <c>/api/participants/{participantId}/consents</c>: consents per purpose, given and withdrawn. After a withdrawal is saved,
/// every module's <see cref="IConsentWithdrawalHandler"/> runs (the health module removes stored scores); the follow-up
/// engine reads the consents themselves when it plans and dispatches.
/// </summary>
internal static class ConsentEndpoints
{
    private const string RecordType = "consent";

    public static void MapConsentEndpoints(this IEndpointRouteBuilder app)
    {
        var consents = app.MapGroup("/api/participants/{participantId:guid}/consents").WithTags("Consents").RequireAuthorization(Policies.PersonalData);
        consents.MapGet("/", List).WithName("ListConsents").WithSummary("The participant's consents, newest first.");
        consents.MapPost("/", Give).WithName("GiveConsent").WithSummary("Records a consent for a purpose; 409 while one for that purpose is in force.");
        consents.MapPost("/{consentId:guid}/withdraw", Withdraw).WithName("WithdrawConsent").WithSummary("Records that a consent was withdrawn.");
    }

    private static async Task<Results<Ok<List<ConsentResponse>>, ProblemHttpResult>> List(
        Guid participantId, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Participants.AnyAsync(p => p.Id == participantId, ct))
        {
            return ParticipantNotFound();
        }

        var consents = await db.Consents.AsNoTracking().Where(c => c.ParticipantId == participantId)
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);
        await audit.ReadBeforeAnswerAsync(RecordType, consents.Select(c => (c.Id, participantId)), ct);
        return TypedResults.Ok(consents.Select(ConsentResponse.From).ToList());
    }

    private static async Task<Results<Created<ConsentResponse>, ValidationProblem, ProblemHttpResult>> Give(
        Guid participantId, GiveConsentRequest request, IntegrationDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.MergedIntoId == null, ct))
        {
            return ParticipantNotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = new FieldErrors()
            .Require(request.Purpose is not null, "purpose", LocalizedText.Pick("Ange syfte: participation, followUpContact, healthData eller publicity.", "Give the purpose: participation, followUpContact, healthData or publicity."))
            .Require(request.GivenOn is null || request.GivenOn <= today, "givenOn", LocalizedText.Pick("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."))
            .Require(request.Note is null || request.Note.Length <= 500, "note", LocalizedText.Pick("Anteckningen har högst 500 tecken.", "The note has at most 500 characters."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var givenOn = request.GivenOn ?? today;
        var inForce = await db.Consents.Where(c => c.ParticipantId == participantId && c.Purpose == request.Purpose && c.WithdrawnOn == null).AnyAsync(ct);
        if (inForce)
        {
            return Problems.Conflict("Ett samtycke för det syftet gäller redan.", "A consent for that purpose is already in force.");
        }

        var consent = new Consent
        {
            Id = Guid.NewGuid(),
            ParticipantId = participantId,
            Purpose = request.Purpose!.Value,
            GivenOn = givenOn,
            Note = request.Note?.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Consents.Add(consent);
        audit.Add(AuditAction.Create, RecordType, consent.Id, participantId, ["purpose", "givenOn"]);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/participants/{participantId}/consents/{consent.Id}", ConsentResponse.From(consent));
    }

    private static async Task<Results<Ok<ConsentResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid participantId, Guid consentId, WithdrawConsentRequest? request, IntegrationDbContext db, AuditLog audit,
        IEnumerable<IConsentWithdrawalHandler> handlers, TimeProvider clock, ILogger<Consent> logger, CancellationToken ct)
    {
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId && c.ParticipantId == participantId, ct);
        if (consent is null)
        {
            return Problems.NotFound("Samtycket finns inte.", "The consent does not exist.");
        }

        if (consent.WithdrawnOn is not null)
        {
            return Problems.Conflict("Samtycket är redan återkallat.", "The consent is already withdrawn.");
        }

        var withdrawnOn = request?.WithdrawnOn ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (withdrawnOn < consent.GivenOn)
        {
            return Problems.Field("withdrawnOn", "Ett samtycke kan inte återkallas före det gavs.", "A consent cannot be withdrawn before it was given.");
        }

        consent.WithdrawnOn = withdrawnOn;
        audit.Add(AuditAction.Update, RecordType, consent.Id, participantId, ["withdrawnOn"]);
        await db.SaveChangesAsync(ct);

        // After the save, not inside its transaction: a module writes through its own context and connection, which on
        // SQLite would wait for the host's write lock. Handlers are idempotent and modules check consent where they read.
        foreach (var handler in handlers)
        {
            try
            {
                await handler.WithdrawnAsync(participantId, consent.Purpose, withdrawnOn, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Consent withdrawal handler {Handler} failed for consent {ConsentId}", handler.GetType().FullName, consent.Id);
            }
        }

        return TypedResults.Ok(ConsentResponse.From(consent));
    }

    private static ProblemHttpResult ParticipantNotFound() => Problems.NotFound("Deltagaren finns inte.", "The participant does not exist.");
}

/// <summary>A consent to record.</summary>
/// <param name="Purpose"><c>participation</c>, <c>followUpContact</c>, <c>healthData</c> or <c>publicity</c>.</param>
/// <param name="GivenOn">When it was given; today when left out.</param>
public sealed record GiveConsentRequest(ConsentPurpose? Purpose, DateOnly? GivenOn, string? Note);

/// <summary>A withdrawal.</summary>
/// <param name="WithdrawnOn">When; today when left out.</param>
public sealed record WithdrawConsentRequest(DateOnly? WithdrawnOn);

/// <summary>A consent.</summary>
public sealed record ConsentResponse(Guid Id, Guid ParticipantId, ConsentPurpose Purpose, DateOnly GivenOn, DateOnly? WithdrawnOn, string? Note, bool InForce)
{
    internal static ConsentResponse From(Consent c) => new(c.Id, c.ParticipantId, c.Purpose, c.GivenOn, c.WithdrawnOn, c.Note, c.WithdrawnOn is null);
}
