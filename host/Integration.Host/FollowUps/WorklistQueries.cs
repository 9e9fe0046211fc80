using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// A case worker's usual worklist (their own due follow-ups and the unassigned ones) as queries compiled once, so that
/// EF Core does not walk their expression trees on every request (see <c>NameSearchQueries</c>). The same SQL as the
/// general worklist query in <c>FollowUpEndpoints</c>, which answers the other shapes (<c>assignee=all</c>).
/// </summary>
internal static class WorklistQueries
{
    // Both counts in one statement (one round trip), each an index range of its own like the page below.
    private static readonly Func<IntegrationDbContext, Guid, CancellationToken, Task<int>> Count = EF.CompileAsyncQuery(
        (IntegrationDbContext db, Guid me, CancellationToken ct) => db.FollowUps
            .Where(f => f.State == FollowUpState.Due && f.AssigneeId == me).Select(f => f.Id)
            .Concat(db.FollowUps.Where(f => f.State == FollowUpState.Due && f.AssigneeId == null).Select(f => f.Id))
            .Count());

    // Mine and the unassigned ones as two index lookups (UNION ALL) rather than one OR, which SQLite answers by reading
    // every due follow-up of the tenant. The page is chosen on the ids and the sort columns, which the index carries.
    private static readonly Func<IntegrationDbContext, Guid, int, int, IAsyncEnumerable<Guid>> PageIds = EF.CompileAsyncQuery(
        (IntegrationDbContext db, Guid me, int skip, int take) => db.FollowUps.AsNoTracking()
            .Where(f => f.State == FollowUpState.Due && f.AssigneeId == me)
            .Concat(db.FollowUps.AsNoTracking().Where(f => f.State == FollowUpState.Due && f.AssigneeId == null))
            .OrderBy(f => f.OverdueAt == null).ThenBy(f => f.DueOn).ThenBy(f => f.Id)
            .Skip(skip).Take(take)
            .Select(f => f.Id));

    private static readonly Func<IntegrationDbContext, Guid[], IAsyncEnumerable<WorklistRow>> Rows = EF.CompileAsyncQuery(
        (IntegrationDbContext db, Guid[] ids) => db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Join(db.Participants, f => f.ParticipantId, p => p.Id, (f, p) => new WorklistRow(f, p.GivenName, p.FamilyName)));

    /// <summary>How many follow-ups are due for <paramref name="me"/> or for no one.</summary>
    public static Task<int> CountAsync(IntegrationDbContext db, Guid me, CancellationToken ct) => Count(db, me, ct);

    /// <summary>The ids of a page, overdue first, then by due date.</summary>
    public static ValueTask<List<Guid>> PageIdsAsync(IntegrationDbContext db, Guid me, int skip, int take, CancellationToken ct) =>
        PageIds(db, me, skip, take).ToListAsync(ct);

    /// <summary>The follow-ups with these ids and their participants' names, in no particular order.</summary>
    public static ValueTask<List<WorklistRow>> RowsAsync(IntegrationDbContext db, Guid[] ids, CancellationToken ct) =>
        Rows(db, ids).ToListAsync(ct);
}

/// <summary>A follow-up of a worklist page with its participant's name.</summary>
internal sealed record WorklistRow(FollowUp FollowUp, string GivenName, string FamilyName);
