using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary><c>/api/follow-up-policies</c>: the tenant's follow-up policies; its admin changes offsets or switches them off.</summary>
internal static class FollowUpPolicyEndpoints
{
    private const int MaxOffsets = 12;

    public static void MapFollowUpPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/follow-up-policies").WithTags("Follow-ups").RequireAuthorization(Policies.TenantStaff);
        policies.MapGet("/", List).WithName("ListFollowUpPolicies").WithSummary("The host's and the loaded modules' follow-up policies as this tenant runs them.");
        policies.MapPut("/{policyId}", Change).RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("ChangeFollowUpPolicy").WithSummary("Switches a policy on or off for the tenant and changes its offsets or interval.");
        policies.MapDelete("/{policyId}", Reset).RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithName("ResetFollowUpPolicy").WithSummary("Gives the tenant the policy's defaults again.");
    }

    private static async Task<Ok<List<FollowUpPolicyResponse>>> List(FollowUpPolicies policies, CancellationToken ct) =>
        TypedResults.Ok((await policies.ForTenantAsync(ct)).Select(FollowUpPolicyResponse.From).ToList());

    private static async Task<Results<Ok<FollowUpPolicyResponse>, ValidationProblem, ProblemHttpResult>> Change(
        string policyId, ChangeFollowUpPolicyRequest request, FollowUpPolicies policies, IntegrationDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var known = policies.Known().FirstOrDefault(k => k.Policy.Id == policyId);
        if (known.Policy is null)
        {
            return NotFound();
        }

        var policy = known.Policy;
        var errors = new FieldErrors();
        errors.Require(request.Enabled is not null, "enabled", T("Ange om policyn är på (true) eller av (false).", "Say whether the policy is on (true) or off (false)."));
        var offsets = ParseOffsets(request.Offsets, policy, errors);
        FollowUpOffset? repeat = null;
        if (request.RepeatEvery is not null)
        {
            if (policy.RepeatEvery is null)
            {
                errors.Add("repeatEvery", T("Policyn upprepas inte; ändra dess förskjutningar (offsets).", "The policy does not repeat; change its offsets."));
            }
            else if (!FollowUpOffsets.TryParse(request.RepeatEvery, out var parsed))
            {
                errors.Add("repeatEvery", T($"Skriv intervallet som antal och enhet, till exempel \"14 days\" (1–{FollowUpOffsets.MaxAmount}).", $"Write the interval as an amount and a unit, such as \"14 days\" (1–{FollowUpOffsets.MaxAmount})."));
            }
            else
            {
                repeat = parsed;
            }
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var setting = await db.FollowUpPolicySettings.FirstOrDefaultAsync(s => s.PolicyId == policyId, ct);
        if (setting is null)
        {
            setting = new FollowUpPolicySetting { PolicyId = policyId };
            db.FollowUpPolicySettings.Add(setting);
        }

        setting.Enabled = request.Enabled!.Value;
        setting.Offsets = offsets is null ? setting.Offsets : FollowUpOffsets.Format(offsets);
        setting.RepeatEvery = repeat is { } r ? FollowUpOffsets.Format(r) : setting.RepeatEvery;
        setting.UpdatedById = http.User.GetUserId();
        setting.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FollowUpPolicyResponse.From(FollowUpPolicies.Apply(policy, known.ModuleId, setting)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Reset(string policyId, FollowUpPolicies policies, IntegrationDbContext db, CancellationToken ct)
    {
        if (policies.Known().All(k => k.Policy.Id != policyId))
        {
            return NotFound();
        }

        await db.FollowUpPolicySettings.Where(s => s.PolicyId == policyId).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static List<FollowUpOffset>? ParseOffsets(IReadOnlyList<string>? texts, FollowUpPolicy policy, FieldErrors errors)
    {
        if (texts is null)
        {
            return null;
        }

        if (policy.RepeatEvery is not null)
        {
            errors.Add("offsets", T("Policyn upprepas; ändra dess intervall (repeatEvery).", "The policy repeats; change its interval (repeatEvery)."));
            return null;
        }

        if (texts.Count is 0 or > MaxOffsets)
        {
            errors.Add("offsets", T($"Ange 1–{MaxOffsets} förskjutningar; stäng av policyn med enabled=false.", $"Give 1–{MaxOffsets} offsets; switch the policy off with enabled=false."));
            return null;
        }

        var offsets = new List<FollowUpOffset>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!FollowUpOffsets.TryParse(texts[i], out var offset))
            {
                errors.Add($"offsets[{i}]", T($"Skriv förskjutningen som antal och enhet, till exempel \"6 months\" (1–{FollowUpOffsets.MaxAmount} days, weeks eller months).", $"Write the offset as an amount and a unit, such as \"6 months\" (1–{FollowUpOffsets.MaxAmount} days, weeks or months)."));
            }
            else if (offsets.Contains(offset))
            {
                errors.Add($"offsets[{i}]", T("Förskjutningen finns redan i listan.", "The offset is already in the list."));
            }
            else
            {
                offsets.Add(offset);
            }
        }

        return offsets;
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("Uppföljningspolicyn finns inte.", "The follow-up policy does not exist.");

    private static string T(string sv, string en) => LocalizedText.Pick(sv, en);
}

/// <summary>A change to a follow-up policy for the tenant.</summary>
/// <param name="Enabled">Whether the policy creates follow-ups.</param>
/// <param name="Offsets">New offsets (<c>"4 weeks"</c>, <c>"6 months"</c>); left out keeps the current ones.</param>
/// <param name="RepeatEvery">New interval of a repeating policy (<c>"14 days"</c>); left out keeps the current one.</param>
public sealed record ChangeFollowUpPolicyRequest(bool? Enabled, IReadOnlyList<string>? Offsets, string? RepeatEvery);

/// <summary>A follow-up policy as the tenant runs it, with its defaults.</summary>
public sealed record FollowUpPolicyResponse(
    string Id,
    string Name,
    string Kind,
    string? ModuleId,
    string TriggerEvent,
    string? StopEvent,
    bool Enabled,
    IReadOnlyList<string> Offsets,
    string? RepeatEvery,
    bool Customised,
    FollowUpPolicyDefaults Defaults)
{
    internal static FollowUpPolicyResponse From(EffectivePolicy p) => new(
        p.Policy.Id,
        p.Policy.Name.Current,
        p.Policy.Kind,
        p.ModuleId,
        p.Policy.TriggerEvent,
        p.Policy.StopEvent,
        p.Enabled,
        p.Offsets.Select(FollowUpOffsets.Format).ToList(),
        p.RepeatEvery is { } r ? FollowUpOffsets.Format(r) : null,
        p.Customised,
        new FollowUpPolicyDefaults(p.Policy.EnabledByDefault, p.Policy.Offsets.Select(FollowUpOffsets.Format).ToList(), p.Policy.RepeatEvery is { } d ? FollowUpOffsets.Format(d) : null));
}

/// <summary>What a policy does when the tenant has not changed it.</summary>
public sealed record FollowUpPolicyDefaults(bool Enabled, IReadOnlyList<string> Offsets, string? RepeatEvery);
