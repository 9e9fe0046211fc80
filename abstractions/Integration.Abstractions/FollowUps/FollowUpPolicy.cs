using Integration.Abstractions.Kernel;

namespace Integration.Abstractions.FollowUps;

/// <summary>
/// Says which follow-ups an event creates: at fixed offsets after it (3, 6 and 12 months after exit), or repeatedly
/// while something lasts (every 14 days while a mentoring match is active, until <see cref="StopEvent"/>).
/// </summary>
/// <remarks>
/// The host's follow-up engine stores each follow-up as a row when the trigger event happens; a tenant admin can change
/// the offsets or switch the policy off for the tenant. Events are named <c>{moduleId}.{subject}.{what}</c>,
/// the host's own <c>enrolment.exited</c>.
/// </remarks>
public sealed record FollowUpPolicy
{
    /// <summary>Stable id, <c>{moduleId}:{name}</c> (<c>mentoring:check-in</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The policy's name for admins.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The kind of the follow-ups it creates, shown in the worklist (<c>mentoring-check-in</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The event that creates the follow-ups.</summary>
    public required string TriggerEvent { get; init; }

    /// <summary>One follow-up at each offset after the trigger event.</summary>
    public IReadOnlyList<FollowUpOffset> Offsets { get; init; } = [];

    /// <summary>When set, a follow-up every interval after the trigger event until <see cref="StopEvent"/>.</summary>
    public FollowUpOffset? RepeatEvery { get; init; }

    /// <summary>The event that cancels the policy's follow-ups that are not yet done, for the same subject.</summary>
    public string? StopEvent { get; init; }

    /// <summary>Whether a tenant has the policy on until its admin switches it off.</summary>
    public bool EnabledByDefault { get; init; } = true;
}

/// <summary>A time span in calendar units.</summary>
/// <param name="Amount">How many units; positive.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct FollowUpOffset(int Amount, FollowUpOffsetUnit Unit)
{
    /// <summary>Adds the offset to a date (months as calendar months).</summary>
    public DateOnly AddTo(DateOnly date) => Unit switch
    {
        FollowUpOffsetUnit.Days => date.AddDays(Amount),
        FollowUpOffsetUnit.Weeks => date.AddDays(7 * Amount),
        FollowUpOffsetUnit.Months => date.AddMonths(Amount),
        _ => throw new InvalidOperationException($"Unknown offset unit {Unit}."),
    };
}

/// <summary>Calendar units of a <see cref="FollowUpOffset"/>.</summary>
public enum FollowUpOffsetUnit
{
    /// <summary>Days.</summary>
    Days = 1,

    /// <summary>Weeks of seven days.</summary>
    Weeks = 2,

    /// <summary>Calendar months.</summary>
    Months = 3,
}
