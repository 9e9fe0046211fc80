using Integration.Host.Data;
using Integration.Host.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Data;

/// <summary>A host with one tenant, and a scope whose context reads and writes that tenant: for tests below the API.</summary>
internal sealed class TenantDatabase : IAsyncDisposable
{
    private AsyncServiceScope scope;

    private TenantDatabase()
    {
    }

    public TestHost Host { get; } = new();

    public TenantSetup Tenant { get; private set; } = null!;

    public IntegrationDbContext Db { get; private set; } = null!;

    public static async Task<TenantDatabase> StartAsync()
    {
        var database = new TenantDatabase();
        database.Tenant = await database.Host.CreateTenantAsync("Hedemora kommun", "2083");
        database.scope = database.Host.Services.CreateAsyncScope();
        database.scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(database.Tenant.Id);
        database.Db = database.scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await Host.DisposeAsync();
    }
}
