using Integration.Host.Data;
using Integration.Host.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The host's context is pooled: a context that served one tenant's scope is handed to the next scope, and must then
/// read that scope's tenant only.
/// </summary>
public sealed class DbContextPoolingTests
{
    [Fact]
    public async Task A_context_taken_again_from_the_pool_reads_only_the_tenant_of_the_scope_that_took_it()
    {
        await using var host = new TestHost();
        var first = await host.CreateTenantAsync("Ånge kommun", "2260");
        var second = await host.CreateTenantAsync("Bräcke kommun", "2305");
        var firstProgramme = await first.Admin.CreateProgrammeAsync();
        var secondProgramme = await second.Admin.CreateProgrammeAsync();

        var contexts = new List<IntegrationDbContext>();
        for (var round = 0; round < 10; round++)
        {
            var (tenant, programme) = round % 2 == 0 ? (first.Id, firstProgramme) : (second.Id, secondProgramme);
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(tenant);
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            contexts.Add(db);

            Assert.Equal([programme], await db.Programmes.Select(p => p.Id).ToListAsync());
        }

        // Ten scopes one after another: without a pool each would have had a context of its own.
        Assert.True(contexts.Distinct(ReferenceEqualityComparer.Instance).Count() < contexts.Count, "no context was taken from the pool twice");
    }
}
