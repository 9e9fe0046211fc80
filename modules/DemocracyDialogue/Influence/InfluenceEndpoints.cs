using Integration.Abstractions.Participants;
using Integration.Modules.DemocracyDialogue.Data;
using Integration.Modules.DemocracyDialogue.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.DemocracyDialogue.Influence;

/// <summary><c>/participants/{participantId}/influence</c>: a participant's self-assessments and the change from the first to the latest.</summary>
internal static class InfluenceEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/participants/{participantId:guid}/influence", Get).RequireAuthorization(DemocracyDialogueModule.Read)
            .WithName("DemocracyDialogueGetInfluence")
            .WithSummary("Reads a participant's self-assessments of influence by event date, and the change from the first to the latest.");

    private static async Task<Results<Ok<InfluenceResponse>, ProblemHttpResult>> Get(
        Guid participantId, DialogueDbContext db, IParticipantDirectory participants, CancellationToken ct)
    {
        var participant = await participants.FindAsync(participantId, DemocracyDialogueModule.Id, ct);
        if (participant is null)
        {
            return Problems.NotFound("Deltagaren finns inte.", "The participant does not exist.");
        }

        var assessments = await Assessments.OfAsync(db, participant.Id, ct);
        return TypedResults.Ok(new InfluenceResponse(participant.Id, assessments, Assessments.Change(assessments)));
    }
}

/// <summary>Self-assessments of influence, read in event order.</summary>
internal static class Assessments
{
    /// <summary>The participant's assessments, earliest event first.</summary>
    public static async Task<List<InfluenceAssessmentResponse>> OfAsync(DialogueDbContext db, Guid participantId, CancellationToken ct) =>
        (await db.Attendees.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && a.InfluenceScore != null)
            .Join(db.Events, a => a.EventId, e => e.Id, (a, e) => new { e.Id, e.Date, e.Topic, e.CreatedAt, Score = a.InfluenceScore!.Value })
            .ToListAsync(ct))
        .OrderBy(x => x.Date).ThenBy(x => x.CreatedAt)
        .Select(x => new InfluenceAssessmentResponse(x.Id, x.Date, x.Topic, x.Score))
        .ToList();

    /// <summary>Latest minus first, when there are assessments from two events or more.</summary>
    public static int? Change(IReadOnlyList<InfluenceAssessmentResponse> assessments) =>
        assessments.Count >= 2 ? assessments[^1].Score - assessments[0].Score : null;
}

/// <summary>A participant's self-assessments of influence ("I know how to raise an issue with the municipality", 1–5).</summary>
/// <param name="Assessments">By event date, earliest first.</param>
/// <param name="Change">The latest score minus the first, once there are two.</param>
public sealed record InfluenceResponse(Guid ParticipantId, IReadOnlyList<InfluenceAssessmentResponse> Assessments, int? Change);

/// <summary>One self-assessment, made at an event.</summary>
public sealed record InfluenceAssessmentResponse(Guid EventId, DateOnly Date, string Topic, int Score);
