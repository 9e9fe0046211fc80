using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Validation;
using Integration.Modules.Health.Data;
using Integration.Modules.Health.FollowUps;
using Integration.Modules.Health.Http;
using Integration.Modules.Health.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Health.Scores;

/// <summary>
/// WHO-5 scores and conversations about wellbeing. Recording needs <c>health.write</c> and a consent for health data;
/// reading needs <c>health.read</c>, which no role holds by default except through a tenant admin's grant.
/// </summary>
internal static class ScoreEndpoints
{
    public const int DaysAroundCourse = 30;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/courses/{courseId:guid}/scores", Record).RequireAuthorization(HealthModule.WritePermission)
            .WithName("HealthRecordScore").WithSummary("Records a WHO-5 score at the start or end of the course, with the participant's consent for health data; answers with the raw score, percentage and what it suggests.");
        endpoints.MapGet("/courses/{courseId:guid}/scores", ForCourse).RequireAuthorization(HealthModule.ReadPermission)
            .WithName("HealthListCourseScores").WithSummary("The WHO-5 results of the course's participants (consent in force only); every participant read is audited.");
        endpoints.MapGet("/participants/{participantId:guid}/scores", ForParticipant).RequireAuthorization(HealthModule.ReadPermission)
            .WithName("HealthListParticipantScores").WithSummary("A participant's WHO-5 results per course with the change; the read is audited.");
        endpoints.MapDelete("/scores/{scoreId:guid}", Delete).RequireAuthorization(HealthModule.WritePermission)
            .WithName("HealthDeleteScore").WithSummary("Removes a score recorded by mistake, with its conversations; record it again afterwards.");
        endpoints.MapPost("/scores/{scoreId:guid}/conversations", RecordConversation).RequireAuthorization(HealthModule.WritePermission)
            .WithName("HealthRecordConversation").WithSummary("Records a conversation about wellbeing after a score; the 14-day reminder is cancelled.");
    }

    private static async Task<Results<Created<ScoreResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid courseId, RecordScoreRequest request, HttpContext http, HealthDbContext db, IParticipantDirectory participants,
        HealthConsent consent, HealthEvents events, TimeProvider clock, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null)
        {
            return HealthProblems.CourseNotFound();
        }

        var today = clock.Today();
        var errors = new FieldErrors();
        var point = errors.Choice<MeasurementPoint>("point", request.Point, required: true);
        var measuredOn = errors.Date("measuredOn", request.MeasuredOn);
        if (request.MeasuredOn is not null)
        {
            errors.Require(measuredOn <= today, "measuredOn", LocalizedText.Pick("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."));
            errors.Require(
                measuredOn >= course.StartDate.AddDays(-DaysAroundCourse) && measuredOn <= course.EndDate.AddDays(DaysAroundCourse),
                "measuredOn",
                LocalizedText.Pick($"Mätningen görs inom {DaysAroundCourse} dagar före eller efter kursen.", $"The score is measured within {DaysAroundCourse} days before or after the course."));
        }

        ValidateItems(request.Items, errors);
        var place = await PlaceAsync(request.ParticipantId, course.Id, db, participants, errors, ct);
        var other = place is null || point is null ? null
            : await db.Scores.AsNoTracking().FirstOrDefaultAsync(s => s.PlaceId == place.Id && s.Point != point, ct);
        if (other is not null && request.MeasuredOn is not null && (point == MeasurementPoint.End ? measuredOn < other.MeasuredOn : measuredOn > other.MeasuredOn))
        {
            errors.Add("measuredOn", LocalizedText.Pick("Slutmätningen görs inte före startmätningen.", "The end score is not measured before the start score."));
        }

        if (errors.IsEmpty && place is not null)
        {
            // Consent last: only a complete, valid request asks, so that the message is about consent alone.
            if (!await consent.InForceTodayAsync(place.ParticipantId, ct))
            {
                errors.Add("participantId", LocalizedText.Pick(
                    "Deltagaren har inget gällande samtycke för hälsodata: registrera samtycket (healthData) först.",
                    "The participant has no consent for health data in force: record the consent (healthData) first."));
            }
            else if (!await consent.InForceOnAsync(place.ParticipantId, measuredOn, ct))
            {
                errors.Add("measuredOn", LocalizedText.Pick("Samtycket för hälsodata gällde inte den dagen.", "The consent for health data was not in force on that day."));
            }
        }

        if (!errors.IsEmpty || place is null)
        {
            return HealthProblems.Validation(errors);
        }

        if (await db.Scores.AnyAsync(s => s.PlaceId == place.Id && s.Point == point, ct))
        {
            return DuplicatePoint();
        }

        var items = request.Items!;
        var score = new Who5Score
        {
            Id = Guid.NewGuid(),
            CourseId = course.Id,
            PlaceId = place.Id,
            ParticipantId = place.ParticipantId,
            Point = point!.Value,
            MeasuredOn = measuredOn,
            Item1 = items[0],
            Item2 = items[1],
            Item3 = items[2],
            Item4 = items[3],
            Item5 = items[4],
            RecordedById = http.UserId(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Scores.Add(score);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return DuplicatePoint();
        }

        if (score.Point == MeasurementPoint.End)
        {
            await events.ReMeasuredAsync(place, course.EndDate, today, ct);
        }
        else if (other is null)
        {
            await events.ReMeasureDueAsync(place, course.EndDate, ct);
        }

        if (Who5.Assess(score.Items()).Flagged)
        {
            await events.FlaggedAsync(place, score, ct);
        }

        return TypedResults.Created($"/api/modules/{HealthModule.Id}/participants/{score.ParticipantId}/scores", ScoreResponse.From(score, []));
    }

    private static void ValidateItems(IReadOnlyList<int>? items, FieldErrors errors)
    {
        if (items is null || items.Count != Who5.Items)
        {
            errors.Add("items", LocalizedText.Pick($"Ange de {Who5.Items} svaren i formulärets ordning.", $"Give the {Who5.Items} answers in the questionnaire's order."));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            errors.Require(items[i] is >= Who5.MinItem and <= Who5.MaxItem, $"items[{i}]", LocalizedText.Pick(
                $"Varje svar är {Who5.MinItem}–{Who5.MaxItem}.", $"Each answer is {Who5.MinItem}–{Who5.MaxItem}."));
        }
    }

    /// <summary>The participant's place on the course (a merged record is found as its survivor), or null with an error.</summary>
    private static async Task<CoursePlace?> PlaceAsync(Guid? participantId, Guid courseId, HealthDbContext db, IParticipantDirectory participants, FieldErrors errors, CancellationToken ct)
    {
        var participant = participantId is { } id ? await participants.FindAsync(id, HealthModule.Id, ct) : null;
        var place = participant is null ? null
            : await db.CoursePlaces.AsNoTracking().FirstOrDefaultAsync(p => p.CourseId == courseId && p.ParticipantId == participant.Id, ct);
        errors.Require(participant is null || place is not null, "participantId", LocalizedText.Pick("Deltagaren går inte kursen.", "The participant is not on the course."));
        errors.Require(participant is not null, "participantId", LocalizedText.Pick(
            participantId is null ? "Ange deltagare." : "Deltagaren finns inte.",
            participantId is null ? "Give the participant." : "The participant does not exist."));
        return place;
    }

    private static async Task<Results<Ok<CourseScoresResponse>, ProblemHttpResult>> ForCourse(Guid courseId, HealthDbContext db, ScoreReader reader, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        return course is null ? HealthProblems.CourseNotFound() : TypedResults.Ok(await reader.ForCourseAsync(course, ct));
    }

    private static async Task<Results<Ok<ParticipantScoresResponse>, ProblemHttpResult>> ForParticipant(Guid participantId, ScoreReader reader, CancellationToken ct) =>
        await reader.ForParticipantAsync(participantId, ct) is { } scores ? TypedResults.Ok(scores) : HealthProblems.ParticipantNotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid scoreId, HealthDbContext db, HealthEvents events, TimeProvider clock, CancellationToken ct)
    {
        var score = await db.Scores.FirstOrDefaultAsync(s => s.Id == scoreId, ct);
        if (score is null)
        {
            return HealthProblems.ScoreNotFound();
        }

        var place = await db.CoursePlaces.AsNoTracking().FirstAsync(p => p.Id == score.PlaceId, ct);
        var endDate = await db.Courses.Where(c => c.Id == score.CourseId).Select(c => c.EndDate).FirstAsync(ct);
        db.Scores.Remove(score);
        await db.SaveChangesAsync(ct);

        var today = clock.Today();
        await events.ConversationRecordedAsync(place, score.Id, today, ct);
        if (score.Point == MeasurementPoint.Start)
        {
            await events.ReMeasuredAsync(place, endDate, today, ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<ConversationResponse>, ValidationProblem, ProblemHttpResult>> RecordConversation(
        Guid scoreId, RecordConversationRequest request, HttpContext http, HealthDbContext db, HealthConsent consent, HealthEvents events,
        TimeProvider clock, CancellationToken ct)
    {
        var score = await db.Scores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoreId, ct);
        if (score is null)
        {
            return HealthProblems.ScoreNotFound();
        }

        var errors = new FieldErrors();
        var heldOn = errors.Date("heldOn", request.HeldOn);
        errors.Require(request.HeldOn is null || (heldOn >= score.MeasuredOn && heldOn <= clock.Today()), "heldOn", LocalizedText.Pick(
            "Samtalet hålls tidigast den dag mätningen gjordes och inte i framtiden.", "The conversation is held on or after the day of the score and not in the future."));
        errors.Require(request.ReferredToHealthCare is not null, "referredToHealthCare", LocalizedText.Pick("Ange om deltagaren hänvisades till vården.", "Say whether the participant was referred to health care."));
        var note = errors.Text("note", request.Note, HealthDbContext.NoteLength, required: false);
        if (!errors.IsEmpty)
        {
            return HealthProblems.Validation(errors);
        }

        if (!await consent.InForceTodayAsync(score.ParticipantId, ct))
        {
            return HealthProblems.Conflict("Deltagaren har inget gällande samtycke för hälsodata.", "The participant has no consent for health data in force.");
        }

        var conversation = new WellbeingConversation
        {
            Id = Guid.NewGuid(),
            ScoreId = score.Id,
            ParticipantId = score.ParticipantId,
            HeldOn = heldOn,
            ReferredToHealthCare = request.ReferredToHealthCare!.Value,
            Note = note,
            RecordedById = http.UserId(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);

        var place = await db.CoursePlaces.AsNoTracking().FirstAsync(p => p.Id == score.PlaceId, ct);
        await events.ConversationRecordedAsync(place, score.Id, heldOn, ct);
        return TypedResults.Created($"/api/modules/{HealthModule.Id}/participants/{score.ParticipantId}/scores", ConversationResponse.From(conversation));
    }

    private static ProblemHttpResult DuplicatePoint() => HealthProblems.Conflict(
        "Deltagaren har redan en mätning för den punkten i kursen; ta bort den först om den är fel.",
        "The participant already has a score for that point of the course; delete it first if it is wrong.");
}
