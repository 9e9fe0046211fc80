using Integration.Abstractions.Participants;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Modules;
using Integration.Host.Programmes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Enrolments;

/// <summary><c>/api/enrolments</c>: participants in the modules of programmes, and their way through them.</summary>
internal static class EnrolmentEndpoints
{
    internal const string RecordType = "enrolment";

    public static void MapEnrolmentEndpoints(this IEndpointRouteBuilder app)
    {
        var enrolments = app.MapGroup("/api/enrolments").WithTags("Enrolments").RequireAuthorization(Policies.PersonalData);
        enrolments.MapPost("/", Create)
            .WithName("CreateEnrolment")
            .WithSummary("Enrols a participant in a module of a programme. The programme must be open and use the module, and the tenant must have enabled it.");
        enrolments.MapGet("/", List)
            .WithName("ListEnrolments")
            .WithSummary("Lists enrolments by participant, programme, module or status; paged.");
        enrolments.MapGet("/{enrolmentId:guid}", Get)
            .WithName("GetEnrolment")
            .WithSummary("Reads an enrolment with the statuses it may move to; the ETag is its version.");
        enrolments.MapPut("/{enrolmentId:guid}", Update)
            .WithName("UpdateEnrolment")
            .WithSummary("Changes the planned end; needs If-Match.");
        enrolments.MapPost("/{enrolmentId:guid}/status", ChangeStatus)
            .WithName("ChangeEnrolmentStatus")
            .WithSummary("Moves the enrolment: referred → waitlisted → active ⇄ paused → exited (with an exit reason); needs If-Match.");
    }

