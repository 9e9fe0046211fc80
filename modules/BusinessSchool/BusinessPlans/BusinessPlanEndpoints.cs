using Integration.Abstractions.Validation;
using Integration.Modules.BusinessSchool.Advice;
using Integration.Modules.BusinessSchool.Companies;
using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Integration.Modules.BusinessSchool.Participants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.BusinessPlans;

/// <summary>A participant's business plan: the milestones from idea to registered company, with companies and advice.</summary>
internal static class BusinessPlanEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var participant = endpoints.MapGroup("/participants/{participantId:guid}");
        participant.MapGet("/business-plan", Get).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolGetBusinessPlan").WithSummary("Reads a participant's milestones, companies and advice meetings.");
        participant.MapPut("/milestones/{kind}", SetMilestone).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolSetMilestone").WithSummary("Records (or corrects) the day a milestone was reached; registered comes from registering a company.");
    }

    private static async Task<Results<Ok<BusinessPlanResponse>, ProblemHttpResult>> Get(Guid participantId, SchoolDbContext db, SchoolParticipants participants, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        return TypedResults.Ok(await ReadAsync(db, participant.Id, ct));
    }

    private static async Task<Results<Ok<BusinessPlanResponse>, ValidationProblem, ProblemHttpResult>> SetMilestone(
        Guid participantId, string kind, MilestoneRequest request, SchoolDbContext db, SchoolParticipants participants, TimeProvider clock, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var errors = new FieldErrors();
        var milestone = errors.Choice<MilestoneKind>("kind", kind, required: true);
        errors.Require(milestone != MilestoneKind.Registered, "kind", FieldRules.T(
            "Steget registrerat sätts när ett företag registreras (POST …/companies).", "The registered milestone is set by registering a company (POST …/companies)."));
        var reachedOn = errors.Date("reachedOn", request.ReachedOn);
        errors.NotFuture("reachedOn", request.ReachedOn, clock.Today());
        var note = errors.Text("note", request.Note, SchoolDbContext.NoteLength, required: false);
        var existing = await db.Milestones.Where(m => m.ParticipantId == participant.Id).ToListAsync(ct);
        if (milestone is { } k && request.ReachedOn is not null)
        {
            var earlier = existing.Where(m => m.Kind < k && m.ReachedOn > reachedOn).Select(m => EnumText.Of(m.Kind)).ToList();
            var later = existing.Where(m => m.Kind > k && m.ReachedOn < reachedOn).Select(m => EnumText.Of(m.Kind)).ToList();
            errors.Require(earlier.Count == 0, "reachedOn", FieldRules.T($"Ligger före ett tidigare steg: {string.Join(", ", earlier)}.", $"Lies before an earlier milestone: {string.Join(", ", earlier)}."));
            errors.Require(later.Count == 0, "reachedOn", FieldRules.T($"Ligger efter ett senare steg: {string.Join(", ", later)}.", $"Lies after a later milestone: {string.Join(", ", later)}."));
        }

        var enrolment = await participants.AttributionAsync(participant.Id, request.ReachedOn, errors, ct);
        if (!errors.IsEmpty || milestone is not { } kindValue || enrolment is null)
        {
            return Problems.Validation(errors);
        }

        var row = existing.FirstOrDefault(m => m.Kind == kindValue);
        if (row is null)
        {
            row = new Milestone { Id = Guid.NewGuid(), ParticipantId = participant.Id, Kind = kindValue };
            db.Milestones.Add(row);
        }

        row.EnrolmentId = enrolment.Id;
        row.ProgrammeId = enrolment.ProgrammeId;
        row.ReachedOn = reachedOn;
        row.Note = note;
        row.RecordedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Steget registrerades samtidigt av någon annan. Läs affärsplanen igen.", "The milestone was recorded by someone else at the same time. Read the business plan again.");
        }

        return TypedResults.Ok(await ReadAsync(db, participant.Id, ct));
    }

    private static async Task<BusinessPlanResponse> ReadAsync(SchoolDbContext db, Guid participantId, CancellationToken ct)
    {
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ParticipantId == participantId).ToListAsync(ct);
        var companies = await db.Companies.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var ids = companies.Select(c => c.Id).ToList();
        var checks = (await db.CompanyChecks.AsNoTracking().Where(c => ids.Contains(c.CompanyId)).ToListAsync(ct)).ToLookup(c => c.CompanyId);
        var meetings = await db.AdviceMeetings.AsNoTracking().Where(m => m.ParticipantId == participantId).OrderBy(m => m.Date).ToListAsync(ct);
        return new BusinessPlanResponse(
            participantId,
            milestones.OrderBy(m => m.Kind).Select(m => new MilestoneResponse(EnumText.Of(m.Kind), m.ReachedOn, m.Note)).ToList(),
            companies.Select(c => CompanyResponse.From(c, checks[c.Id])).ToList(),
            meetings.Select(AdviceMeetingResponse.From).ToList());
    }
}
