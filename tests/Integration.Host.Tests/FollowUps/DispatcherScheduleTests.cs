using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.FollowUps;

/// <summary>The dispatcher is a recurring Hangfire job, every minute unless configured otherwise.</summary>
public sealed class DispatcherScheduleTests
{
    [Theory]
    [InlineData(null, "* * * * *")]
    [InlineData("*/5 * * * *", "*/5 * * * *")]
    public async Task The_dispatcher_is_registered_as_a_recurring_job(string? configured, string expected)
    {
        await using var host = new TestHost(settings: new Dictionary<string, string?> { ["Integration:FollowUps:DispatchCron"] = configured });
        await host.WhenReadyAsync();

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var dispatcher = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "core:follow-up-dispatcher");

        Assert.Equal(expected, dispatcher.Cron);
    }

    [Fact]
    public async Task An_instance_configured_off_registers_no_dispatcher()
    {
        await using var host = new TestHost();
        await host.WhenReadyAsync();

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == "core:follow-up-dispatcher");
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == "core:optimize-database");
    }
}
