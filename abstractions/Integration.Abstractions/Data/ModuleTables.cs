namespace Integration.Abstractions.Data;

/// <summary>Naming rules for a module's tables.</summary>
public static class ModuleTables
{
    /// <summary>
    /// The prefix of every table of the module: the id with hyphens as underscores, then an underscore
    /// (<c>business-school</c> → <c>business_school_</c>), so names need no quoting in SQL.
    /// </summary>
    public static string Prefix(string moduleId) => moduleId.Replace('-', '_') + "_";

    /// <summary>The module's EF Core migrations-history table.</summary>
    public static string MigrationsHistory(string moduleId) => Prefix(moduleId) + "_migrations";
}
