using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Tests.Api;

/// <summary>The host's model and its migrations agree, so a model change without a migration fails here, not at start-up.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData("Sqlite", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("PostgreSql", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void Host_model_has_no_changes_without_a_migration_on_either_provider(string provider, string providerName)
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext(provider == "PostgreSql" ? ["--provider", provider] : []);

        Assert.Equal(providerName, context.Database.ProviderName);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "Add a migration for both providers: build/add-migration.sh host/Integration.Host <Name>");
    }

    [Theory]
    [InlineData("Sqlite", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("PostgreSql", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void Read_log_model_has_no_changes_without_a_migration_on_either_provider(string provider, string providerName)
    {
        using var context = new Integration.Host.Audit.AuditReadsDesignTimeFactory().CreateDbContext(provider == "PostgreSql" ? ["--provider", provider] : []);

        Assert.Equal(providerName, context.Database.ProviderName);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "Add a migration for both providers: build/add-migration.sh host/Integration.Host <Name> AuditReadsDbContext");
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgreSql = new DesignTimeDbContextFactory().CreateDbContext(["--provider", "PostgreSql"]);

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgreSql.Database.GetMigrations()));
        Assert.Contains(postgreSql.Database.GetMigrations(), m => m.EndsWith("_InitialPostgreSql", StringComparison.Ordinal));
        Assert.DoesNotContain(sqlite.Database.GetMigrations(), m => m.EndsWith("_InitialPostgreSql", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_tables_carry_the_core_prefix()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);

        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).ToList();

        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.StartsWith("core_", t, StringComparison.Ordinal));
    }
}
