using Integration.Abstractions.Validation;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Http;
using Integration.Modules.IncomeSupport.Pathways;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Settings;

/// <summary>The tenant's module settings: read by the module's readers, changed by tenant admins.</summary>
internal static class SettingsEndpoints
{
    public const int MinMonths = 1;
    public const int MaxMonths = 24;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/settings", Get).RequireAuthorization(IncomeSupportModule.ReadPermission)
            .WithName("IncomeSupportGetSettings").WithSummary("The tenant's settings: consecutive months without support that mean self-sufficiency (3 by default).");
        endpoints.MapPut("/settings", Put).RequireAuthorization(IncomeSupportModule.SettingsPermission)
            .WithName("IncomeSupportPutSettings").WithSummary("Changes the tenant's settings (If-Match); every pathway is evaluated again under the new rule.");
    }

    private static async Task<Ok<SettingsResponse>> Get(HttpContext http, IncomeSupportDbContext db, CancellationToken ct)
    {
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct);
        http.Response.SetETag(row?.Version ?? 0);
        return TypedResults.Ok(Response(row));
    }

    private static async Task<Results<Ok<SettingsResponse>, ValidationProblem, ProblemHttpResult>> Put(
        SettingsRequest request, HttpContext http, IncomeSupportDbContext db, PathwayReevaluation reevaluation, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(ct);
        if (Versions.CheckIfMatch(http.Request, row?.Version ?? 0) is { } precondition)
        {
            return precondition;
        }

        var errors = new FieldErrors();
        errors.Require(request.MonthsWithoutSupport is >= MinMonths and <= MaxMonths, "monthsWithoutSupport", FieldRules.T(
            $"Ange {MinMonths}–{MaxMonths} månader.", $"Give {MinMonths}–{MaxMonths} months."));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (row is null)
        {
            row = new TenantSettings { Id = Guid.NewGuid() };
            db.Settings.Add(row);
        }

        row.MonthsWithoutSupport = request.MonthsWithoutSupport!.Value;
        row.Version++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedById = http.UserId();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Versions.Stale();
        }

        await reevaluation.AllAsync(row.MonthsWithoutSupport, ct);
        http.Response.SetETag(row.Version);
        return TypedResults.Ok(Response(row));
    }

    private static SettingsResponse Response(TenantSettings? row) =>
        new(row?.MonthsWithoutSupport ?? TenantSettings.DefaultMonthsWithoutSupport, row?.Version ?? 0, row?.UpdatedAt);
}

/// <summary>The module's settings for the tenant.</summary>
/// <param name="MonthsWithoutSupport">Consecutive calendar months without income support that make a participant self-sufficient, 1–24.</param>
public sealed record SettingsRequest(int? MonthsWithoutSupport);

/// <summary>The module's settings for the tenant; version 0 until an admin changes them.</summary>
public sealed record SettingsResponse(int MonthsWithoutSupport, long Version, DateTime? UpdatedAt);
