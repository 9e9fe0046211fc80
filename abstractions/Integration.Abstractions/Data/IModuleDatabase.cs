using Microsoft.EntityFrameworkCore;

namespace Integration.Abstractions.Data;

/// <summary>
/// The host's database, as seen by a module: it configures a module's context for the provider in use
/// (SQLite by default) with the module's own migrations-history table.
/// </summary>
public interface IModuleDatabase
{
    /// <summary>Creates the options for a module's context.</summary>
    /// <typeparam name="TContext">The module's context type; its assembly holds the migrations.</typeparam>
    /// <param name="moduleId">The module id; names the migrations-history table.</param>
    DbContextOptions<TContext> CreateOptions<TContext>(string moduleId) where TContext : ModuleDbContext;
}
