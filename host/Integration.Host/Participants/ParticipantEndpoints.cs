using Integration.Abstractions.Participants;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary><c>/api/participants</c>: register, read, change and find participants. Every read and change is audited.</summary>
internal static class ParticipantEndpoints
{
    public static void MapParticipantEndpoints(this IEndpointRouteBuilder app)
    {
        var participants = app.MapGroup("/api/participants").WithTags("Participants").RequireAuthorization(Policies.PersonalData);
        participants.MapPost("/", Create)
            .WithName("CreateParticipant")
            .WithSummary("Registers a participant. An identity number already in the tenant is a 409 with the existing id; records that look like the same person are listed in possibleDuplicates.");
        participants.MapGet("/", Search)
            .WithName("SearchParticipants")
            .WithSummary("Finds participants by name words (prefixes, any order), identity number, enrolment status, programme or module; paged.");
        participants.MapGet("/duplicates", Duplicates)
            .WithName("FindDuplicateParticipants")
            .WithSummary("Records that may be the same person: a similar name and a birth year within one year.");
        participants.MapGet("/{participantId:guid}", Get)
            .WithName("GetParticipant")
            .WithSummary("Reads a participant; the ETag is its version.");
        participants.MapPut("/{participantId:guid}", Update)
            .WithName("UpdateParticipant")
            .WithSummary("Changes a participant's current record (the values at entry stay as they were); needs If-Match.");
        participants.MapPost("/{participantId:guid}/merge", Merge)
            .RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("MergeParticipants")
            .WithSummary("Merges another record of the same person into this one (tenant admin): enrolments, outcomes, consents and module data move here; audited.");
    }

    private static async Task<Results<Created<CreatedParticipantResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ParticipantRequest request, HttpContext http, IntegrationDbContext db, ParticipantWriter writer, DuplicateFinder duplicates, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var identity = request.Validate(errors, Today(clock));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (identity is { } id && await writer.FindByIdentityAsync(id.Number, null, ct) is { } existing)
        {
            return IdentityTaken(existing);
        }

        var participant = writer.Add(request, identity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (identity is not null)
        {
            // The same number was registered by a concurrent request after the check above.
            if (await writer.FindByIdentityAsync(identity.Value.Number, participant.Id, ct) is { } raced)
            {
                return IdentityTaken(raced);
            }

            throw;
        }

        var candidates = await duplicates.FindAsync(participant.GivenName, participant.FamilyName, participant.BirthYear, participant.Id, ct);
        await audit.ReadBeforeAnswerAsync(ParticipantWriter.RecordType, candidates.Select(c => (c.Id, c.Id)), ct);
        http.Response.SetETag(participant.Version);
        return TypedResults.Created($"/api/participants/{participant.Id}", new CreatedParticipantResponse(ParticipantResponse.From(participant), candidates));
    }

