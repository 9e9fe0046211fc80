using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.FollowUps;
using Integration.Modules.Mentoring.Http;
using Integration.Modules.Mentoring.Mentors;
using Integration.Modules.Mentoring.Participants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Matches;

/// <summary>Matches of participants with mentors: create, list, pause, resume and end.</summary>
internal static class MatchEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/participants/{participantId:guid}/matches", Create).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringCreateMatch").WithSummary("Matches the participant with a mentor who has a free place; starts the check-ins every 14 days.");
        var matches = endpoints.MapGroup("/matches");
        matches.MapGet("/", List).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringListMatches").WithSummary("Lists matches, newest first; participantId, mentorId and status narrow the list. Paged.");
        matches.MapGet("/{matchId:guid}", Get).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringGetMatch").WithSummary("Reads a match; the ETag is its version.");
        matches.MapPost("/{matchId:guid}/pause", Pause).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringPauseMatch").WithSummary("Pauses an active match (its place is freed, its check-ins stop); needs If-Match.");
        matches.MapPost("/{matchId:guid}/resume", Resume).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringResumeMatch").WithSummary("Resumes a paused match if the mentor has a free place; needs If-Match.");
        matches.MapPost("/{matchId:guid}/end", End).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringEndMatch").WithSummary("Ends a match with a reason; needs If-Match.");
    }

    private static async Task<Results<Created<MatchResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid participantId, MatchRequest request, HttpContext http, MentoringDbContext db, MentoringParticipants participants, MentoringEvents events,
        TimeProvider clock, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var errors = new FieldErrors();
        var start = errors.Date("startDate", request.StartDate);
        errors.NotFuture("startDate", request.StartDate, clock.Today());
        var note = errors.Text("note", request.Note, MentoringDbContext.NoteLength, required: false);
        var enrolment = await participants.OngoingAsync(participant.Id, "participantId", errors, ct);
        errors.Require(enrolment is null || request.StartDate is null || enrolment.StartDate is null || start >= enrolment.StartDate, "startDate", FieldRules.T(
            "Matchningen kan inte börja före inskrivningen i mentorskapet.", "The match cannot start before the enrolment in mentoring."));
        var mentor = request.MentorId is { } id ? await db.Mentors.FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        if (mentor is null)
        {
            errors.Add("mentorId", FieldRules.T("Mentorn finns inte.", "The mentor does not exist."));
        }
        else
        {
            errors.Require(mentor.Active, "mentorId", FieldRules.T("Mentorn är inaktiv.", "The mentor is inactive."));
        }

        if (!errors.IsEmpty || enrolment is null || mentor is null)
        {
            return Problems.Validation(errors);
        }

        if (await db.Matches.AnyAsync(m => m.ParticipantId == participant.Id && m.MentorId == mentor.Id && m.Status != MatchStatus.Ended, ct))
        {
            return Problems.Conflict("mentorId", "Deltagaren har redan en pågående matchning med mentorn.", "The participant already has an open match with the mentor.");
        }

        if (await TakePlaceAsync(db, mentor, ct) is { } full)
        {
            return full;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var match = new Match
        {
            Id = Guid.NewGuid(), ParticipantId = participant.Id, EnrolmentId = enrolment.Id, ProgrammeId = enrolment.ProgrammeId, MentorId = mentor.Id,
            Status = MatchStatus.Active, StartDate = start, ActiveSince = start, Note = note, Version = 1, CreatedById = http.UserId(), CreatedAt = now, UpdatedAt = now,
        };
        db.Matches.Add(match);
        if (await SaveTakingPlaceAsync(db, ct) is { } raced)
        {
            return raced;
        }

        await events.StartedAsync(match, ct);
        http.Response.SetETag(match.Version);
        return TypedResults.Created($"/api/modules/{MentoringModule.Id}/matches/{match.Id}", MatchResponse.From(match, mentor, 0, null, 0));
    }

    private static async Task<Results<Ok<MentoringPage<MatchResponse>>, ValidationProblem>> List(
        Guid? participantId, Guid? mentorId, string? status, int? page, int? pageSize, MentoringDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Pages.Check(page, pageSize, errors);
        var wanted = errors.Choice<MatchStatus>("status", status, required: false);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var query = db.Matches.AsNoTracking();
        query = participantId is { } participant ? query.Where(m => m.ParticipantId == participant) : query;
        query = mentorId is { } mentor ? query.Where(m => m.MentorId == mentor) : query;
        query = wanted is { } s ? query.Where(m => m.Status == s) : query;
        var ordered = query.OrderByDescending(m => m.StartDate).ThenBy(m => m.Id);
        return TypedResults.Ok(await Pages.ReadAsync(ordered, p, size, rows => ResponsesAsync(db, rows, ct), ct));
    }

    private static async Task<Results<Ok<MatchResponse>, ProblemHttpResult>> Get(Guid matchId, HttpContext http, MentoringDbContext db, CancellationToken ct)
    {
        var match = await db.Matches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null)
        {
            return Problems.MatchNotFound();
        }

        http.Response.SetETag(match.Version);
        return TypedResults.Ok((await ResponsesAsync(db, [match], ct))[0]);
    }

    private static async Task<Results<Ok<MatchResponse>, ValidationProblem, ProblemHttpResult>> Pause(
        Guid matchId, MatchChangeRequest request, HttpContext http, MentoringDbContext db, MentoringEvents events, TimeProvider clock, CancellationToken ct) =>
        await ChangeAsync(matchId, request, http, db, clock, MatchStatus.Active, (match, date, errors) =>
        {
            errors.Require(date >= match.ActiveSince, "date", FieldRules.T("Pausen kan inte ligga före den aktiva periodens början.", "The pause cannot be before the active period began."));
            if (errors.IsEmpty)
            {
                match.Status = MatchStatus.Paused;
                match.PausedOn = date;
            }

            return Task.FromResult<ProblemHttpResult?>(null);
        }, (match, date) => events.StoppedAsync(match, date, ct), ct);

    private static async Task<Results<Ok<MatchResponse>, ValidationProblem, ProblemHttpResult>> Resume(
        Guid matchId, MatchChangeRequest request, HttpContext http, MentoringDbContext db, MentoringEvents events, TimeProvider clock, CancellationToken ct) =>
        await ChangeAsync(matchId, request, http, db, clock, MatchStatus.Paused, async (match, date, errors) =>
        {
            errors.Require(date >= match.PausedOn, "date", FieldRules.T("Matchningen kan inte återupptas före pausen.", "The match cannot be resumed before its pause."));
            var mentor = await db.Mentors.FirstAsync(m => m.Id == match.MentorId, ct);
            errors.Require(mentor.Active, "mentorId", FieldRules.T("Mentorn är inaktiv.", "The mentor is inactive."));
            if (!errors.IsEmpty)
            {
                return null;
            }

            if (await TakePlaceAsync(db, mentor, ct) is { } full)
            {
                return full;
            }

            match.Status = MatchStatus.Active;
            match.ActiveSince = date;
            match.PausedOn = null;
            return null;
        }, (match, _) => events.StartedAsync(match, ct), ct);

    private static async Task<Results<Ok<MatchResponse>, ValidationProblem, ProblemHttpResult>> End(
        Guid matchId, MatchChangeRequest request, HttpContext http, MentoringDbContext db, MentoringEvents events, TimeProvider clock, CancellationToken ct)
    {
        var wasActive = false;
        return await ChangeAsync(matchId, request, http, db, clock, null, async (match, date, errors) =>
        {
            var reason = errors.Choice<MatchEndReason>("reason", request.Reason, required: true);
            errors.Require(date >= (match.PausedOn ?? match.ActiveSince), "date", FieldRules.T(
                "Slutet kan inte ligga före matchningens senaste ändring.", "The end cannot be before the match's last change."));
            errors.Require(!await db.Meetings.AnyAsync(m => m.MatchId == match.Id && m.Date > date, ct), "date", FieldRules.T(
                "Det finns möten efter slutdatumet.", "There are meetings after the end date."));
            if (!errors.IsEmpty)
            {
                return null;
            }

            wasActive = match.Status == MatchStatus.Active;
            match.Status = MatchStatus.Ended;
            match.EndDate = date;
            match.EndReason = reason;
            match.PausedOn = null;
            return null;
        }, async (match, date) =>
        {
            if (wasActive)
            {
                await events.StoppedAsync(match, date, ct);
            }
        }, ct);
    }

    /// <summary>
    /// The shared steps of a status change: find the match, check If-Match and its state (<paramref name="from"/>, or
    /// any but ended), validate the date, apply <paramref name="change"/>, save, then raise the follow-up events.
    /// </summary>
    private static async Task<Results<Ok<MatchResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid matchId, MatchChangeRequest request, HttpContext http, MentoringDbContext db, TimeProvider clock, MatchStatus? from,
        Func<Match, DateOnly, FieldErrors, Task<ProblemHttpResult?>> change, Func<Match, DateOnly, Task> afterSave, CancellationToken ct)
    {
        var match = await db.Matches.FirstOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null)
        {
            return Problems.MatchNotFound();
        }

        if (Versions.CheckIfMatch(http.Request, match.Version) is { } precondition)
        {
            return precondition;
        }

        if (from is { } expected ? match.Status != expected : match.Status == MatchStatus.Ended)
        {
            return Problems.Conflict(
                $"Matchningen är {EnumText.Of(match.Status)}.",
                $"The match is {EnumText.Of(match.Status)}.");
        }

        var errors = new FieldErrors();
        var date = errors.Date("date", request.Date);
        errors.NotFuture("date", request.Date, clock.Today());
        var note = errors.Text("note", request.Note, MentoringDbContext.NoteLength, required: false);
        if (request.Date is null)
        {
            return Problems.Validation(errors);
        }

        if (await change(match, date, errors) is { } problem)
        {
            return problem;
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        match.Note = note ?? match.Note;
        match.Version++;
        match.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(x => x.Entity is Mentor))
        {
            return PlaceTaken();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }

        await afterSave(match, date);
        http.Response.SetETag(match.Version);
        return TypedResults.Ok((await ResponsesAsync(db, [match], ct))[0]);
    }

    /// <summary>
    /// Claims one of the mentor's places for a match becoming active: a 409 naming <c>mentorId</c> when all are taken,
    /// else raises the mentor's match stamp so that a concurrent claim of the last place fails on save.
    /// </summary>
    private static async Task<ProblemHttpResult?> TakePlaceAsync(MentoringDbContext db, Mentor mentor, CancellationToken ct)
    {
        var active = await MentorEndpoints.ActiveMatchesAsync(db, mentor.Id, ct);
        if (active >= mentor.Capacity)
        {
            return Problems.Conflict(
                "mentorId",
                $"Mentorn har redan {active} aktiva matchningar av högst {mentor.Capacity}.",
                $"The mentor already has {active} active matches of at most {mentor.Capacity}.");
        }

        mentor.MatchStamp++;
        return null;
    }

    private static async Task<ProblemHttpResult?> SaveTakingPlaceAsync(MentoringDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlaceTaken();
        }
    }

    private static ProblemHttpResult PlaceTaken() => Problems.Conflict(
        "mentorId", "Mentorn fick en annan matchning samtidigt. Försök igen.", "The mentor got another match at the same time. Try again.");

    public static async Task<List<MatchResponse>> ResponsesAsync(MentoringDbContext db, List<Match> matches, CancellationToken ct)
    {
        var ids = matches.Select(m => m.Id).ToList();
        var mentorIds = matches.Select(m => m.MentorId).Distinct().ToList();
        var mentors = await db.Mentors.AsNoTracking().Where(m => mentorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.MatchId)).GroupBy(m => m.MatchId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(m => m.Date) }).ToDictionaryAsync(g => g.Key, ct);
        var goals = await db.Goals.AsNoTracking().Where(g => ids.Contains(g.MatchId) && g.Status == GoalStatus.Open).GroupBy(g => g.MatchId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return matches.Select(m => MatchResponse.From(
            m, mentors[m.MentorId], meetings.TryGetValue(m.Id, out var met) ? met.Count : 0, meetings.TryGetValue(m.Id, out var last) ? last.Last : null,
            goals.GetValueOrDefault(m.Id))).ToList();
    }
}
