using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Integration.Abstractions.Demo;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Host.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Modules.Health.Tests;

/// <summary>
/// The module's part in the host's record keeping: the nightly purge of scores left without consent, the merge of two
/// records, the register extract and the demo data.
/// </summary>
public sealed class RecordsTests(HealthHost host) : IClassFixture<HealthHost>
{
    [Fact]
    public async Task A_score_left_behind_by_a_failed_withdrawal_is_never_shown_and_the_nightly_job_removes_it()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        await t.ScoreAsync(course, p.Id, "start", [3, 3, 3, 3, 3]);
        await using var db = host.Host.DatabaseConnection();
        await db.OpenAsync();
        await ExecuteAsync(db, "CREATE TEMP TABLE kept AS SELECT * FROM health_who5_scores");

        // The withdrawal handler removes the score; putting the row back stands for a handler that failed.
        await t.Worker.WithdrawConsentAsync(p.Id, p.HealthConsentId!.Value);
        Assert.Equal(0L, await CountAsync(db, course));
        await ExecuteAsync(db, "INSERT INTO health_who5_scores SELECT * FROM kept WHERE \"Id\" NOT IN (SELECT \"Id\" FROM health_who5_scores)");
        Assert.Equal(1L, await CountAsync(db, course));

        Assert.Empty((await t.ParticipantScoresAsync(p.Id)).GetProperty("courses").EnumerateArray());
        Assert.Empty((await (await t.Reader.GetAsync($"{HealthHost.Base}/courses/{course}/scores")).ReadJsonAsync()).GetProperty("participants").EnumerateArray());

        host.Host.Services.GetRequiredService<IRecurringJobManager>().Trigger("health:purge-without-consent");

