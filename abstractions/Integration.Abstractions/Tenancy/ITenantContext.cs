namespace Integration.Abstractions.Tenancy;

/// <summary>
/// The tenant (municipality, region or other organisation) whose data the current request or job works on.
/// </summary>
/// <remarks>
/// In a request the tenant comes only from the signed-in user, never from a header or the query string.
/// In a module job it is the tenant the job was enqueued for. System admins and host-wide jobs have none.
/// </remarks>
public interface ITenantContext
{
    /// <summary>The tenant id, or null when there is no tenant.</summary>
    Guid? TenantId { get; }

    /// <summary>The tenant id; throws <see cref="InvalidOperationException"/> when there is no tenant.</summary>
    Guid RequiredTenantId => TenantId ?? throw new InvalidOperationException("This operation needs a tenant, and the current request or job has none.");
}
