using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Participants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Enrolments;

/// <summary><c>GET /api/participants/{participantId}/participations</c>: the participant's programmes as ESF+ counts them.</summary>
internal static class ParticipationEndpoints
{
    public static void MapParticipationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/participants/{participantId:guid}/participations", List)
            .RequireAuthorization(Policies.PersonalData)
            .WithTags("Enrolments")
            .WithName("ListParticipations")
            .WithSummary("One row per programme the participant took part in: first start, last exit (when every enrolment has exited) and the situation at entry.");
    }

    private static async Task<Results<Ok<List<ParticipationResponse>>, ProblemHttpResult>> List(Guid participantId, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Participants.AnyAsync(p => p.Id == participantId, ct))
        {
            return Problems.NotFound("Deltagaren finns inte.", "The participant does not exist.");
        }

        var rows = await db.Participations.AsNoTracking().Where(p => p.ParticipantId == participantId).OrderBy(p => p.FirstStart).ToListAsync(ct);
        await audit.ReadBeforeAnswerAsync("participation", rows.Select(r => (r.Id, participantId)), ct);
        return TypedResults.Ok(rows.Select(r => new ParticipationResponse(r.Id, r.ProgrammeId, r.FirstStart, r.LastExit, ParticipantStatusResponse.From(r.Entry))).ToList());
    }
}

/// <summary>A participant's taking part in a programme.</summary>
/// <param name="FirstStart">The first day active in any of the programme's activities.</param>
/// <param name="LastExit">The last exit, once every enrolment in the programme has exited.</param>
/// <param name="Entry">The situation at the first enrolment in the programme.</param>
public sealed record ParticipationResponse(Guid Id, Guid ProgrammeId, DateOnly? FirstStart, DateOnly? LastExit, ParticipantStatusResponse Entry);
