using Integration.Abstractions.FollowUps;
using Integration.Abstractions.Kernel;
using Integration.Host.Data;
using Integration.Host.Modules;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// The follow-up policies a tenant works with: the host's exit policy and those of every loaded module, each with the
/// tenant's own offsets and on/off setting where its admin changed them.
/// </summary>
public sealed class FollowUpPolicies(ModuleCatalog catalog, IntegrationDbContext db)
{
    /// <summary>The host's policy: the ESF+ result points after an exit from any module.</summary>
    public static readonly FollowUpPolicy Exit = new()
    {
        Id = "core:exit",
        Name = new LocalizedText("Uppföljning efter avslut (4 veckor, 6 och 12 månader)", "Follow-up after exit (4 weeks, 6 and 12 months)"),
        Kind = "after-exit",
        TriggerEvent = ExitEvent,
        Offsets = [new(4, FollowUpOffsetUnit.Weeks), new(6, FollowUpOffsetUnit.Months), new(12, FollowUpOffsetUnit.Months)],
    };

    /// <summary>The event the host raises when an enrolment exits.</summary>
    public const string ExitEvent = "enrolment.exited";

    /// <summary>Every policy known to the host with the module that contributes it (null for the host's own).</summary>
    public IReadOnlyList<(FollowUpPolicy Policy, string? ModuleId)> Known() =>
        [(Exit, null), .. catalog.Available.SelectMany(m => m.Module.FollowUpPolicies.Select(p => (p, (string?)m.Id)))];

    /// <summary>The current tenant's policies with its settings applied.</summary>
    public async Task<IReadOnlyList<EffectivePolicy>> ForTenantAsync(CancellationToken cancellationToken)
    {
        var settings = await db.FollowUpPolicySettings.AsNoTracking().ToDictionaryAsync(s => s.PolicyId, StringComparer.Ordinal, cancellationToken);
        return Known().Select(k => Apply(k.Policy, k.ModuleId, settings.GetValueOrDefault(k.Policy.Id))).ToList();
    }

    internal static EffectivePolicy Apply(FollowUpPolicy policy, string? moduleId, FollowUpPolicySetting? setting) => new(
        policy,
        moduleId,
        setting?.Enabled ?? policy.EnabledByDefault,
        setting?.Offsets is { } offsets ? FollowUpOffsets.ParseStored(offsets) : policy.Offsets,
        setting?.RepeatEvery is { } repeat ? FollowUpOffsets.ParseStored(repeat)[0] : policy.RepeatEvery,
        setting is not null);
}

/// <summary>A policy as one tenant runs it.</summary>
/// <param name="Policy">The policy as its module defines it.</param>
/// <param name="ModuleId">The contributing module; null for the host's.</param>
/// <param name="Enabled">Whether it creates follow-ups for the tenant.</param>
/// <param name="Offsets">The tenant's offsets.</param>
/// <param name="RepeatEvery">The tenant's interval of a repeating policy.</param>
/// <param name="Customised">Whether the tenant's admin changed it.</param>
public sealed record EffectivePolicy(FollowUpPolicy Policy, string? ModuleId, bool Enabled, IReadOnlyList<FollowUpOffset> Offsets, FollowUpOffset? RepeatEvery, bool Customised);
