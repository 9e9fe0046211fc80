using System.Net;
using System.Net.Http.Json;
using static Integration.Modules.IncomeSupport.Tests.IncomeSupportHost;

namespace Integration.Modules.IncomeSupport.Tests;

/// <summary>The plan of a pathway: steps and barriers with their dates, versions and rules.</summary>
public sealed class PlanTests(IncomeSupportHost host) : IClassFixture<IncomeSupportHost>
{
    [Fact]
    public async Task Steps_and_barriers_are_added_changed_with_their_version_and_removed()
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.Today.AddDays(-60)));
        var steps = $"{Api}/pathways/{id}/steps";
        var barriers = $"{Api}/pathways/{id}/barriers";

        var sfi = await (await t.Worker.PostAsJsonAsync(steps, new { kind = "sfi", startDate = t.Today.AddDays(-50), note = "SFI kurs C" })).ReadJsonAsync(HttpStatusCode.Created);
        var internship = await (await t.Worker.PostAsJsonAsync(steps, new { kind = "internship", startDate = t.Today.AddDays(20), endDate = t.Today.AddDays(110) })).ReadJsonAsync(HttpStatusCode.Created);
        var language = await (await t.Worker.PostAsJsonAsync(barriers, new { kind = "language", identifiedOn = t.Today.AddDays(-55) })).ReadJsonAsync(HttpStatusCode.Created);

        var resolved = new { kind = "language", identifiedOn = t.Today.AddDays(-55), resolvedOn = t.Today };
        await (await t.Worker.PutAsJsonAsync($"{barriers}/{Id(language)}", resolved)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{barriers}/{Id(language)}", resolved, "\"1\""))).ReadJsonAsync();
        await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{barriers}/{Id(language)}", resolved, "\"1\""))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var ended = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{steps}/{Id(sfi)}", new { kind = "sfi", startDate = t.Today.AddDays(-50), endDate = t.Today, note = "SFI kurs C" }, "\"1\""))).ReadJsonAsync();
        (await t.Worker.DeleteAsync($"{steps}/{Id(internship)}")).EnsureSuccessStatusCode();

        Assert.Equal((2L, t.Today), (changed.GetProperty("version").GetInt64(), Date(changed.GetProperty("resolvedOn"))));
        Assert.Equal(t.Today, Date(ended.GetProperty("endDate")));
        var pathway = await t.GetAsync(id);
        Assert.Equal(["sfi"], pathway.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("SFI kurs C", pathway.GetProperty("steps")[0].GetProperty("note").GetString());
        Assert.Single(pathway.GetProperty("barriers").EnumerateArray());
        await (await t.Worker.DeleteAsync($"{steps}/{Id(internship)}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("kind", null, 0, null)]
    [InlineData("kind", "vacation", 0, null)]
    [InlineData("startDate", "work", null, null)]
    [InlineData("startDate", "work", 800, null)]
    [InlineData("endDate", "work", 10, 9)]
    public async Task Bad_steps_name_the_field_and_store_nothing(string field, string? kind, int? startInDays, int? endInDays)
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.Today.AddDays(-60)));

        var response = await t.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/steps", new
        {
            kind,
            startDate = startInDays is { } s ? t.Today.AddDays(s) : (DateOnly?)null,
            endDate = endInDays is { } e ? t.Today.AddDays(e) : (DateOnly?)null,
        });

        await response.AssertFieldErrorAsync(field);
        Assert.Empty((await t.GetAsync(id)).GetProperty("steps").EnumerateArray());
    }

    [Theory]
    [InlineData("kind", "weather", -10, null)]
    [InlineData("identifiedOn", "health", null, null)]
    [InlineData("identifiedOn", "health", 1, null)]
    [InlineData("resolvedOn", "health", -10, -11)]
    [InlineData("resolvedOn", "health", -10, 1)]
    public async Task Bad_barriers_name_the_field_and_store_nothing(string field, string kind, int? identifiedInDays, int? resolvedInDays)
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.Today.AddDays(-60)));

        var response = await t.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/barriers", new
        {
            kind,
            identifiedOn = identifiedInDays is { } i ? t.Today.AddDays(i) : (DateOnly?)null,
            resolvedOn = resolvedInDays is { } r ? t.Today.AddDays(r) : (DateOnly?)null,
            note = "Behöver barnomsorg",
        });

        await response.AssertFieldErrorAsync(field);
        Assert.Empty((await t.GetAsync(id)).GetProperty("barriers").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_change_of_a_step_keeps_it_as_it_was()
    {
        var t = await host.NewTenantAsync();
        var id = Id(await t.PathwayAsync(t.Today.AddDays(-60)));
        var step = await (await t.Worker.PostAsJsonAsync($"{Api}/pathways/{id}/steps", new { kind = "education", startDate = t.Today })).ReadJsonAsync(HttpStatusCode.Created);

        var bad = new { kind = "education", startDate = t.Today, endDate = t.Today.AddDays(-1), note = new string('x', 501) };
        var problem = await (await t.Worker.SendAsync(Versioned(HttpMethod.Put, $"{Api}/pathways/{id}/steps/{Id(step)}", bad, "\"1\""))).AssertFieldErrorAsync("endDate");

        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));
        var stored = (await t.GetAsync(id)).GetProperty("steps")[0];
        Assert.Equal((1L, System.Text.Json.JsonValueKind.Null), (stored.GetProperty("version").GetInt64(), stored.GetProperty("endDate").ValueKind));
    }
}
