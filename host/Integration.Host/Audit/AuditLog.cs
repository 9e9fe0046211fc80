using Integration.Abstractions.Tenancy;
using Integration.Host.Data;
using Integration.Host.Identity;
using Integration.Host.Web;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Audit;

/// <summary>
/// Writes audit entries. A change is audited in the same save as the change itself (<see cref="Add"/>), so there is
/// never a change without its entry; a read is audited when the data is handed out (<see cref="ReadAsync"/>).
/// </summary>
public sealed class AuditLog(IntegrationDbContext db, IHttpContextAccessor http, TimeProvider clock, ITenantContext tenant, AuditReadWriter reads)
{
    private (AuditActorKind Kind, string Name, string? RequestId, Guid? UserId)? actorOverride;

    /// <summary>
    /// A module acts within the current request: entries name the module, and keep the signed-in user it acts for and the
    /// request id, until the returned value is disposed.
    /// </summary>
    public IDisposable ActAsModule(string moduleId)
    {
        var previous = actorOverride;
        var user = http.HttpContext?.User;
        actorOverride = previous is { } job
            ? (AuditActorKind.Module, $"{moduleId} ({job.Name})", job.RequestId, job.UserId)
            : (AuditActorKind.Module, moduleId, http.HttpContext?.TraceIdentifier, user?.GetUserId());
        return new Restore(() => actorOverride = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Acts as a background job instead of the signed-in user, for the rest of this scope.</summary>
    /// <param name="kind">Who acts.</param>
    /// <param name="name">The job or module, for people reading the log.</param>
    /// <param name="requestId">The job's id, to find its other entries.</param>
    /// <param name="onBehalfOf">The staff user the job works for (an import's uploader), if any.</param>
    public void ActAs(AuditActorKind kind, string name, string? requestId, Guid? onBehalfOf = null) => actorOverride = (kind, name, requestId, onBehalfOf);

    /// <summary>A new entry with the current actor, not yet added to the context (for bulk writes).</summary>
    public AuditEntry Create(AuditAction action, string recordType, Guid recordId, Guid? participantId)
    {
        var user = http.HttpContext?.User;
        var (kind, name, requestId, userId) = actorOverride
            ?? (AuditActorKind.User, user?.FindFirst(IntegrationClaims.DisplayName)?.Value ?? "unknown", http.HttpContext?.TraceIdentifier, user?.GetUserId());
        return new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorKind = kind,
            ActorUserId = userId,
            ActorName = name.Length > 200 ? name[..200] : name,
            ParticipantId = participantId,
            RecordType = recordType,
            RecordId = recordId,
            Action = action,
            RequestId = requestId,
        };
    }

    /// <summary>Adds an entry to the pending changes of the context; it is saved with them.</summary>
    public void Add(AuditAction action, string recordType, Guid recordId, Guid? participantId, IEnumerable<string>? fields = null)
    {
        var entry = Create(action, recordType, recordId, participantId);
        var fieldList = fields is null ? null : string.Join(',', fields);
        entry.Fields = fieldList is { Length: > 1000 } ? fieldList[..1000] : fieldList;
        db.Add(entry);
    }

    /// <summary>Records that participants' personal data was read, and saves.</summary>
    public Task ReadAsync(string recordType, IEnumerable<(Guid RecordId, Guid ParticipantId)> records, CancellationToken cancellationToken) =>
        RecordReadAsync(recordType, records, stepAside: false, cancellationToken);

    /// <summary>
    /// Records that participants' personal data was read, as the request's last work on the database before it
    /// answers. While its entries wait for their commit, the request gives its connection back to the pool and its
    /// place among the requests in progress to the next one in line (<see cref="RequestPlace"/>): the next request's
    /// entries can then join the same commit, and fewer commits mean fewer page caches dropped by the other connections.
    /// A request that still reads or writes afterwards uses <see cref="ReadAsync"/>.
    /// </summary>
    public Task ReadBeforeAnswerAsync(string recordType, IEnumerable<(Guid RecordId, Guid ParticipantId)> records, CancellationToken cancellationToken) =>
        RecordReadAsync(recordType, records, stepAside: true, cancellationToken);

    private async Task RecordReadAsync(string recordType, IEnumerable<(Guid RecordId, Guid ParticipantId)> records, bool stepAside, CancellationToken cancellationToken)
    {
        var entries = records.Select(r => Create(AuditAction.Read, recordType, r.RecordId, r.ParticipantId)).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        // Reads go to the process's audit writer, which commits the entries of many requests at once (see
        // AuditReadWriter). Where the context has other changes to save, or a transaction of its own, the entries go
        // with them instead, so that they commit or roll back together.
        if (tenant.TenantId is not { } tenantId || db.Database.CurrentTransaction is not null || db.ChangeTracker.HasChanges())
        {
            db.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        foreach (var entry in entries)
        {
            entry.TenantId = tenantId;
        }

        if (stepAside)
        {
            http.HttpContext?.Features.Get<RequestPlace>()?.GiveUp();

            // The staff session check opened the request's connection for all its queries; none is left to run.
            await db.Database.CloseConnectionAsync();
        }

        await reads.WriteAsync(entries, cancellationToken);
    }
}