        await Eventually.WaitForAsync(() => CountAsync(db, course), n => n == 0, "the purge job to remove the score");
    }

    [Fact]
    public async Task Merging_two_records_moves_places_attendance_and_scores_to_the_survivor()
    {
        var t = await host.NewTenantAsync();
        var survivor = await t.ParticipantAsync();
        var duplicateId = await t.RegisterAsync();
        var secondProgramme = await t.Admin.CreateProgrammeAsync(HealthHost.Module);
        await t.Worker.EnrolAsync(duplicateId, secondProgramme, HealthHost.Module, t.Today.AddDays(-40));
        await t.Worker.GiveConsentAsync(duplicateId, "healthData", t.Today.AddDays(-40));
        var course = await t.CourseWithAsync(survivor);
        await t.PlaceAsync(course, duplicateId);
        await t.ScoreAsync(course, survivor.Id, "start", [2, 2, 2, 2, 2], t.Today.AddDays(-20));
        await t.ScoreAsync(course, duplicateId, "start", [5, 5, 5, 5, 5], t.Today.AddDays(-20));
        await t.ScoreAsync(course, duplicateId, "end", [3, 3, 3, 3, 3]);
        var session = (await (await t.Worker.PostAsJsonAsync($"{HealthHost.Base}/courses/{course}/sessions", new { date = t.Today, topic = "diet" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"{HealthHost.Base}/sessions/{session}/attendance") { Content = JsonContent.Create(new { lines = new[] { new { participantId = duplicateId, status = "present" } } }) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            (await t.Worker.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var merged = await (await t.Admin.PostAsJsonAsync($"/api/participants/{survivor.Id}/merge", new { duplicateId })).ReadJsonAsync();

        var health = Assert.Single(merged.GetProperty("modules").EnumerateArray(), m => m.GetProperty("moduleId").GetString() == HealthHost.Module);
        Assert.Equal(2, health.GetProperty("moved").GetInt32()); // the end score and the attendance; the duplicate place and start score give way
        var result = Assert.Single((await t.ParticipantScoresAsync(survivor.Id)).GetProperty("courses").EnumerateArray());
        Assert.Equal(40, result.GetProperty("start").GetProperty("percentage").GetInt32());
        Assert.Equal(60, result.GetProperty("end").GetProperty("percentage").GetInt32());
        Assert.Equal(20, result.GetProperty("changePoints").GetInt32());
        var places = (await (await t.Worker.GetAsync($"{HealthHost.Base}/courses/{course}")).ReadJsonAsync()).GetProperty("participants");
        Assert.Equal(survivor.Id, Assert.Single(places.EnumerateArray()).GetProperty("participantId").GetGuid());
        var attendance = (await (await t.Worker.GetAsync($"{HealthHost.Base}/sessions/{session}")).ReadJsonAsync()).GetProperty("attendance");
        Assert.Equal(survivor.Id, Assert.Single(attendance.EnumerateArray()).GetProperty("participantId").GetGuid());
    }

    [Fact]
    public async Task The_register_extract_holds_courses_attendance_and_scores_and_needs_health_read()
    {
        var t = await host.NewTenantAsync();
        var p = await t.ParticipantAsync();
        var nothing = await t.ParticipantAsync();
        var course = await t.CourseWithAsync(p);
        await t.ScoreAsync(course, p.Id, "start", [1, 2, 3, 4, 5]);

        using var scope = host.Host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(t.Setup.Id);
        var exporter = scope.ServiceProvider.GetServices<IParticipantDataExporter>().Single(e => e.ModuleId == HealthHost.Module);
        var extract = JsonSerializer.SerializeToElement(await exporter.ExportAsync(p.Id, CancellationToken.None), JsonSerializerOptions.Web);

        Assert.Equal("health.read", exporter.SensitivePermission);
        Assert.Equal(course, Assert.Single(extract.GetProperty("courses").EnumerateArray()).GetProperty("courseId").GetGuid());
        Assert.Equal(60, Assert.Single(extract.GetProperty("who5").EnumerateArray()).GetProperty("start").GetProperty("percentage").GetInt32());
        Assert.Null(await exporter.ExportAsync(nothing.Id, CancellationToken.None));
        Assert.Null(await exporter.ExportAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task The_demo_adds_courses_sessions_attendance_and_scores_only_with_consent_the_same_way_for_a_seed()
    {
        var first = await SeedDemoAsync();
        var second = await SeedDemoAsync();

        Assert.Equal(2, first.Courses.Count);
        Assert.All(first.Courses, c => Assert.Equal(9, c.GetProperty("sessions").EnumerateArray().Count()));
        Assert.NotEmpty(first.Attendance);
        Assert.Contains("present", first.Attendance);
        Assert.NotEmpty(first.Activities);
        Assert.NotEmpty(first.ScoredParticipants);
        Assert.All(first.ScoredParticipants, id => Assert.Contains(id, first.Consented));
        Assert.Equal(first.Attendance, second.Attendance);
        Assert.Equal(first.ScoredParticipants.Count, second.ScoredParticipants.Count);
    }

    private async Task<DemoResult> SeedDemoAsync()
    {
        var t = await host.NewTenantAsync();
        var enrolments = new List<DemoEnrolment>();
        var consented = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var p = await t.ParticipantAsync(i % 2 == 0 ? "woman" : "man", healthConsent: i < 6, startedDaysAgo: 120);
            enrolments.Add(new DemoEnrolment(p.EnrolmentId, p.Id, i % 2 == 0 ? Gender.Woman : Gender.Man, 1990, ["ar", "sv"], EnrolmentStatus.Active, t.Today.AddDays(-120), null, null));
            if (p.HealthConsentId is not null)
            {
                consented.Add(p.Id);
            }
        }

        using (var scope = host.Host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(t.Setup.Id);
            var demo = scope.ServiceProvider.GetServices<IDemoDataContributor>().Single(c => c.ModuleId == HealthHost.Module);
            await demo.SeedAsync(new DemoProgramme(t.Setup.Id, t.Programme, "Hållbar integration", "2321", t.Today, 42, enrolments), CancellationToken.None);
        }

        var courses = new List<JsonElement>();
        var scored = new HashSet<Guid>();
        foreach (var summary in (await (await t.Worker.GetAsync($"{HealthHost.Base}/courses")).ReadJsonAsync()).EnumerateArray().OrderBy(c => c.GetProperty("startDate").GetString(), StringComparer.Ordinal))
        {
            var id = summary.GetProperty("id").GetGuid();
            courses.Add(await (await t.Worker.GetAsync($"{HealthHost.Base}/courses/{id}")).ReadJsonAsync());
            var scores = await (await t.Reader.GetAsync($"{HealthHost.Base}/courses/{id}/scores")).ReadJsonAsync();
            scored.UnionWith(scores.GetProperty("participants").EnumerateArray().Select(r => r.GetProperty("participantId").GetGuid()));
        }

        var order = enrolments.Select(e => e.ParticipantId).ToList();
        var attendance = courses.SelectMany(c => c.GetProperty("sessions").EnumerateArray())
            .SelectMany(s => s.GetProperty("attendance").EnumerateArray().OrderBy(a => order.IndexOf(a.GetProperty("participantId").GetGuid())))
            .Select(a => a.GetProperty("status").GetString()!)
            .ToList();
        var activities = (await (await t.Worker.GetAsync($"{HealthHost.Base}/activity-sessions")).ReadJsonAsync()).EnumerateArray().ToList();
        return new DemoResult(courses, attendance, activities, scored, consented);
    }

    private static async Task ExecuteAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(DbConnection db, Guid courseId)
    {
        // Ids are text on SQLite and uuid on PostgreSQL: compared as upper-case text, the query is the same on both.
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM health_who5_scores WHERE upper(CAST(\"CourseId\" AS TEXT)) = '{courseId.ToString().ToUpperInvariant()}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record DemoResult(List<JsonElement> Courses, List<string> Attendance, List<JsonElement> Activities, HashSet<Guid> ScoredParticipants, List<Guid> Consented);
}
