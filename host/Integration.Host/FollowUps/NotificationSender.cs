using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using Integration.Host.Configuration;
using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// Empties the notification outbox: one e-mail per recipient and run, listing how many follow-ups are due and overdue
/// (never who they concern: e-mail is not a place for personal data). Without an SMTP server, or for unassigned
/// follow-ups, notifications are listed only (worklist and <c>/api/notifications</c>).
/// </summary>
public sealed class NotificationSender(IntegrationDbContext db, IntegrationSettings settings, TimeProvider clock, ILogger<NotificationSender> logger)
{
    private const int MaxAttempts = 5;
    private const int BatchSize = 2000;

    /// <summary>Sends what is pending in every tenant; returns the number of e-mails sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var pending = db.Notifications.IgnoreQueryFilters().Where(n => n.Delivery == NotificationDelivery.Pending);
        if (settings.Smtp is not { } smtp)
        {
            await pending.ExecuteUpdateAsync(u => u.SetProperty(n => n.Delivery, NotificationDelivery.ListedOnly), cancellationToken);
            return 0;
        }

        await pending.Where(n => n.RecipientId == null || !db.Users.Any(u => u.Id == n.RecipientId && u.IsActive && u.Email != null))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Delivery, NotificationDelivery.ListedOnly), cancellationToken);

        // Identity accepts some addresses System.Net.Mail does not: those are listed only, not retried for ever.
        var recipients = await pending.Where(n => n.RecipientId != null).Select(n => n.RecipientId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var unmailable = recipients.Where(r => !MailAddress.TryCreate(r.Email, out _)).Select(r => (Guid?)r.Id).ToList();
        if (unmailable.Count > 0)
        {
            await pending.Where(n => unmailable.Contains(n.RecipientId))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Delivery, NotificationDelivery.Failed).SetProperty(n => n.LastError, "The recipient's e-mail address cannot be used for SMTP."), cancellationToken);
        }

        var sent = 0;
        var batch = await pending
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => new { Notification = n, u.Email, u.DisplayName })
            .OrderBy(x => x.Notification.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        using var client = CreateClient(smtp);
        foreach (var recipient in batch.GroupBy(x => x.Email!))
        {
            var notifications = recipient.Select(x => x.Notification).ToList();
            var ids = notifications.Select(n => n.Id).ToList();
            try
            {
                using var message = Compose(smtp, recipient.Key, recipient.First().DisplayName, notifications);
                await client.SendMailAsync(message, cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                await db.Notifications.IgnoreQueryFilters().Where(n => ids.Contains(n.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.Delivery, NotificationDelivery.Sent).SetProperty(n => n.SentAt, now).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Notification e-mail to user {UserId} failed: {Error}", notifications[0].RecipientId, ex.Message);
                var error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                await db.Notifications.IgnoreQueryFilters().Where(n => ids.Contains(n.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.Attempts, n => n.Attempts + 1).SetProperty(n => n.LastError, error)
                        .SetProperty(n => n.Delivery, n => n.Attempts + 1 >= MaxAttempts ? NotificationDelivery.Failed : NotificationDelivery.Pending), cancellationToken);
            }
        }

        return sent;
    }

    private static SmtpClient CreateClient(SmtpSettings smtp)
    {
        var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (smtp.UserName is not null)
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }

    private static MailMessage Compose(SmtpSettings smtp, string email, string name, List<Notification> notifications)
    {
        var due = notifications.Count(n => n.Kind == NotificationKind.Due);
        var overdue = notifications.Count(n => n.Kind == NotificationKind.Overdue);
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Hej {name},").AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Du har {due} uppföljning(ar) att göra och {overdue} som är försenad(e).");
        body.AppendLine(CultureInfo.InvariantCulture, $"You have {due} follow-up(s) due and {overdue} overdue.").AppendLine();
        foreach (var group in notifications.GroupBy(n => (n.Kind, n.FollowUpKind)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.FollowUpKind, StringComparer.Ordinal))
        {
            var first = group.Min(n => n.DueOn);
            body.AppendLine(CultureInfo.InvariantCulture, $"- {group.Key.FollowUpKind} ({(group.Key.Kind == NotificationKind.Due ? "due / att göra" : "overdue / försenad")}): {group.Count()}, {first:yyyy-MM-dd}–{group.Max(n => n.DueOn):yyyy-MM-dd}");
        }

        body.AppendLine().AppendLine(smtp.WorklistUrl is null ? "Se arbetslistan / See the worklist: GET /api/follow-ups/worklist" : $"Arbetslista / Worklist: {smtp.WorklistUrl}");
        return new MailMessage(new MailAddress(smtp.From), new MailAddress(email))
        {
            Subject = $"Uppföljningar / Follow-ups: {due + overdue}",
            Body = body.ToString(),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            SubjectEncoding = Encoding.UTF8,
        };
    }
}