    private static async Task<Results<Created<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateEnrolmentRequest request, HttpContext http, IntegrationDbContext db, ModuleCatalog catalog, ModuleEnablement enablement,
        ParticipationTracker participations, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var today = Today(clock);
        var errors = new FieldErrors()
            .Require(request.ParticipantId is not null, "participantId", T("Ange deltagare.", "Give the participant."))
            .Require(request.ProgrammeId is not null, "programmeId", T("Ange program.", "Give the programme."))
            .Require(!string.IsNullOrWhiteSpace(request.ModuleId), "moduleId", T("Ange modul.", "Give the module."));
        var status = request.Status ?? EnrolmentStatus.Referred;
        errors.Require(status is EnrolmentStatus.Referred or EnrolmentStatus.Waitlisted or EnrolmentStatus.Active, "status",
            T("En ny inskrivning är referred, waitlisted eller active.", "A new enrolment is referred, waitlisted or active."));
        errors.Require(status != EnrolmentStatus.Active || request.StartDate is not null, "startDate", T("Ange startdatum för en aktiv inskrivning.", "Give the start date of an active enrolment."));
        errors.Require(status == EnrolmentStatus.Active || request.StartDate is null, "startDate", T("Startdatum sätts när inskrivningen blir aktiv.", "The start date is set when the enrolment becomes active."));
        var referredOn = request.ReferredOn ?? request.StartDate ?? today;
        errors.Require(referredOn <= today, "referredOn", T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
        errors.Require(request.StartDate is null || request.StartDate <= today, "startDate", T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
        errors.Require(request.StartDate is null || request.StartDate >= referredOn, "startDate", T("Starten kan inte ligga före remissen.", "The start cannot be before the referral."));
        errors.Require(request.PlannedEndDate is null || request.PlannedEndDate >= (request.StartDate ?? referredOn), "plannedEndDate", T("Planerat slut kan inte ligga före starten.", "The planned end cannot be before the start."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Id == request.ParticipantId && p.MergedIntoId == null, ct);
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProgrammeId, ct);
        var moduleId = request.ModuleId!.Trim();
        errors.Require(participant is not null, "participantId", T("Deltagaren finns inte.", "The participant does not exist."));
        if (programme is null)
        {
            errors.Add("programmeId", T("Programmet finns inte.", "The programme does not exist."));
        }
        else
        {
            errors.Require(programme.Status == ProgrammeStatus.Open, "programmeId", T("Programmet är stängt.", "The programme is closed."));
            errors.Require(programme.ModuleIds.Contains(moduleId), "moduleId", T($"Programmet använder inte modulen '{moduleId}'.", $"The programme does not use the module '{moduleId}'."));
            errors.Require((request.StartDate ?? referredOn) >= programme.PeriodStart && (request.StartDate ?? referredOn) <= programme.PeriodEnd,
                request.StartDate is null ? "referredOn" : "startDate", T("Datumet ligger utanför programmets period.", "The date is outside the programme's period."));
        }

        var tenantId = http.User.GetTenantId()!.Value;
        if (!catalog.IsAvailable(moduleId) || !await enablement.IsEnabledAsync(tenantId, moduleId, ct))
        {
            errors.Add("moduleId", T($"Modulen '{moduleId}' är inte aktiverad för organisationen.", $"The module '{moduleId}' is not enabled for the tenant."));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var open = await db.Enrolments.Where(e => e.ParticipantId == participant!.Id && e.ProgrammeId == programme!.Id && e.ModuleId == moduleId && e.Status != EnrolmentStatus.Exited)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (open is { } existing)
        {
            return Problems.Conflict("Deltagaren är redan inskriven i modulen i programmet.", "The participant is already enrolled in the module in the programme.",
                new Dictionary<string, object?> { ["existingId"] = existing });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var enrolment = new Enrolment
        {
            Id = Guid.NewGuid(),
            ParticipantId = participant!.Id,
            ProgrammeId = programme!.Id,
            ModuleId = moduleId,
            Status = status,
            ReferredOn = referredOn,
            StartDate = request.StartDate,
            PlannedEndDate = request.PlannedEndDate,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Enrolments.Add(enrolment);
        db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, Status = EnrolmentStatus.Referred, Date = referredOn, RecordedAt = now });
        if (status != EnrolmentStatus.Referred)
        {
            db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, Status = status, Date = request.StartDate ?? referredOn, RecordedAt = now });
        }

        await participations.UpdateAsync(participant, programme.Id, ct);
        audit.Add(AuditAction.Create, RecordType, enrolment.Id, participant.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request enrolled the same participant at the same moment (the ongoing-enrolment index or the
            // participation caught it): nothing was saved.
            return Problems.Conflict(
                "Deltagaren skrevs in samtidigt i en annan förfrågan. Läs inskrivningarna igen.",
                "The participant was enrolled by another request at the same moment. Read the enrolments again.");
        }
        http.Response.SetETag(enrolment.Version);
        return TypedResults.Created($"/api/enrolments/{enrolment.Id}", EnrolmentResponse.From(enrolment));
    }

    private static async Task<Results<Ok<Page<EnrolmentResponse>>, ValidationProblem>> List(
        Guid? participantId, Guid? programmeId, string? moduleId, string? status, int? page, int? pageSize, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var wanted = QueryValues.ParseEnum<EnrolmentStatus>(status, "status", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Enrolments.AsNoTracking();
        if (participantId is { } participant)
        {
            query = query.Where(e => e.ParticipantId == participant);
        }

        if (programmeId is { } programme)
        {
            query = query.Where(e => e.ProgrammeId == programme);
        }

        if (!string.IsNullOrEmpty(moduleId))
        {
            query = query.Where(e => e.ModuleId == moduleId);
        }

        if (wanted is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.ReferredOn).ThenBy(e => e.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        await audit.ReadBeforeAnswerAsync(RecordType, items.Select(e => (e.Id, e.ParticipantId)), ct);
        return TypedResults.Ok(new Page<EnrolmentResponse>(items.Select(EnrolmentResponse.From).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ProblemHttpResult>> Get(Guid enrolmentId, HttpContext http, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is null)
        {
            return NotFound();
        }

        await audit.ReadBeforeAnswerAsync(RecordType, [(enrolment.Id, enrolment.ParticipantId)], ct);
        http.Response.SetETag(enrolment.Version);
        return TypedResults.Ok(EnrolmentResponse.From(enrolment));
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid enrolmentId, UpdateEnrolmentRequest request, HttpContext http, IntegrationDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is null)
        {
            return NotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, enrolment.Version) is { } precondition)
        {
            return precondition;
        }

        if (enrolment.Status == EnrolmentStatus.Exited)
        {
            return Problems.Field("plannedEndDate", "En avslutad inskrivning ändras inte.", "An exited enrolment does not change.");
        }

        if (request.PlannedEndDate is { } end && end < (enrolment.StartDate ?? enrolment.ReferredOn))
        {
            return Problems.Field("plannedEndDate", "Planerat slut kan inte ligga före starten.", "The planned end cannot be before the start.");
        }

        enrolment.PlannedEndDate = request.PlannedEndDate;
        audit.Add(AuditAction.Update, RecordType, enrolment.Id, enrolment.ParticipantId, ["plannedEndDate"]);
        return await SaveAsync(http, db, enrolment, clock, ct);
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        Guid enrolmentId, ChangeEnrolmentStatusRequest request, HttpContext http, IntegrationDbContext db, ParticipationTracker participations,
        FollowUps.FollowUpPlanner followUps, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is null)
        {
            return NotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, enrolment.Version) is { } precondition)
        {
            return precondition;
        }

        var today = Today(clock);
        var date = request.Date ?? today;
        var lastChange = await db.EnrolmentChanges.Where(c => c.EnrolmentId == enrolment.Id).MaxAsync(c => (DateOnly?)c.Date, ct) ?? enrolment.ReferredOn;
        var errors = new FieldErrors();
        if (request.Status is not { } to)
        {
            return Problems.Field("status", "Ange ny status.", "Give the new status.");
        }

        if (!EnrolmentRules.CanMove(enrolment.Status, to))
        {
            var allowed = string.Join(", ", EnrolmentRules.From(enrolment.Status).Select(s => s.ToString()));
            errors.Add("status", T(
                $"En inskrivning som är {enrolment.Status} kan inte bli {to}{(allowed.Length > 0 ? $"; möjligt: {allowed}" : "; en avslutad inskrivning ändras inte, skriv in deltagaren på nytt")}.",
                $"An enrolment that is {enrolment.Status} cannot become {to}{(allowed.Length > 0 ? $"; possible: {allowed}" : "; an exited enrolment does not change, enrol the participant again")}."));
        }

        errors.Require(date <= today, "date", T("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
        errors.Require(date >= lastChange, "date", T($"Datumet ligger före förra ändringen ({lastChange:yyyy-MM-dd}).", $"The date is before the previous change ({lastChange:yyyy-MM-dd})."));
        errors.Require(to != EnrolmentStatus.Exited || request.ExitReason is not null, "exitReason", T("Ange avslutsorsak.", "Give the exit reason."));
        errors.Require(to == EnrolmentStatus.Exited || request.ExitReason is null, "exitReason", T("Avslutsorsak anges bara vid avslut.", "An exit reason goes with an exit only."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var fields = new List<string> { "status" };
        enrolment.Status = to;
        if (to == EnrolmentStatus.Active && enrolment.StartDate is null)
        {
            enrolment.StartDate = date;
            fields.Add("startDate");
        }

        if (to == EnrolmentStatus.Exited)
        {
            enrolment.ExitDate = date;
            enrolment.ExitReason = request.ExitReason;
            fields.AddRange(["exitDate", "exitReason"]);

            // The exit's follow-ups are saved with the exit itself: there is no exit without its follow-ups. A referral
            // dropped before it started is no participation and gets none.
            if (enrolment.StartDate is not null)
            {
                await followUps.PlanAsync(new(FollowUps.FollowUpPolicies.ExitEvent, enrolment.ParticipantId, date, enrolment.ModuleId, enrolment.Id), ct);
            }
        }

        db.EnrolmentChanges.Add(new EnrolmentChange { EnrolmentId = enrolment.Id, Status = to, Date = date, RecordedAt = clock.GetUtcNow().UtcDateTime });
        var participant = await db.Participants.FirstAsync(p => p.Id == enrolment.ParticipantId, ct);
        await participations.UpdateAsync(participant, enrolment.ProgrammeId, ct);
        audit.Add(AuditAction.Update, RecordType, enrolment.Id, enrolment.ParticipantId, fields);
        return await SaveAsync(http, db, enrolment, clock, ct);
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HttpContext http, IntegrationDbContext db, Enrolment enrolment, TimeProvider clock, CancellationToken ct)
    {
        enrolment.Version++;
        enrolment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versioning.Stale();
        }

        http.Response.SetETag(enrolment.Version);
        return TypedResults.Ok(EnrolmentResponse.From(enrolment));
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("Inskrivningen finns inte.", "The enrolment does not exist.");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);
}
