using Integration.Abstractions.Validation;
using Integration.Host.Api;
using Integration.Host.Data;
using Integration.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Audit;

/// <summary><c>GET /api/audit</c>: the tenant's audit log, for tenant admins. There is no route that changes it.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", List)
            .RequireAuthorization(Policies.TenantRecordsAdmin)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("Who read or changed which participant's data, when and how; newest first, for one participant or the whole tenant.");
    }

    private static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> List(
        Guid? participantId, string? action, int? page, int? pageSize, IntegrationDbContext db, AuditReadsDbContext readLog, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        var wanted = QueryValues.ParseEnum<AuditAction>(action, "action", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var (entries, total) = await AuditTrail.PageAsync(
            Filter(db.AuditEntries.AsNoTracking(), participantId, wanted),
            Filter(readLog.Entries.AsNoTracking(), participantId, wanted),
            p,
            size,
            ct);
        return TypedResults.Ok(new Page<AuditEntryResponse>(entries.Select(AuditEntryResponse.From).ToList(), p, size, total));
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> log, Guid? participantId, AuditAction? action)
    {
        if (participantId is { } participant)
        {
            log = log.Where(e => e.ParticipantId == participant);
        }

        if (action is { } a)
        {
            log = log.Where(e => e.Action == a);
        }

        return log;
    }
}

/// <summary>An audit entry.</summary>
/// <param name="Fields">The fields that changed (names only, never values).</param>
/// <param name="RequestId">The request or background job it happened in.</param>
public sealed record AuditEntryResponse(
    long Id,
    DateTime At,
    AuditActorKind ActorKind,
    Guid? ActorUserId,
    string ActorName,
    Guid? ParticipantId,
    string RecordType,
    Guid RecordId,
    AuditAction Action,
    IReadOnlyList<string> Fields,
    string? RequestId)
{
    internal static AuditEntryResponse From(AuditEntry e) => new(
        e.Id, e.At, e.ActorKind, e.ActorUserId, e.ActorName, e.ParticipantId, e.RecordType, e.RecordId, e.Action,
        e.Fields?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], e.RequestId);
}
