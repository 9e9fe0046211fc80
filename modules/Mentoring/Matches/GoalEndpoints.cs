using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Matches;

/// <summary>Goals of a match and their progress.</summary>
internal static class GoalEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/matches/{matchId:guid}/goals", Create).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringAddGoal").WithSummary("Sets a goal for the match: title and target date; progress starts at 0.");
        endpoints.MapGet("/matches/{matchId:guid}/goals", List).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringListGoals").WithSummary("Lists the match's goals with their progress and updates.");
        endpoints.MapGet("/goals/{goalId:guid}", Get).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringGetGoal").WithSummary("Reads a goal with its updates; the ETag is its version.");
        endpoints.MapPost("/goals/{goalId:guid}/updates", Progress).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringUpdateGoal").WithSummary("Records progress (0–100) or a new status (open, achieved, dropped) of a goal; needs If-Match.");
    }

    private static async Task<Results<Created<GoalResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid matchId, GoalRequest request, HttpContext http, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var match = await db.Matches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null)
        {
            return Problems.MatchNotFound();
        }

        if (match.Status == MatchStatus.Ended)
        {
            return Problems.Conflict("Matchningen är avslutad.", "The match has ended.");
        }

        var errors = new FieldErrors();
        var title = errors.Text("title", request.Title, MentoringDbContext.TextLength, required: true);
        errors.Require(request.TargetDate is null || request.TargetDate >= match.StartDate, "targetDate", FieldRules.T(
            "Måldatumet kan inte ligga före matchningens start.", "The target date cannot be before the match's start."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var goal = new Goal
        {
            Id = Guid.NewGuid(), MatchId = matchId, ParticipantId = match.ParticipantId, Title = title!, TargetDate = request.TargetDate,
            Progress = 0, Status = GoalStatus.Open, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        http.Response.SetETag(goal.Version);
        return TypedResults.Created($"/api/modules/{MentoringModule.Id}/goals/{goal.Id}", GoalResponse.From(goal));
    }

    private static async Task<Results<Ok<List<GoalResponse>>, ProblemHttpResult>> List(Guid matchId, MentoringDbContext db, CancellationToken ct)
    {
        if (!await db.Matches.AnyAsync(m => m.Id == matchId, ct))
        {
            return Problems.MatchNotFound();
        }

        var goals = await db.Goals.AsNoTracking().Include(g => g.Updates).Where(g => g.MatchId == matchId).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(goals.Select(GoalResponse.From).ToList());
    }

    private static async Task<Results<Ok<GoalResponse>, ProblemHttpResult>> Get(Guid goalId, HttpContext http, MentoringDbContext db, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().Include(g => g.Updates).FirstOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null)
        {
            return Problems.GoalNotFound();
        }

        http.Response.SetETag(goal.Version);
        return TypedResults.Ok(GoalResponse.From(goal));
    }

    private static async Task<Results<Ok<GoalResponse>, ValidationProblem, ProblemHttpResult>> Progress(
        Guid goalId, GoalProgressRequest request, HttpContext http, MentoringDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var goal = await db.Goals.Include(g => g.Updates).FirstOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null)
        {
            return Problems.GoalNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, goal.Version) is { } precondition)
        {
            return precondition;
        }

        var match = await db.Matches.AsNoTracking().FirstAsync(m => m.Id == goal.MatchId, ct);
        var errors = new FieldErrors();
        var date = errors.Date("date", request.Date);
        errors.NotFuture("date", request.Date, clock.Today());
        errors.Require(request.Date is null || date >= match.StartDate, "date", FieldRules.T(
            "Datumet kan inte ligga före matchningens start.", "The date cannot be before the match's start."));
        var status = errors.Choice<GoalStatus>("status", request.Status, required: false) ?? goal.Status;
        errors.Require(request.Progress is null or (>= 0 and <= 100), "progress", FieldRules.T("Ange framsteg i procent, 0–100.", "Give the progress in per cent, 0–100."));
        var progress = request.Progress ?? (status == GoalStatus.Achieved ? 100 : goal.Progress);
        errors.Require(status != GoalStatus.Achieved || progress == 100, "progress", FieldRules.T(
            "Ett uppnått mål har 100 % framsteg.", "An achieved goal has 100 % progress."));
        var note = errors.Text("note", request.Note, MentoringDbContext.NoteLength, required: false);
        errors.Require(request.Progress is not null || request.Status is not null || note is not null, "progress", FieldRules.T(
            "Ange framsteg, status eller en anteckning.", "Give the progress, a status or a note."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        goal.Progress = progress;
        goal.Status = status;
        goal.Version++;
        goal.UpdatedAt = now;
        var update = new GoalUpdate { Id = Guid.NewGuid(), GoalId = goal.Id, Date = date, Progress = progress, Status = status, Note = note, RecordedAt = now };
        goal.Updates.Add(update);
        db.GoalUpdates.Add(update);
        if (await db.SaveOrStaleAsync(ct) is { } stale)
        {
            return stale;
        }

        http.Response.SetETag(goal.Version);
        return TypedResults.Ok(GoalResponse.From(goal));
    }
}
