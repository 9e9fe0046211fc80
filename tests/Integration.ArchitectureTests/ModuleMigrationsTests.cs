using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Integration.ArchitectureTests;

/// <summary>
/// Every in-repo module keeps one migrations set per provider (SQLite's and PostgreSQL's) and each agrees with the
/// module's model, so a model change without a migration for both fails here, not at a municipality's start-up.
/// </summary>
public sealed class ModuleMigrationsTests
{
    public static TheoryData<string, string> ModulesAndProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in Assemblies.Modules.Where(a => a.GetName().Name!.StartsWith("Integration.Modules.", StringComparison.Ordinal)))
        {
            data.Add(module.GetName().Name!, "Sqlite");
            data.Add(module.GetName().Name!, "PostgreSql");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModulesAndProviders))]
    public void Module_has_migrations_for_the_provider_that_match_its_model(string assemblyName, string provider)
    {
        using var context = CreateDesignTimeContext(assemblyName, provider);

        Assert.Equal(provider == "PostgreSql" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", context.Database.ProviderName);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"Add a migration for both providers: build/add-migration.sh modules/<Module> <Name> ({assemblyName}, {provider})");
    }

    private static DbContext CreateDesignTimeContext(string assemblyName, string provider)
    {
        var module = Assemblies.Modules.Single(a => a.GetName().Name == assemblyName);
        var factory = module.GetTypes().Single(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));
        var instance = Activator.CreateInstance(factory, nonPublic: true)!;
        string[] args = provider == "PostgreSql" ? ["--provider", "PostgreSql"] : [];
        return (DbContext)factory.GetMethod("CreateDbContext")!.Invoke(instance, [args])!;
    }
}
