using Autofac;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Participants;

/// <summary>
/// Merges two records of the same person: the duplicate's enrolments, outcomes, consents and participations move to
/// the survivor in one transaction, the duplicate is kept (read-only, out of searches) pointing at the survivor, and
/// both records get an audit entry. Modules then move their own rows (<see cref="IParticipantMergeHandler"/>); they use
/// their own contexts, so they run after the host's commit, and a repeated merge runs them again.
/// </summary>
public sealed class ParticipantMerge(IntegrationDbContext db, ParticipantWriter writer, ParticipationTracker participations, AuditLog audit, ILifetimeScope scope, ILogger<ParticipantMerge> logger, TimeProvider clock)
{
    /// <summary>Merges <paramref name="duplicateId"/> into <paramref name="survivorId"/>, or says why not.</summary>
    public async Task<MergeOutcome> MergeAsync(Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        try
        {
            return await MergeOnceAsync(survivorId, duplicateId, ct);
        }
        catch (DbUpdateException)
        {
            // A record changed under the merge (an update, another merge): the transaction rolled back, nothing moved.
            return MergeOutcome.Refused(null, T(
                "En av posterna ändrades samtidigt. Inget flyttades; försök igen.",
                "One of the records changed at the same moment. Nothing was moved; try again."));
        }
    }

