using Integration.Abstractions.Data;

namespace Integration.Host.FollowUps;

/// <summary>
/// The notification outbox: written in the same transaction as the state change it reports, sent afterwards by e-mail
/// when SMTP is configured. A notification never carries personal data: it names the follow-up, not the participant.
/// </summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid FollowUpId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The staff user to notify; null for an unassigned follow-up (listed in every worklist, not e-mailed).</summary>
    public Guid? RecipientId { get; set; }

    public DateOnly DueOn { get; set; }

    public required string FollowUpKind { get; set; }

    public DateTime CreatedAt { get; set; }

    public NotificationDelivery Delivery { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>What a notification says.</summary>
public enum NotificationKind
{
    /// <summary>A follow-up has come due.</summary>
    Due = 1,

    /// <summary>A follow-up is still open past the grace period.</summary>
    Overdue = 2,
}

/// <summary>How far a notification has got.</summary>
public enum NotificationDelivery
{
    /// <summary>Waiting for the sender.</summary>
    Pending = 1,

    /// <summary>Sent by e-mail.</summary>
    Sent = 2,

    /// <summary>Listed in the worklist and the notification list only: no SMTP server is configured, or no recipient.</summary>
    ListedOnly = 3,

    /// <summary>Sending failed too often; listed only.</summary>
    Failed = 4,
}
