using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Integration.Abstractions.Data;

/// <summary>
/// One set of migrations per database provider in one assembly. SQLite's migrations are the default set; PostgreSQL's
/// live in a namespace ending in <c>.PostgreSql</c> (<c>dotnet ef migrations add X --output-dir Migrations/PostgreSql
/// -- --provider PostgreSql</c>). A context configured with <see cref="UseProviderMigrations"/> sees only its
/// provider's set and model snapshot, so the two sets never mix.
/// </summary>
public static class ProviderMigrations
{
    /// <summary>The provider name EF Core reports for PostgreSQL (Npgsql).</summary>
    public const string PostgreSqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The last namespace segment (and folder) of the PostgreSQL migrations.</summary>
    public const string PostgreSqlNamespace = "PostgreSql";

    /// <summary>Makes the context use only the migrations of the provider it is configured for.</summary>
    public static DbContextOptionsBuilder UseProviderMigrations(this DbContextOptionsBuilder builder)
        => builder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();

    /// <summary>
    /// Whether a design-time factory is asked for PostgreSQL's set: <c>dotnet ef ... -- --provider PostgreSql</c>
    /// passes the words after <c>--</c> to <c>CreateDbContext(args)</c>.
    /// </summary>
    public static bool IsPostgreSqlRequested(string[] designTimeArgs)
        => designTimeArgs.Contains(PostgreSqlNamespace, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a migration or snapshot type belongs to the set of the provider.</summary>
    public static bool BelongsTo(Type type, string? providerName)
    {
        var inPostgreSqlSet = type.Namespace?.EndsWith("." + PostgreSqlNamespace, StringComparison.Ordinal) == true;
        return inPostgreSqlSet == (providerName == PostgreSqlProviderName);
    }
}

/// <summary>EF Core's migrations assembly, narrowed to the migrations and snapshot of the active provider.</summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF Core's own implementation; replacing IMigrationsAssembly is the documented extension point.
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : Microsoft.EntityFrameworkCore.Migrations.Internal.MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string? providerName = currentContext.Context.Database.ProviderName;
    private readonly Type contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;
    private bool snapshotFound;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= base.Migrations
        .Where(m => ProviderMigrations.BelongsTo(m.Value, providerName))
        .ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!snapshotFound)
            {
                var type = Assembly.DefinedTypes.FirstOrDefault(t =>
                    !t.IsAbstract
                    && t.IsSubclassOf(typeof(ModelSnapshot))
                    && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType
                    && ProviderMigrations.BelongsTo(t, providerName));
                snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                snapshotFound = true;
            }

            return snapshot;
        }
    }
}
#pragma warning restore EF1001
