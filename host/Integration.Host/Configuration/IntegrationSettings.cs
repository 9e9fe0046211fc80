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

    /// <summary>A shared PostgreSQL database, for several host instances (records and Hangfire's job storage).</summary>
    PostgreSql,
}

/// <summary>The validated <c>Integration</c> configuration section.</summary>
public sealed record IntegrationSettings
{
    /// <summary>Absolute path of the plugins folder.</summary>
    public required string PluginsPath { get; init; }

    /// <summary>Absolute path of the data folder (the SQLite file, import files).</summary>
    public required string DataPath { get; init; }

    /// <summary>Plugin folder names to load; empty means every plugin found.</summary>
    public required IReadOnlyList<string> ModulesToLoad { get; init; }

    /// <summary>What to do when a plugin fails to load.</summary>
    public required OnLoadError OnLoadError { get; init; }

    /// <summary>The database provider.</summary>
    public required DatabaseProvider DatabaseProvider { get; init; }

    /// <summary>The connection string of the host's database (modules share it).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>On SQLite, the cap on SQLite's memory in the process (page caches of all connections); 0: no cap.</summary>
    public int SqliteMemoryLimitMegabytes { get; init; } = DefaultSqliteMemoryLimitMegabytes;

    /// <summary>The default of <see cref="SqliteMemoryLimitMegabytes"/>.</summary>
    public const int DefaultSqliteMemoryLimitMegabytes = 32;

    /// <summary>Hangfire workers in this process.</summary>
    public required int JobWorkerCount { get; init; }

    /// <summary>The follow-up dispatcher's schedule and periods.</summary>
    public FollowUpSettings FollowUps { get; init; } = new();

    /// <summary>How many requests the host works on at once, and how many may wait.</summary>
    public HttpSettings Http { get; init; } = new();

    /// <summary>The SMTP server for notification e-mail; null: notifications are listed in the worklist only.</summary>
    public SmtpSettings? Smtp { get; init; }

    /// <summary>E-mail of a system admin to create on first start, with <see cref="BootstrapAdminPassword"/>.</summary>
    public string? BootstrapAdminEmail { get; init; }

    /// <summary>Password of the bootstrap admin; never defaulted.</summary>
    public string? BootstrapAdminPassword { get; init; }

    /// <summary>Fill an empty installation with the demo at start-up (<c>Integration:Demo:Enabled</c>).</summary>
    public bool DemoEnabled { get; init; }

    /// <summary>The seed of every random choice of the demo (<c>Integration:Demo:Seed</c>).</summary>
    public int DemoSeed { get; init; } = 2026;
}

/// <summary>The <c>Integration:Http</c> section.</summary>
public sealed record HttpSettings
{
    /// <summary>Requests worked on at once; the default is four per core.</summary>
    public int MaxConcurrentRequests { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>Requests that may wait for a turn; one more is answered 503 with <c>Retry-After</c>.</summary>
    public int RequestQueueLimit { get; init; } = 1000;
}

/// <summary>The <c>Integration:FollowUps</c> section.</summary>
public sealed record FollowUpSettings
{
    /// <summary>Cron expression of the dispatcher (every minute by default); <c>off</c> registers no recurring dispatcher.</summary>
    public string? DispatchCron { get; init; } = "* * * * *";

    /// <summary>Days after the due date when an open follow-up is overdue and its assignee is reminded.</summary>
    public int OverdueAfterDays { get; init; } = 7;

    /// <summary>Days after the due date when a follow-up nobody completed counts as missed.</summary>
    public int MissedAfterDays { get; init; } = 90;

    /// <summary>Follow-ups the dispatcher claims per transaction.</summary>
    public int BatchSize { get; init; } = 1000;
}

/// <summary>The <c>Integration:Smtp</c> section.</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 25;

    public bool EnableSsl { get; init; }

    public required string From { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The worklist's address in the web client, put in every e-mail.</summary>
    public string? WorklistUrl { get; init; }
}
