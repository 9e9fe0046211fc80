using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Audit;

/// <summary>
/// One page of the audit log as one list, newest first, from its two tables: the records' log
/// (<c>core_audit_entries</c>, changes and the reads saved with them) and the read log (<see cref="AuditReadsDbContext"/>).
/// </summary>
internal static class AuditTrail
{
    /// <summary>
    /// The entries of <paramref name="page"/> (from 1) of both logs merged by time, newest first, and how many there are
    /// in all. Each log is read newest first by id (its index), only as far as the page reaches; the page's own
    /// entries are then loaded by id.
    /// </summary>
    public static async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> PageAsync(
        IQueryable<AuditEntry> records, IQueryable<AuditEntry> reads, int page, int size, CancellationToken ct)
    {
        var total = await records.CountAsync(ct) + await reads.CountAsync(ct);
        if ((long)(page - 1) * size >= total)
        {
            return ([], total);
        }

        // Paging.Check keeps page × size within an int.
        var reach = page * size;
        var recordKeys = await Keys(records, reach).ToListAsync(ct);
        var readKeys = await Keys(reads, reach).ToListAsync(ct);
        var onPage = Merge(recordKeys, readKeys).Skip((page - 1) * size).Take(size).ToList();

        var recordIds = onPage.Where(k => !k.InReadLog).Select(k => k.Id).ToList();
        var readIds = onPage.Where(k => k.InReadLog).Select(k => k.Id).ToList();
        var loaded = new Dictionary<long, AuditEntry>();
        foreach (var entry in await records.Where(e => recordIds.Contains(e.Id)).ToListAsync(ct))
        {
            loaded[entry.Id] = entry;
        }

        foreach (var entry in await reads.Where(e => readIds.Contains(e.Id)).ToListAsync(ct))
        {
            loaded[entry.Id] = entry;
        }

        // Ids of the two logs never meet (the read log counts from AuditReadsDbContext.FirstId).
        return (onPage.Select(k => loaded[k.Id]).ToList(), total);
    }

    private static IQueryable<Key> Keys(IQueryable<AuditEntry> log, int count) =>
        log.OrderByDescending(e => e.Id).Take(count).Select(e => new Key(e.Id, e.At, e.Id >= AuditReadsDbContext.FirstId));

    /// <summary>
    /// Merges two lists, each newest first, into one newest first. An entry's time is taken when the data is read or
    /// changed and its id when it is committed, so within one log the two orders can differ by a commit's wait; the
    /// merge keeps each log's own order.
    /// </summary>
    private static IEnumerable<Key> Merge(List<Key> first, List<Key> second)
    {
        int i = 0, j = 0;
        while (i < first.Count || j < second.Count)
        {
            if (j == second.Count || (i < first.Count && first[i].At >= second[j].At))
            {
                yield return first[i++];
            }
            else
            {
                yield return second[j++];
            }
        }
    }

    private sealed record Key(long Id, DateTime At, bool InReadLog);
}
