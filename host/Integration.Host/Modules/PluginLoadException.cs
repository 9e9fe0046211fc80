namespace Integration.Host.Modules;

/// <summary>A plugin could not be loaded; the message names the plugin file and the reason in one line.</summary>
public sealed class PluginLoadException(string pluginFile, string reason)
    : Exception($"Plugin {pluginFile} failed to load: {reason}")
{
    /// <summary>The plugin's main assembly (or its folder when none was found).</summary>
    public string PluginFile { get; } = pluginFile;

    /// <summary>Why it failed.</summary>
    public string Reason { get; } = reason;
}