    private async Task<MergeOutcome> MergeOnceAsync(Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        var survivor = await db.Participants.FirstOrDefaultAsync(p => p.Id == survivorId, ct);
        var duplicate = await db.Participants.FirstOrDefaultAsync(p => p.Id == duplicateId, ct);
        if (survivor is null)
        {
            return MergeOutcome.Refused(null, T("Deltagaren finns inte.", "The participant does not exist."), notFound: true);
        }

        if (duplicate is null || survivorId == duplicateId)
        {
            return MergeOutcome.Refused("duplicateId", T("Ange en annan deltagare i organisationen.", "Give another participant of the tenant."));
        }

        if (survivor.MergedIntoId is not null)
        {
            return MergeOutcome.Refused(null, T("Posten är själv sammanslagen med en annan.", "The record is itself merged into another."));
        }

        if (duplicate.MergedIntoId == survivorId)
        {
            // Merged before: only the modules' steps may be left to do.
            return new MergeOutcome(null, null, false, new MergeCounts(0, 0, 0, 0), await MergeModulesAsync(survivorId, duplicateId, ct));
        }

        if (duplicate.MergedIntoId is not null)
        {
            return MergeOutcome.Refused("duplicateId", T("Posten är redan sammanslagen med en annan.", "The record is already merged into another."));
        }

        if (survivor.IdentityNumber is not null && duplicate.IdentityNumber is not null && survivor.IdentityNumber != duplicate.IdentityNumber)
        {
            return MergeOutcome.Refused("duplicateId", T("Posterna har olika identitetsnummer och är inte samma person.", "The records have different identity numbers and are not the same person."));
        }

        var open = EnrolmentStatus.Exited;
        var clash = await db.Enrolments.Where(e => e.ParticipantId == duplicateId && e.Status != open)
            .Where(e => db.Enrolments.Any(s => s.ParticipantId == survivorId && s.Status != open && s.ProgrammeId == e.ProgrammeId && s.ModuleId == e.ModuleId))
            .Select(e => e.ModuleId).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            return MergeOutcome.Refused("duplicateId", T(
                $"Båda posterna har en pågående inskrivning i modulen '{clash}' i samma program. Avsluta den ena först.",
                $"Both records have an ongoing enrolment in the module '{clash}' in the same programme. Exit one of them first."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enrolments = await db.Enrolments.Where(e => e.ParticipantId == duplicateId).ToListAsync(ct);
        var outcomes = await db.Outcomes.Where(o => o.ParticipantId == duplicateId).ToListAsync(ct);
        var consents = await db.Consents.Where(c => c.ParticipantId == duplicateId).ToListAsync(ct);
        var followUps = await db.FollowUps.Where(f => f.ParticipantId == duplicateId).ToListAsync(ct);
        enrolments.ForEach(e => e.ParticipantId = survivorId);
        followUps.ForEach(f =>
        {
            f.ParticipantId = survivorId;
            f.Version++;
        });
        outcomes.ForEach(o => o.ParticipantId = survivorId);
        consents.ForEach(c => c.ParticipantId = survivorId);

        // One consent per purpose stays in force: where both records have one, the survivor's stays and the moved
        // one ends today, noted, so that a later withdrawal is not undone by a forgotten second consent.
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var inForce = await db.Consents.Where(c => c.ParticipantId == survivorId && c.WithdrawnOn == null).Select(c => c.Purpose).ToListAsync(ct);
        foreach (var consent in consents.Where(c => c.WithdrawnOn == null && inForce.Contains(c.Purpose)))
        {
            consent.WithdrawnOn = today < consent.GivenOn ? consent.GivenOn : today;
            consent.Note = $"{consent.Note} [merged: superseded by the surviving record's consent]".Trim();
        }

        // The earliest participation's situation at entry is the one funders count.
        var theirs = await db.Participations.Where(p => p.ParticipantId == duplicateId).ToListAsync(ct);
        foreach (var participation in theirs)
        {
            var mine = await db.Participations.FirstOrDefaultAsync(p => p.ParticipantId == survivorId && p.ProgrammeId == participation.ProgrammeId, ct);
            if (mine is not null && (participation.FirstStart ?? DateOnly.MaxValue) < (mine.FirstStart ?? DateOnly.MaxValue))
            {
                mine.Entry = participation.Entry.Copy();
            }

            db.Participations.Remove(participation);
            if (mine is null)
            {
                db.Participations.Add(new Participation { Id = Guid.NewGuid(), ParticipantId = survivorId, ProgrammeId = participation.ProgrammeId, Entry = participation.Entry.Copy() });
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var programmeId in theirs.Select(p => p.ProgrammeId).Distinct())
        {
            await participations.UpdateAsync(survivor, programmeId, ct);
        }

        var movedIdentity = survivor.IdentityNumber is null && duplicate.IdentityNumber is not null;
        var identity = (duplicate.IdentityKind, duplicate.IdentityNumber);
        duplicate.IdentityKind = null;
        duplicate.IdentityNumber = null;
        duplicate.MergedIntoId = survivorId;
        duplicate.Version++;
        duplicate.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.ParticipantNames.RemoveRange(await writer.StoredNameRowsAsync(duplicate, ct));
        await db.SaveChangesAsync(ct);
        if (movedIdentity)
        {
            // After the duplicate let go of it: the number is unique in the tenant.
            (survivor.IdentityKind, survivor.IdentityNumber) = identity;
        }

        survivor.Version++;
        survivor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditAction.Merge, ParticipantWriter.RecordType, duplicateId, duplicateId, ["mergedIntoId"]);
        audit.Add(AuditAction.Merge, ParticipantWriter.RecordType, survivorId, survivorId, movedIdentity ? ["enrolments", "outcomes", "consents", "followUps", "identityNumber"] : ["enrolments", "outcomes", "consents", "followUps"]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var counts = new MergeCounts(enrolments.Count, outcomes.Count, consents.Count, followUps.Count);
        logger.LogInformation("Participant {DuplicateId} merged into {SurvivorId}: {Counts}", duplicateId, survivorId, counts);
        return new MergeOutcome(null, null, false, counts, await MergeModulesAsync(survivorId, duplicateId, ct));
    }

    private async Task<IReadOnlyList<ModuleMergeResult>> MergeModulesAsync(Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        var results = new List<ModuleMergeResult>();
        foreach (var handler in scope.Resolve<IEnumerable<IParticipantMergeHandler>>())
        {
            try
            {
                results.Add(new ModuleMergeResult(handler.ModuleId, await handler.MergeAsync(survivorId, duplicateId, ct), null));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Module {ModuleId} failed to merge participant {DuplicateId} into {SurvivorId}", handler.ModuleId, duplicateId, survivorId);
                results.Add(new ModuleMergeResult(handler.ModuleId, 0, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        return results;
    }

    private static (string Sv, string En) T(string sv, string en) => (sv, en);
}

/// <summary>What a merge did, or why it was refused.</summary>
public sealed record MergeOutcome(string? Field, (string Sv, string En)? Refusal, bool NotFound, MergeCounts Moved, IReadOnlyList<ModuleMergeResult> Modules)
{
    public static MergeOutcome Refused(string? field, (string Sv, string En) why, bool notFound = false) => new(field, why, notFound, new MergeCounts(0, 0, 0, 0), []);

    public string? Message => Refusal is { } r ? LocalizedText.Pick(r.Sv, r.En) : null;
}

/// <summary>Rows the host moved.</summary>
public sealed record MergeCounts(int Enrolments, int Outcomes, int Consents, int FollowUps);

/// <summary>What a module moved, or its error (merge again to retry).</summary>
public sealed record ModuleMergeResult(string ModuleId, int Moved, string? Error);
