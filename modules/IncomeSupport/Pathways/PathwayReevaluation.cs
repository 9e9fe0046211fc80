using Integration.Modules.IncomeSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>Evaluates every pathway of the tenant again (a new number of months, a merge), recording outcomes and moving reviews.</summary>
internal sealed class PathwayReevaluation(IncomeSupportDbContext db, PathwayState state)
{
    public async Task AllAsync(int required, CancellationToken ct)
    {
        var ids = await db.Pathways.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            await OneAsync(id, required, ct);
        }
    }

    public async Task OneAsync(Guid pathwayId, int required, CancellationToken ct)
    {
        var pathway = await db.Pathways.FirstAsync(p => p.Id == pathwayId, ct);
        var months = await db.Months.AsNoTracking().Where(m => m.PathwayId == pathwayId).ToListAsync(ct);
        var change = PathwayState.Apply(pathway, months, required);
        if (change != PathwayState.Change.None)
        {
            pathway.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed at the same moment: that change evaluated the pathway under the current rule itself.
                db.ChangeTracker.Clear();
                return;
            }
        }

        await state.AfterSaveAsync(pathway, change, months, ct);
        db.ChangeTracker.Clear();
    }
}
