using Integration.Host.Tests.Infrastructure;

namespace Integration.Host.Tests.Plugins;

/// <summary>
/// With the default <c>OnLoadError=Fail</c>, a broken plugin stops start-up with a non-zero exit code and one log line
/// that names the plugin file and the reason. The host runs as a real child process.
/// </summary>
// Start-up failures of child processes, before any database is opened: the PostgreSQL pass leaves them out.
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class LoadErrorTests
{
    [Fact]
    public async Task Plugin_built_against_another_contract_major_stops_startup()
    {
        using var root = TestPaths.NewTempFolder("load-error");
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.BadContract);

        var result = await StartAsync(root, plugins);

        AssertStoppedWithOneLine(result, "Fixture.Plugin.bad-contract.dll", "built against module contract 2.0");
    }

    [Fact]
    public async Task Plugin_with_a_missing_dependency_stops_startup()
    {
        using var root = TestPaths.NewTempFolder("load-error");
        var plugins = await FixturePlugins.CreateFolderWithMissingDependencyAsync(root);

        var result = await StartAsync(root, plugins);

        AssertStoppedWithOneLine(result, "Fixture.Plugin.notes.dll", "missing dependency Fixture.Helper");
    }

    [Fact]
    public async Task Plugin_whose_dependency_misses_a_dependency_stops_startup()
    {
        using var root = TestPaths.NewTempFolder("load-error");
        var plugins = await FixturePlugins.CreateFolderWithMissingDependencyAsync(root, "Fixture.Deep.dll");

        var result = await StartAsync(root, plugins);

        AssertStoppedWithOneLine(result, "Fixture.Plugin.notes.dll", "missing dependency Fixture.Deep");
        Assert.Contains("needed by Fixture.Helper", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_plugins_with_the_same_module_id_stop_startup()
    {
        using var root = TestPaths.NewTempFolder("load-error");
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Duplicate, FixturePlugins.Notes);

        var result = await StartAsync(root, plugins);

        // Folders load in name order: fixture-duplicate first, so fixture-notes is the duplicate.
        AssertStoppedWithOneLine(result, "Fixture.Plugin.notes.dll", "duplicate module id 'fixture-notes'");
        Assert.Contains("Fixture.Plugin.duplicate.dll", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugin_whose_registration_throws_stops_startup()
    {
        using var root = TestPaths.NewTempFolder("load-error");
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Throws);

        var result = await StartAsync(root, plugins);

        AssertStoppedWithOneLine(result, "Fixture.Plugin.throws.dll", "threw while registering its services: InvalidOperationException: the fixture refuses to register its services");
    }

    [Fact]
    public async Task Load_list_naming_a_missing_plugin_is_a_configuration_error()
    {
        using var root = TestPaths.NewTempFolder("load-error");
        var plugins = await FixturePlugins.CreatePluginsFolderAsync(root, FixturePlugins.Notes);

        var result = await StartAsync(root, plugins, "--Integration:Modules:Load:0=mentoring");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Lines, l => l.Contains("Start-up stopped", StringComparison.Ordinal));
        Assert.Contains("Integration:Modules:Load", line, StringComparison.Ordinal);
        Assert.Contains("'mentoring'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_setting_is_named_in_the_error()
    {
        using var root = TestPaths.NewTempFolder("config-error");

        var result = await StartAsync(root, Path.Combine(root.Path, "plugins"), "--Integration:Modules:OnLoadError=Sometimes");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Lines, l => l.Contains("Start-up stopped", StringComparison.Ordinal));
        Assert.Contains("Integration:Modules:OnLoadError", line, StringComparison.Ordinal);
        Assert.Contains("'Sometimes' is not one of Fail, Skip", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Integration:FollowUps:DispatchCron=every minute", "Integration:FollowUps:DispatchCron")]
    [InlineData("--Integration:FollowUps:DispatchCron=99 * * * *", "Integration:FollowUps:DispatchCron")]
    [InlineData("--Integration:FollowUps:MissedAfterDays=3", "Integration:FollowUps:MissedAfterDays")]
    [InlineData("--Integration:Smtp:Host=smtp.example.invalid", "Integration:Smtp:From")]
    public async Task Invalid_follow_up_and_mail_settings_are_named_in_the_error(string setting, string named)
    {
        using var root = TestPaths.NewTempFolder("config-error");

        var result = await StartAsync(root, Path.Combine(root.Path, "plugins"), setting);

        Assert.True(result.ExitCode == 2, $"Expected exit code 2, got {result.ExitCode}:\n{result.AllOutput}");
        Assert.Contains(result.Lines, l => l.Contains("Start-up stopped", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
    }

    private static Task<ProcessResult> StartAsync(TempFolder root, string plugins, params string[] extra) =>
        HostProcess.RunToExitAsync(
        [
            $"--Integration:PluginsPath={plugins}",
            $"--Integration:DataPath={Path.Combine(root.Path, "data")}",
            "--urls=http://127.0.0.1:0",
            .. extra,
        ]);

    private static void AssertStoppedWithOneLine(ProcessResult result, string pluginFile, string reason)
    {
        Assert.True(result.ExitCode == 3, $"Expected exit code 3, got {result.ExitCode}:\n{result.AllOutput}");
        var failures = result.Lines.Where(l => l.Contains("failed to load", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(failures);
        Assert.Contains(pluginFile, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.AllOutput, StringComparison.Ordinal);
    }
}