    private static async Task<Results<Ok<ParticipantResponse>, ProblemHttpResult>> Get(
        Guid participantId, HttpContext http, IntegrationDbContext db, AuditLog audit, CancellationToken ct)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null)
        {
            return NotFound();
        }

        await audit.ReadBeforeAnswerAsync(ParticipantWriter.RecordType, [(participant.Id, participant.Id)], ct);
        http.Response.SetETag(participant.Version);
        return TypedResults.Ok(ParticipantResponse.From(participant));
    }

    private static async Task<Results<Ok<ParticipantResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid participantId, ParticipantRequest request, HttpContext http, IntegrationDbContext db, ParticipantWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (participant is null)
        {
            return NotFound();
        }

        if (Versioning.CheckIfMatch(http.Request, participant.Version) is { } precondition)
        {
            return precondition;
        }

        if (participant.MergedIntoId is { } survivor)
        {
            return Problems.Conflict(
                "Posten är sammanslagen med en annan och kan inte ändras.",
                "The record was merged into another and cannot be changed.",
                new Dictionary<string, object?> { ["mergedIntoId"] = survivor });
        }

        var errors = new FieldErrors();
        var identity = request.Validate(errors, Today(clock));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (identity is { } id && id.Number != participant.IdentityNumber && await writer.FindByIdentityAsync(id.Number, participant.Id, ct) is { } existing)
        {
            return IdentityTaken(existing);
        }

        await writer.UpdateAsync(participant, request, identity, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Versioning.Stale();
        }
        catch (DbUpdateException) when (identity is not null)
        {
            if (await writer.FindByIdentityAsync(identity.Value.Number, participant.Id, ct) is { } raced)
            {
                return IdentityTaken(raced);
            }

            throw;
        }

        http.Response.SetETag(participant.Version);
        return TypedResults.Ok(ParticipantResponse.From(participant));
    }

    private static async Task<Results<Ok<Page<ParticipantListItem>>, ValidationProblem>> Search(
        string? q, string? identityNumber, string? status, Guid? programmeId, string? moduleId, int? page, int? pageSize,
        IntegrationDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var enrolmentStatus = QueryValues.ParseEnum<EnrolmentStatus>(status, "status", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var terms = NameFolding.Tokens(q);
        var onlyName = terms.Count > 0 && string.IsNullOrWhiteSpace(identityNumber) && enrolmentStatus is null && programmeId is null && string.IsNullOrEmpty(moduleId);
        var (total, items) = onlyName
            ? await SearchByNameAsync(db, terms, p, size, ct)
            : await SearchByFiltersAsync(db, terms, identityNumber, enrolmentStatus, programmeId, moduleId, clock, p, size, ct);
        await audit.ReadBeforeAnswerAsync(ParticipantWriter.RecordType, items.Select(i => (i.Id, i.Id)), ct);
        return TypedResults.Ok(new Page<ParticipantListItem>(items, p, size, total));
    }

    /// <summary>
    /// A search by name alone, answered from the name index: the database picks the page (and counts the hits) there,
    /// and only the page's participants are read. Merged records have no rows in the index, so they never show.
    /// </summary>
    private static async Task<(int Total, List<ParticipantListItem> Items)> SearchByNameAsync(IntegrationDbContext db, IReadOnlyList<string> terms, int page, int size, CancellationToken ct)
    {
        // The longest word's index range is read (it is usually the rarest), one row per participant: the row of the
        // first of their words in the range (see ParticipantName.PreviousToken). The other words are checked on the
        // row's sort key, which holds every word of the name; a sort key cut at its maximum length may have lost a
        // word, so for those the word is looked up in the index instead.
        var skip = (page - 1) * size;
        if (NameSearch.For(terms) is { } usual)
        {
            var found = await NameSearchQueries.PageAsync(db, usual, skip, size, ct);
            return (PageTells(found.Count) ? skip + found.Count : await NameSearchQueries.CountAsync(db, usual, ct), found);
        }

        var longest = terms.OrderByDescending(t => t.Length).First();
        var hits = db.ParticipantNames.AsNoTracking().Where(WordStarts(longest)).Where(FirstInRange(longest));
        foreach (var term in terms.Where(t => !ReferenceEquals(t, longest)))
        {
            var word = " " + term;
            var withTerm = db.ParticipantNames.Where(WordStarts(term));
            hits = hits.Where(n => (" " + n.SortKey).Contains(word)
                || (n.SortKey.Length >= ParticipantWriter.MaxSortKeyLength && withTerm.Any(m => m.ParticipantId == n.ParticipantId)));
        }

        // The page and its participants in one query; the hits are counted only when the page does not tell how
        // many there are (a full page, or a page past the end).
        var items = await hits.OrderBy(n => n.SortKey).ThenBy(n => n.ParticipantId).Skip(skip).Take(size)
            .Join(db.Participants.AsNoTracking(), n => n.ParticipantId, x => x.Id, (n, x) => new { n.SortKey, x.Id, x.GivenName, x.FamilyName, x.Gender, x.BirthYear, x.IdentityKind, x.IdentityNumber })
            .OrderBy(r => r.SortKey).ThenBy(r => r.Id)
            .Select(r => new ParticipantListItem(r.Id, r.GivenName, r.FamilyName, r.Gender, r.BirthYear, r.IdentityKind, r.IdentityNumber))
            .ToListAsync(ct);
        return (PageTells(items.Count) ? skip + items.Count : await hits.CountAsync(ct), items);

        // A page that is not full, and not past the end, tells the total without counting.
        bool PageTells(int count) => count < size && (count > 0 || page == 1);
    }

    private static async Task<(int Total, List<ParticipantListItem> Items)> SearchByFiltersAsync(
        IntegrationDbContext db, IReadOnlyList<string> terms, string? identityNumber, EnrolmentStatus? enrolmentStatus, Guid? programmeId, string? moduleId,
        TimeProvider clock, int page, int size, CancellationToken ct)
    {
        var query = db.Participants.AsNoTracking().Where(x => x.MergedIntoId == null);
        foreach (var term in terms)
        {
            var ids = db.ParticipantNames.Where(WordStarts(term)).Select(n => n.ParticipantId);
            query = query.Where(x => ids.Contains(x.Id));
        }

        if (!string.IsNullOrWhiteSpace(identityNumber))
        {
            var number = SwedishIdentityNumber.TryParse(identityNumber, Today(clock), out var parsed, out _) ? parsed.Normalized : identityNumber.Trim().ToUpperInvariant();
            query = query.Where(x => x.IdentityNumber == number);
        }

        if (enrolmentStatus is not null || programmeId is not null || !string.IsNullOrEmpty(moduleId))
        {
            var enrolments = db.Enrolments.AsQueryable();
            if (enrolmentStatus is { } s)
            {
                enrolments = enrolments.Where(e => e.Status == s);
            }

            if (programmeId is { } programme)
            {
                enrolments = enrolments.Where(e => e.ProgrammeId == programme);
            }

            if (!string.IsNullOrEmpty(moduleId))
            {
                enrolments = enrolments.Where(e => e.ModuleId == moduleId);
            }

            var enrolled = enrolments.Select(e => e.ParticipantId);
            query = query.Where(x => enrolled.Contains(x.Id));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName).ThenBy(x => x.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new ParticipantListItem(x.Id, x.GivenName, x.FamilyName, x.Gender, x.BirthYear, x.IdentityKind, x.IdentityNumber))
            .ToListAsync(ct);
        return (total, items);
    }

    /// <summary>
    /// Rows whose word starts with <paramref name="term"/>: a range on the indexed column, so the search reads only
    /// matching words. EF Core turns CompareTo into SQL comparisons (ordinal on both providers).
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<ParticipantName, bool>> WordStarts(string term)
    {
        var upper = term + char.MaxValue;
#pragma warning disable CA1309, CA1310
        return n => n.Token.CompareTo(term) >= 0 && n.Token.CompareTo(upper) < 0;
#pragma warning restore CA1309, CA1310
    }

    /// <summary>The row of a participant's first word that starts with <paramref name="term"/>: the word before it (if any) is below the range.</summary>
    private static System.Linq.Expressions.Expression<Func<ParticipantName, bool>> FirstInRange(string term)
    {
#pragma warning disable CA1309, CA1310
        return n => n.PreviousToken == null || n.PreviousToken.CompareTo(term) < 0;
#pragma warning restore CA1309, CA1310
    }

    private static async Task<Results<Ok<IReadOnlyList<DuplicateCandidate>>, ValidationProblem>> Duplicates(
        string? givenName, string? familyName, int? birthYear, DuplicateFinder finder, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(givenName) && string.IsNullOrWhiteSpace(familyName))
        {
            return Problems.Field("givenName", "Ange ett namn att jämföra med.", "Give a name to compare with.");
        }

        var candidates = await finder.FindAsync(givenName, familyName, birthYear, null, ct);
        await audit.ReadBeforeAnswerAsync(ParticipantWriter.RecordType, candidates.Select(c => (c.Id, c.Id)), ct);
        return TypedResults.Ok(candidates);
    }

    private static async Task<Results<Ok<MergeResponse>, ValidationProblem, ProblemHttpResult>> Merge(
        Guid participantId, MergeRequest request, IntegrationDbContext db, ParticipantMerge merge, CancellationToken ct)
    {
        // The record in the route first: whatever the body, another tenant's record is simply not found.
        if (!await db.Participants.AnyAsync(p => p.Id == participantId, ct))
        {
            return NotFound();
        }

        if (request.DuplicateId is not { } duplicateId)
        {
            return Problems.Field("duplicateId", "Ange posten som ska slås samman med denna.", "Give the record to merge into this one.");
        }

        var outcome = await merge.MergeAsync(participantId, duplicateId, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Message is { } refusal)
        {
            return outcome.Field is { } field
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refusal] })
                : TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(new MergeResponse(participantId, duplicateId, outcome.Moved, outcome.Modules));
    }

    private static ProblemHttpResult IdentityTaken(Guid existing) => Problems.Conflict(
        "Det finns redan en deltagare med det identitetsnumret.",
        "A participant with that identity number already exists.",
        new Dictionary<string, object?> { ["existingId"] = existing });

    private static ProblemHttpResult NotFound() => Problems.NotFound("Deltagaren finns inte.", "The participant does not exist.");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}

/// <summary>Merges another record into this one.</summary>
/// <param name="DuplicateId">The record that goes away (it stays readable, pointing here).</param>
public sealed record MergeRequest(Guid? DuplicateId);

/// <summary>What a merge moved.</summary>
/// <param name="Modules">What each module moved; a module with an error can be retried by merging again.</param>
public sealed record MergeResponse(Guid SurvivorId, Guid DuplicateId, MergeCounts Moved, IReadOnlyList<ModuleMergeResult> Modules);

/// <summary>A participant in a search result.</summary>
public sealed record ParticipantListItem(Guid Id, string GivenName, string FamilyName, Gender Gender, int? BirthYear, IdentityKind? IdentityKind, string? IdentityNumber);
