namespace Integration.Host.Configuration;

/// <summary>
/// Reads and validates the <c>Integration</c> section at start-up, so that a wrong setting stops the host with a
/// message naming the setting instead of failing later in a request.
/// </summary>
public static class IntegrationSettingsReader
{
    /// <summary>Reads the settings; relative paths are resolved against the host's folder.</summary>
    /// <exception cref="ConfigurationException">A setting is wrong.</exception>
    public static IntegrationSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Integration");
        var baseDirectory = AppContext.BaseDirectory;

        var pluginsPath = ResolvePath(baseDirectory, section["PluginsPath"], "plugins");
        var dataPath = ResolvePath(baseDirectory, section["DataPath"], "data");

        var provider = ParseEnum<DatabaseProvider>(section, "Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = section["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataPath, "integration.db")}"
                : throw new ConfigurationException("Integration:Database:ConnectionString", "PostgreSQL needs a connection string, for example 'Host=db;Database=integration;Username=integration;Password=...'.");
        }

        Data.DatabaseConfigurator.CheckConnectionString(provider, connectionString);

        var workers = ParseInt(section, "Jobs:WorkerCount", 4, 1, 100);

        var load = section.GetSection("Modules:Load").Get<string[]>() ?? [];
        if (load.Length == 0 && !string.IsNullOrWhiteSpace(section["Modules:Load"]))
        {
            // Also accept a comma-separated string, the natural form in an environment variable.
            load = section["Modules:Load"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        foreach (var name in load)
        {
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new ConfigurationException("Integration:Modules:Load", $"'{name}' is not a plugin folder name.");
            }
        }

        var adminEmail = section["Bootstrap:AdminEmail"];
        var adminPassword = section["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(adminEmail) != string.IsNullOrWhiteSpace(adminPassword))
        {
            throw new ConfigurationException(
                string.IsNullOrWhiteSpace(adminEmail) ? "Integration:Bootstrap:AdminEmail" : "Integration:Bootstrap:AdminPassword",
                "give both the e-mail and the password of the first system admin, or neither.");
        }

        return new IntegrationSettings
        {
            PluginsPath = pluginsPath,
            DataPath = dataPath,
            ModulesToLoad = load.Distinct(StringComparer.Ordinal).ToList(),
            OnLoadError = ParseEnum<OnLoadError>(section, "Modules:OnLoadError", OnLoadError.Fail),
            DatabaseProvider = provider,
            ConnectionString = connectionString,
            SqliteMemoryLimitMegabytes = ParseInt(section, "Database:SqliteMemoryLimitMegabytes", IntegrationSettings.DefaultSqliteMemoryLimitMegabytes, 0, 1_048_576),
            JobWorkerCount = workers,
            FollowUps = ReadFollowUps(section),
            Http = ReadHttp(section),
            Smtp = ReadSmtp(section),
            BootstrapAdminEmail = string.IsNullOrWhiteSpace(adminEmail) ? null : adminEmail.Trim(),
            BootstrapAdminPassword = string.IsNullOrWhiteSpace(adminPassword) ? null : adminPassword,
            DemoEnabled = ParseBool(section, "Demo:Enabled", false),
            DemoSeed = ParseInt(section, "Demo:Seed", 2026, 0, int.MaxValue),
        };
    }

    private static HttpSettings ReadHttp(IConfigurationSection section)
    {
        var defaults = new HttpSettings();
        return new HttpSettings
        {
            MaxConcurrentRequests = ParseInt(section, "Http:MaxConcurrentRequests", defaults.MaxConcurrentRequests, 1, 10_000),
            RequestQueueLimit = ParseInt(section, "Http:RequestQueueLimit", defaults.RequestQueueLimit, 0, 1_000_000),
        };
    }

    private static FollowUpSettings ReadFollowUps(IConfigurationSection section)
    {
        var cron = section["FollowUps:DispatchCron"]?.Trim();
        if (string.IsNullOrEmpty(cron))
        {
            cron = "* * * * *";
        }
        else if (string.Equals(cron, "off", StringComparison.OrdinalIgnoreCase))
        {
            cron = null;
        }
        else if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            // The full check is Hangfire's, when the recurring job is registered at start-up.
            throw new ConfigurationException("Integration:FollowUps:DispatchCron", $"'{cron}' is not a cron expression of five or six fields (or 'off').");
        }

        var overdue = ParseInt(section, "FollowUps:OverdueAfterDays", 7, 0, 365);
        var missed = ParseInt(section, "FollowUps:MissedAfterDays", 90, 1, 3650);
        if (missed <= overdue)
        {
            throw new ConfigurationException("Integration:FollowUps:MissedAfterDays", $"must be more than OverdueAfterDays ({overdue}).");
        }

        return new FollowUpSettings
        {
            DispatchCron = cron,
            OverdueAfterDays = overdue,
            MissedAfterDays = missed,
            BatchSize = ParseInt(section, "FollowUps:BatchSize", 1000, 1, 10000),
        };
    }

    private static SmtpSettings? ReadSmtp(IConfigurationSection section)
    {
        var host = section["Smtp:Host"]?.Trim();
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var from = section["Smtp:From"]?.Trim();
        if (string.IsNullOrEmpty(from) || !System.Net.Mail.MailAddress.TryCreate(from, out _))
        {
            throw new ConfigurationException("Integration:Smtp:From", "give the sender's e-mail address when an SMTP host is set.");
        }

        var worklist = section["Smtp:WorklistUrl"]?.Trim();
        if (!string.IsNullOrEmpty(worklist) && !Uri.TryCreate(worklist, UriKind.Absolute, out _))
        {
            throw new ConfigurationException("Integration:Smtp:WorklistUrl", $"'{worklist}' is not an absolute URL.");
        }

        return new SmtpSettings
        {
            Host = host,
            Port = ParseInt(section, "Smtp:Port", 25, 1, 65535),
            EnableSsl = bool.TryParse(section["Smtp:EnableSsl"], out var ssl) && ssl,
            From = from,
            UserName = string.IsNullOrWhiteSpace(section["Smtp:UserName"]) ? null : section["Smtp:UserName"],
            Password = string.IsNullOrWhiteSpace(section["Smtp:Password"]) ? null : section["Smtp:Password"],
            WorklistUrl = string.IsNullOrEmpty(worklist) ? null : worklist,
        };
    }

    private static string ResolvePath(string baseDirectory, string? value, string fallback)
    {
        var path = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
        return Path.GetFullPath(path, baseDirectory);
    }

    private static TEnum ParseEnum<TEnum>(IConfigurationSection section, string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        throw new ConfigurationException($"Integration:{key}", $"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    private static int ParseInt(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        throw new ConfigurationException($"Integration:{key}", $"'{value}' is not a whole number from {min} to {max}.");
    }

    private static bool ParseBool(IConfigurationSection section, string key, bool fallback)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value.Trim(), out var parsed)
            ? parsed
            : throw new ConfigurationException($"Integration:{key}", $"'{value}' is not true or false.");
    }
}
