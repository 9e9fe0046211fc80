using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.FollowUps;

/// <summary>
/// <c>/api/notifications</c>: the signed-in user's notifications from the follow-up dispatcher, whether or not they
/// were e-mailed; and <c>POST /api/follow-ups/dispatch</c> for a system admin to run the dispatcher at once.
/// </summary>
internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Follow-ups").RequireAuthorization(Policies.TenantStaff);
        notifications.MapGet("/", List).WithName("ListNotifications").WithSummary("The signed-in user's notifications, newest first (unread=true for the unread ones).");
        notifications.MapPost("/{notificationId:guid}/read", MarkRead).WithName("MarkNotificationRead").WithSummary("Marks one of the user's notifications as read.");

        app.MapPost("/api/follow-ups/dispatch", Dispatch).WithTags("Follow-ups").RequireAuthorization(Policies.SystemAdmin)
            .WithName("DispatchFollowUps").WithSummary("Runs the follow-up dispatcher now, for every tenant, and returns what it did.");
    }

    private static async Task<Results<Ok<Page<NotificationResponse>>, ValidationProblem>> List(
        bool? unread, int? page, int? pageSize, HttpContext http, IntegrationDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var me = http.User.GetUserId();
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        query = unread == true ? query.Where(n => n.ReadAt == null) : query;
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<NotificationResponse>(items.Select(NotificationResponse.From).ToList(), p, size, total));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(Guid notificationId, HttpContext http, IntegrationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = http.User.GetUserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.Id == notificationId && n.RecipientId == me)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct);
        return changed == 0 ? Problems.NotFound("Aviseringen finns inte.", "The notification does not exist.") : TypedResults.NoContent();
    }

    private static async Task<Ok<DispatchReport>> Dispatch(FollowUpDispatcher dispatcher, CancellationToken ct) =>
        TypedResults.Ok(await dispatcher.RunAsync(ct));
}

/// <summary>A notification about a follow-up (no personal data: open the follow-up to see whom it concerns).</summary>
/// <param name="Delivery"><c>pending</c>, <c>sent</c> (e-mailed), <c>listedOnly</c> or <c>failed</c>.</param>
public sealed record NotificationResponse(Guid Id, Guid FollowUpId, NotificationKind Kind, string FollowUpKind, DateOnly DueOn, DateTime CreatedAt, NotificationDelivery Delivery, DateTime? SentAt, DateTime? ReadAt)
{
    internal static NotificationResponse From(Notification n) => new(n.Id, n.FollowUpId, n.Kind, n.FollowUpKind, n.DueOn, n.CreatedAt, n.Delivery, n.SentAt, n.ReadAt);
}
