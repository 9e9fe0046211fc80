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
            connectionString = $"Data Source={Path.Combine(dataPath, "integration.db")}";
        }

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
            JobWorkerCount = workers,
            BootstrapAdminEmail = string.IsNullOrWhiteSpace(adminEmail) ? null : adminEmail.Trim(),
            BootstrapAdminPassword = string.IsNullOrWhiteSpace(adminPassword) ? null : adminPassword,
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
}
