using Integration.Abstractions.FollowUps;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// Turns events into follow-up rows by the tenant's policies (<see cref="IFollowUpEvents"/> for modules); the host's
/// enrolment exit uses <see cref="PlanAsync"/> to add them to the exit's own save.
/// </summary>
public sealed class FollowUpPlanner(IntegrationDbContext db, FollowUpPolicies policies, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
    : IFollowUpEvents
{
    internal const string RecordType = "follow-up";

    public async Task<FollowUpEventResult> RaiseAsync(FollowUpEvent followUpEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUpEvent);
        if (string.IsNullOrWhiteSpace(followUpEvent.Name))
        {
            throw new ArgumentException("name: give the event's name.", nameof(followUpEvent));
        }

        if (!await db.Participants.AnyAsync(p => p.Id == followUpEvent.ParticipantId && p.MergedIntoId == null, cancellationToken))
        {
            throw new ArgumentException("participantId: the participant is not in the tenant.", nameof(followUpEvent));
        }

        var result = await PlanAsync(followUpEvent, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event raised at the same moment won a follow-up's unique key: plan again against what it saved.
            db.ChangeTracker.Clear();
            result = await PlanAsync(followUpEvent, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Adds the event's follow-ups and cancellations to the context without saving.</summary>
    internal async Task<FollowUpEventResult> PlanAsync(FollowUpEvent e, CancellationToken cancellationToken)
    {
        var subject = e.SubjectId ?? e.EnrolmentId?.ToString() ?? e.ParticipantId.ToString();
        var tenantPolicies = await policies.ForTenantAsync(cancellationToken);

        var cancelled = 0;
        foreach (var stopped in tenantPolicies.Where(p => p.Policy.StopEvent == e.Name))
        {
            var open = await db.FollowUps
                .Where(f => f.PolicyId == stopped.Policy.Id && f.SubjectId == subject && (f.State == FollowUpState.Scheduled || f.State == FollowUpState.Due))
                .ToListAsync(cancellationToken);
            foreach (var followUp in open)
            {
                Close(followUp, FollowUpState.Cancelled);
                followUp.CancelReason = $"{e.Name} ({e.OccurredOn:yyyy-MM-dd})";
                audit.Add(AuditAction.Update, RecordType, followUp.Id, followUp.ParticipantId, ["state"]);
            }

            cancelled += open.Count;
        }

        var triggered = tenantPolicies.Where(p => p.Enabled && p.Policy.TriggerEvent == e.Name).ToList();
        if (triggered.Count == 0)
        {
            return new FollowUpEventResult(0, cancelled, null);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (await FollowUpConsent.WithdrawnParticipants(db, today).AnyAsync(id => id == e.ParticipantId, cancellationToken))
        {
            return new FollowUpEventResult(0, cancelled, "consentWithdrawn");
        }

        var planned = triggered.SelectMany(p => Plan(p, e, subject)).ToList();
        var keys = planned.Select(f => f.Key).ToList();
        var existing = (await db.FollowUps.Where(f => keys.Contains(f.Key)).Select(f => f.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var created = 0;
        foreach (var followUp in planned.Where(f => !existing.Contains(f.Key)))
        {
            db.FollowUps.Add(followUp);
            audit.Add(AuditAction.Create, RecordType, followUp.Id, followUp.ParticipantId);
            created++;
        }

        return new FollowUpEventResult(created, cancelled, null);
    }

    private IEnumerable<FollowUp> Plan(EffectivePolicy policy, FollowUpEvent e, string subject)
    {
        if (policy.RepeatEvery is { } interval)
        {
            // A repeating series starts with its first follow-up; the dispatcher adds each next one as the previous comes due.
            yield return New(policy, e, subject, 1, interval.AddTo(e.OccurredOn));
            yield break;
        }

        for (var i = 0; i < policy.Offsets.Count; i++)
        {
            yield return New(policy, e, subject, i + 1, policy.Offsets[i].AddTo(e.OccurredOn));
        }
    }

    private FollowUp New(EffectivePolicy policy, FollowUpEvent e, string subject, int sequence, DateOnly dueOn) => new()
    {
        Id = Guid.NewGuid(),
        Kind = policy.Policy.Kind,
        Key = PolicyKey(policy.Policy.Id, subject, sequence),
        ParticipantId = e.ParticipantId,
        EnrolmentId = e.EnrolmentId,
        ModuleId = e.ModuleId ?? policy.ModuleId,
        PolicyId = policy.Policy.Id,
        SubjectId = subject,
        Sequence = sequence,
        DueOn = dueOn,
        AssigneeId = http.HttpContext?.User.GetUserId(),
        State = FollowUpState.Scheduled,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>
    /// A repeating series goes on when one of its follow-ups is completed before it came due (the dispatcher adds the
    /// next one only as a follow-up comes due): adds the next one, never in the past, unless it exists.
    /// </summary>
    internal async Task ContinueSeriesAsync(FollowUp completed, CancellationToken ct)
    {
        if (completed.PolicyId is null || completed.SubjectId is null)
        {
            return;
        }

        var policy = (await policies.ForTenantAsync(ct)).FirstOrDefault(p => p.Policy.Id == completed.PolicyId);
        if (policy is not { Enabled: true, RepeatEvery: { } interval })
        {
            return;
        }

        var key = PolicyKey(completed.PolicyId, completed.SubjectId, completed.Sequence + 1);
        if (await db.FollowUps.AnyAsync(f => f.Key == key, ct))
        {
            return;
        }

        var next = NextInSeries(completed, interval, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), clock.GetUtcNow().UtcDateTime);
        db.FollowUps.Add(next);
        audit.Add(AuditAction.Create, RecordType, next.Id, next.ParticipantId);
    }

    /// <summary>The follow-up after <paramref name="previous"/> in its repeating series, never due today or earlier.</summary>
    internal static FollowUp NextInSeries(FollowUp previous, FollowUpOffset interval, DateOnly today, DateTime now)
    {
        var dueOn = interval.AddTo(previous.DueOn);
        while (dueOn <= today)
        {
            dueOn = interval.AddTo(dueOn);
        }

        return new FollowUp
        {
            Id = Guid.NewGuid(),
            Kind = previous.Kind,
            Key = PolicyKey(previous.PolicyId!, previous.SubjectId!, previous.Sequence + 1),
            ParticipantId = previous.ParticipantId,
            EnrolmentId = previous.EnrolmentId,
            ModuleId = previous.ModuleId,
            PolicyId = previous.PolicyId,
            SubjectId = previous.SubjectId,
            Sequence = previous.Sequence + 1,
            DueOn = dueOn,
            AssigneeId = previous.AssigneeId,
            State = FollowUpState.Scheduled,
            CreatedAt = now,
        };
    }

    internal static string PolicyKey(string policyId, string subject, int sequence) => $"{policyId}|{subject}|{sequence}";

    internal void Close(FollowUp followUp, FollowUpState state)
    {
        followUp.State = state;
        followUp.ClosedAt = clock.GetUtcNow().UtcDateTime;
        followUp.ClosedById = http.HttpContext?.User.GetUserId();
        followUp.Version++;
    }
}
