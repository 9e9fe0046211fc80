using Integration.Abstractions.Validation;
using Integration.Modules.Mentoring.Data;
using Integration.Modules.Mentoring.Http;
using Integration.Modules.Mentoring.Participants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.Mentoring.Matching;

/// <summary>A participant's wishes of a mentor, and the mentors suggested for them.</summary>
internal static class MatchingEndpoints
{
    public const int MaxSuggestions = 50;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var participant = endpoints.MapGroup("/participants/{participantId:guid}");
        participant.MapGet("/preferences", Get).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringGetPreferences").WithSummary("Reads the participant's wishes of a mentor, with their languages from the host record.");
        participant.MapPut("/preferences", Put).RequireAuthorization(MentoringModule.WritePermission)
            .WithName("MentoringPutPreferences").WithSummary("Stores the participant's wishes (sectors, mentor gender and kind); needs If-Match once stored.");
        participant.MapGet("/mentor-suggestions", Suggest).RequireAuthorization(MentoringModule.ReadPermission)
            .WithName("MentoringSuggestMentors").WithSummary("Suggests active mentors with a free place, best first, each with a score and its parts (why).");
    }

    private static async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> Get(
        Guid participantId, HttpContext http, MentoringDbContext db, MentoringParticipants participants, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var preferences = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participant.Id, ct);
        if (preferences is not null)
        {
            http.Response.SetETag(preferences.Version);
        }

        return TypedResults.Ok(PreferencesResponse.From(participant.Id, participant.Languages, preferences));
    }

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, ProblemHttpResult>> Put(
        Guid participantId, PreferencesRequest request, HttpContext http, MentoringDbContext db, MentoringParticipants participants, TimeProvider clock, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var preferences = await db.Preferences.FirstOrDefaultAsync(p => p.ParticipantId == participant.Id, ct);
        if (preferences is not null && Versions.CheckIfMatch(http.Request, preferences.Version) is { } precondition)
        {
            return precondition;
        }

        var errors = request.Validate(out var values);
        await participants.AttributionAsync(participant.Id, clock.Today(), "participantId", errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (preferences is null)
        {
            preferences = new Preferences { Id = Guid.NewGuid(), ParticipantId = participant.Id };
            db.Preferences.Add(preferences);
        }

        preferences.SectorWishes = values.SectorWishes;
        preferences.PreferredMentorGender = values.PreferredMentorGender;
        preferences.PreferredMentorKind = values.PreferredMentorKind;
        preferences.Note = values.Note;
        preferences.Version++;
        preferences.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versions.Stale();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Önskemålen sparades samtidigt av någon annan. Läs dem igen.", "The wishes were saved by someone else at the same time. Read them again.");
        }

        http.Response.SetETag(preferences.Version);
        return TypedResults.Ok(PreferencesResponse.From(participant.Id, participant.Languages, preferences));
    }

    private static async Task<Results<Ok<MentorSuggestionsResponse>, ValidationProblem, ProblemHttpResult>> Suggest(
        Guid participantId, string? kind, int? limit, MentoringDbContext db, MentoringParticipants participants, CancellationToken ct)
    {
        if (await participants.FindAsync(participantId, ct) is not { } participant)
        {
            return Problems.ParticipantNotFound();
        }

        var errors = new FieldErrors();
        var wantedKind = errors.Choice<MentorKind>("kind", kind, required: false);
        errors.Require(limit is null or (>= 1 and <= MaxSuggestions), "limit", FieldRules.T($"Ange 1–{MaxSuggestions} förslag.", $"Give 1–{MaxSuggestions} suggestions."));
        await participants.OngoingAsync(participant.Id, "participantId", errors, ct);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var preferences = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participant.Id, ct);
        var mentors = db.Mentors.AsNoTracking().Where(m => m.Active);
        mentors = wantedKind is { } k ? mentors.Where(m => m.Kind == k) : mentors;
        var candidates = await mentors.ToListAsync(ct);
        var ids = candidates.Select(m => m.Id).ToList();
        var active = await db.Matches.AsNoTracking().Where(m => ids.Contains(m.MentorId) && m.Status == MatchStatus.Active)
            .GroupBy(m => m.MentorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var matched = (await db.Matches.AsNoTracking().Where(m => m.ParticipantId == participant.Id && m.Status != MatchStatus.Ended)
            .Select(m => m.MentorId).ToListAsync(ct)).ToHashSet();
        var eligible = candidates.Where(m => !matched.Contains(m.Id) && active.GetValueOrDefault(m.Id) < m.Capacity).ToList();
        var suggestions = eligible
            .Select(m => Scoring.Suggest(participant.Languages, preferences, m, active.GetValueOrDefault(m.Id)))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.FreePlaces).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.MentorId)
            .Take(limit ?? 10)
            .ToList();
        return TypedResults.Ok(new MentorSuggestionsResponse(
            participant.Id, participant.Languages, PreferencesResponse.From(participant.Id, participant.Languages, preferences), suggestions, candidates.Count - eligible.Count));
    }
}
