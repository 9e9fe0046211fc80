namespace Integration.Host.Configuration;

/// <summary>A setting is missing or wrong; the message names the setting.</summary>
public sealed class ConfigurationException(string setting, string problem)
    : Exception($"Configuration error: {setting}: {problem}")
{
    /// <summary>The full key of the wrong setting, for example <c>Integration:Modules:OnLoadError</c>.</summary>
    public string Setting { get; } = setting;
}
