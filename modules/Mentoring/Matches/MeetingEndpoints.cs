using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Matches;

/// <summary><c>/matches/{id}/meetings</c>: the meetings of a match.</summary>
internal static class MeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/matches/{matchId:guid}/meetings", Create).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringAddMeeting").WithSummary("Records a meeting of the match: date, duration in minutes, kind (in person, phone, video, group activity), note.");
        endpoints.MapGet("/matches/{matchId:guid}/meetings", List).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringListMeetings").WithSummary("Lists the match's meetings, newest first.");
    }

    private static async Task<Results<Created<MeetingResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid matchId, MeetingRequest request, HttpContext http, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var match = await db.Matches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null)
        {
            return Problems.MatchNotFound();
        }

        var errors = request.Validate(match, clock.Today(), out var meeting);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        meeting.Id = Guid.NewGuid();
        meeting.RecordedById = http.UserId();
        meeting.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/modules/{MentoringModule.Id}/matches/{matchId}/meetings", MeetingResponse.From(meeting));
    }

    private static async Task<Results<Ok<List<MeetingResponse>>, ProblemHttpResult>> List(Guid matchId, MentoringDbContext db, CancellationToken ct)
    {
        if (!await db.Matches.AnyAsync(m => m.Id == matchId, ct))
        {
            return Problems.MatchNotFound();
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.MatchId == matchId).OrderByDescending(m => m.Date).ThenByDescending(m => m.RecordedAt).ToListAsync(ct);
        return TypedResults.Ok(meetings.Select(MeetingResponse.From).ToList());
    }
}
