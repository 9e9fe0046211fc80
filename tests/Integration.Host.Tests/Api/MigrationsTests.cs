using Integration.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Tests.Api;

/// <summary>The host's model and its migrations agree, so a model change without a migration fails here, not at start-up.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Host_model_has_no_changes_without_a_migration()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project host/Integration.Host --output-dir Data/Migrations");
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
