using Integration.Modules.BusinessSchool.Data;
using Integration.Modules.BusinessSchool.Http;
using Integration.Modules.BusinessSchool.Participants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.BusinessSchool.Advice;

/// <summary>Business-advice meetings (företagsrådgivning) of a participant, and of the whole tenant by date and partner.</summary>
internal static class AdviceEndpoints
{
    public const int MaxList = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/participants/{participantId:guid}/advice-meetings", Create).RequireAuthorization(BusinessSchoolModule.WritePermission)
            .WithName("BusinessSchoolCreateAdviceMeeting").WithSummary("Records a business-advice meeting (adviser, partner organisation, topic, next step).");
        endpoints.MapGet("/advice-meetings", List).RequireAuthorization(BusinessSchoolModule.ReadPermission)
            .WithName("BusinessSchoolListAdviceMeetings").WithSummary("Lists advice meetings, newest first (at most 500); from, to and partner narrow the list.");
    }

    private static async Task<Results<Created<AdviceMeetingResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid participantId, AdviceMeetingRequest request, HttpContext http, SchoolDbContext db, SchoolParticipants participants, TimeProvider clock, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var errors = request.Validate(clock.Today(), out var meeting);
        var enrolment = request.Date is { } date ? await participants.EnrolledAsync(participant.Id, date, "date", errors, ct) : null;
        if (!errors.IsEmpty || enrolment is null)
        {
            return Problems.Validation(errors);
        }

        meeting.Id = Guid.NewGuid();
        meeting.ParticipantId = participant.Id;
        meeting.EnrolmentId = enrolment.Id;
        meeting.ProgrammeId = enrolment.ProgrammeId;
        meeting.RecordedById = http.UserId();
        meeting.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.AdviceMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/modules/{BusinessSchoolModule.Id}/participants/{participant.Id}/business-plan", AdviceMeetingResponse.From(meeting));
    }

    private static async Task<Results<Ok<List<AdviceMeetingResponse>>, ValidationProblem>> List(DateOnly? from, DateOnly? to, string? partner, SchoolDbContext db, CancellationToken ct)
    {
        var errors = new Integration.Abstractions.Validation.FieldErrors();
        var partnerFilter = errors.Choice<PartnerOrganisation>("partner", partner, required: false);
        errors.Require(from is null || to is null || from <= to, "to", FieldRules.T("Till-datum ligger på eller efter från-datum.", "The to date is on or after the from date."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.AdviceMeetings.AsNoTracking();
        query = from is { } f ? query.Where(m => m.Date >= f) : query;
        query = to is { } t ? query.Where(m => m.Date <= t) : query;
        query = partnerFilter is { } p ? query.Where(m => m.Partner == p) : query;
        var meetings = await query.OrderByDescending(m => m.Date).ThenByDescending(m => m.RecordedAt).Take(MaxList).ToListAsync(ct);
        return TypedResults.Ok(meetings.Select(AdviceMeetingResponse.From).ToList());
    }
}
