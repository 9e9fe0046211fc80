using System.Text.Json;

namespace Integration.Host.Tests.Configuration;

/// <summary>
/// The runtime settings that every published host carries in <c>Integration.Host.runtimeconfig.json</c>
/// (docs/deployment.md, "Runtime settings"): measured choices that a change to the project file could drop unnoticed.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.GC.Server", "true")]
    [InlineData("System.GC.Gen0MaxBudget", "6291456")]
    [InlineData("System.GC.Gen1MaxBudget", "6291456")]
    [InlineData("System.Runtime.TieredPGO", "false")]
    [InlineData("System.Runtime.TieredCompilation.CallCountThreshold", "4096")]
    public void The_hosts_runtime_configuration_carries_the_measured_setting(string name, string value)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Integration.Host.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));

        var settings = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(settings.TryGetProperty(name, out var setting), $"{name} is not in {file}");
        Assert.Equal(value, setting.ToString().ToLowerInvariant());
    }
}
