using Integration.Abstractions.Validation;
using Integration.Modules.IncomeSupport.Data;
using Integration.Modules.IncomeSupport.Http;
using Integration.Modules.IncomeSupport.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Integration.Modules.IncomeSupport.Pathways;

/// <summary>
/// Monthly statuses: whether support was paid in a month and why it was needed. Each one re-evaluates the pathway:
/// reaching self-sufficiency records the outcome and stops the reviews; support paid again reopens it.
/// </summary>
internal static class MonthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/pathways/{pathwayId:guid}/months/{month}", Record).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportRecordMonth").WithSummary("Records or corrects a month's status (month as yyyy-MM; not in the future, not before the first application).");
        endpoints.MapDelete("/pathways/{pathwayId:guid}/months/{month}", Remove).RequireAuthorization(IncomeSupportModule.WritePermission)
            .WithName("IncomeSupportRemoveMonth").WithSummary("Removes a month recorded by mistake; the pathway is evaluated again.");
    }

    private static async Task<Results<Ok<PathwayResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid pathwayId, string month, MonthRequest request, HttpContext http, IncomeSupportDbContext db, SettingsReader settings, PathwayState state,
        TimeProvider clock, CancellationToken ct)
    {
        var pathway = await db.Pathways.FirstOrDefaultAsync(p => p.Id == pathwayId, ct);
        if (pathway is null)
        {
            return Problems.PathwayNotFound();
        }

        var errors = new FieldErrors();
        var first = errors.Month("month", month);
        var thisMonth = clock.Today().FirstOfMonth();
        if (first is { } m)
        {
            errors.Require(m <= thisMonth, "month", FieldRules.T("Månaden kan inte ligga i framtiden.", "The month cannot be in the future."));
            errors.Require(m >= pathway.FirstApplicationOn.FirstOfMonth(), "month", FieldRules.T(
                $"Månaden ligger före den första ansökan ({pathway.FirstApplicationOn:yyyy-MM-dd}).",
                $"The month is before the first application ({pathway.FirstApplicationOn:yyyy-MM-dd})."));
        }

        errors.Require(request.SupportPaid is not null, "supportPaid", FieldRules.T("Ange om ekonomiskt bistånd betalades ut (true/false).", "Say whether income support was paid (true/false)."));
        var reasons = CheckReasons(errors, request);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var row = await db.Months.FirstOrDefaultAsync(x => x.PathwayId == pathway.Id && x.Month == first!.Value, ct);
        if (row is null)
        {
            row = new MonthlyStatus { Id = Guid.NewGuid(), PathwayId = pathway.Id, Month = first!.Value };
            db.Months.Add(row);
        }

        row.SupportPaid = request.SupportPaid!.Value;
        row.Reasons = Reasons.Bits(reasons);
        row.RecordedById = http.UserId();
        row.RecordedAt = clock.GetUtcNow().UtcDateTime;
        var months = await state.MonthsAsync(pathway.Id, ct);
        var change = PathwayState.Apply(pathway, months, await settings.MonthsWithoutSupportAsync(ct));
        return await PathwayEndpoints.SaveAsync(pathway, change, months, http, db, settings, state, clock, ct);
    }

    private static async Task<Results<Ok<PathwayResponse>, ValidationProblem, ProblemHttpResult>> Remove(
        Guid pathwayId, string month, HttpContext http, IncomeSupportDbContext db, SettingsReader settings, PathwayState state, TimeProvider clock, CancellationToken ct)
    {
        var pathway = await db.Pathways.FirstOrDefaultAsync(p => p.Id == pathwayId, ct);
        if (pathway is null)
        {
            return Problems.PathwayNotFound();
        }

        var errors = new FieldErrors();
        if (errors.Month("month", month) is not { } first)
        {
            return Problems.Validation(errors);
        }

        var row = await db.Months.FirstOrDefaultAsync(x => x.PathwayId == pathway.Id && x.Month == first, ct);
        if (row is null)
        {
            return Problems.NotFound("Månaden är inte registrerad.", "The month is not recorded.");
        }

        db.Months.Remove(row);
        var months = (await state.MonthsAsync(pathway.Id, ct)).Where(x => x.Id != row.Id).ToList();
        var change = PathwayState.Apply(pathway, months, await settings.MonthsWithoutSupportAsync(ct));
        return await PathwayEndpoints.SaveAsync(pathway, change, months, http, db, settings, state, clock, ct);
    }

    private static List<NeedReason> CheckReasons(FieldErrors errors, MonthRequest request)
    {
        var given = request.Reasons ?? [];
        var reasons = new List<NeedReason>();
        if (request.SupportPaid == false && given.Count > 0)
        {
            errors.Add("reasons", FieldRules.T("Skäl anges bara för månader med utbetalt bistånd.", "Reasons are given only for months with support paid."));
            return reasons;
        }

        if (request.SupportPaid == true && given.Count == 0)
        {
            errors.Add("reasons", FieldRules.T($"Ange minst ett skäl till behovet: {EnumText.Names<NeedReason>()}.", $"Give at least one reason for the need: {EnumText.Names<NeedReason>()}."));
        }

        for (var i = 0; i < given.Count; i++)
        {
            var reason = errors.Choice<NeedReason>($"reasons[{i}]", given[i], required: true);
            if (reason is { } r && reasons.Contains(r))
            {
                errors.Add($"reasons[{i}]", FieldRules.T("Skälet står redan i listan.", "The reason is already listed."));
            }
            else if (reason is { } ok)
            {
                reasons.Add(ok);
            }
        }

        return reasons;
    }
}
