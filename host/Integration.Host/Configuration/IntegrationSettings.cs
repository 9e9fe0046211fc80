namespace Integration.Host.Configuration;

/// <summary>What to do when a plugin cannot be loaded.</summary>
public enum OnLoadError
{
    /// <summary>Stop start-up with one log line naming the plugin and the reason.</summary>
    Fail,

    /// <summary>Start without the plugin; report it as failed in <c>GET /api/modules</c> and degraded in <c>/health</c>.</summary>
    Skip,
}

/// <summary>The database provider.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file under the data folder: the embedded default.</summary>
    Sqlite,
}

/// <summary>The validated <c>Integration</c> configuration section.</summary>
public sealed record IntegrationSettings
{
    /// <summary>Absolute path of the plugins folder.</summary>
    public required string PluginsPath { get; init; }

    /// <summary>Absolute path of the data folder (SQLite file, data-protection keys).</summary>
    public required string DataPath { get; init; }

    /// <summary>Plugin folder names to load; empty means every plugin found.</summary>
    public required IReadOnlyList<string> ModulesToLoad { get; init; }

    /// <summary>What to do when a plugin fails to load.</summary>
    public required OnLoadError OnLoadError { get; init; }

    /// <summary>The database provider.</summary>
    public required DatabaseProvider DatabaseProvider { get; init; }

    /// <summary>The connection string of the host's database (modules share it).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Hangfire workers in this process.</summary>
    public required int JobWorkerCount { get; init; }

    /// <summary>E-mail of a system admin to create on first start, with <see cref="BootstrapAdminPassword"/>.</summary>
    public string? BootstrapAdminEmail { get; init; }

    /// <summary>Password of the bootstrap admin; never defaulted.</summary>
    public string? BootstrapAdminPassword { get; init; }
}
