using Integration.Modules.IncomeSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Settings;

/// <summary>The current tenant's settings, or the defaults when its admin has changed none.</summary>
internal sealed class SettingsReader(IncomeSupportDbContext db)
{
    public async Task<int> MonthsWithoutSupportAsync(CancellationToken ct) =>
        await db.Settings.AsNoTracking().Select(s => (int?)s.MonthsWithoutSupport).FirstOrDefaultAsync(ct) ?? TenantSettings.DefaultMonthsWithoutSupport;
}
