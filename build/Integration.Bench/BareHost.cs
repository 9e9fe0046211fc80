using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Integration.Bench;

/// <summary>
/// The floor for the HTTP figures, in this benchmark process only (it is never part of the product): a bare ASP.NET
/// Core server over the host's SQLite file that answers the same name search and worklist pages as the host, with the
/// same rows and JSON shape, through hand-written SQL and a hand-written JSON writer: no sign-in, tenancy, EF Core or
/// audit entries. It handles what the benchmark sends (the signed-in case worker's worklist, name search by words).
/// </summary>
internal sealed class BareHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string connectionString;
    private readonly string tenant;
    private readonly string assignee;

    private BareHost(WebApplication app, Uri address, string databaseFile, Guid tenantId, Guid assigneeId)
    {
        this.app = app;
        Address = address;
        connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        tenant = Id(tenantId);
        assignee = Id(assigneeId);
        app.MapGet("/bare/participants", SearchAsync);
        app.MapGet("/bare/worklist", WorklistAsync);
    }

    public Uri Address { get; }

    public static async Task<BareHost> StartAsync(string databaseFile, Guid tenantId, Guid assigneeId)
    {
        var port = HostProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var bare = new BareHost(builder.Build(), new Uri($"http://127.0.0.1:{port}"), databaseFile, tenantId, assigneeId);
        await bare.app.StartAsync();
        return bare;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The host's name search: every word is a prefix of some word of the name, hits ordered by the sort key.</summary>
    private async Task SearchAsync(HttpContext http)
    {
        var terms = (http.Request.Query["q"].ToString()).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var (page, size) = Paging(http);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        // As the host does: the longest word's index range, one row per participant (the first of their words in the
        // range), the other words checked on the row's sort key; the database picks the page and counts.
        var longest = terms.OrderByDescending(t => t.Length).First();
        var others = terms.Where(t => !ReferenceEquals(t, longest)).ToList();
        var where = new System.Text.StringBuilder("""
            FROM "core_participant_names" WHERE "TenantId" = $tenant AND "Token" >= $from AND "Token" < $to AND ("PreviousToken" IS NULL OR "PreviousToken" < $from)
            """);
        for (var i = 0; i < others.Count; i++)
        {
            where.Append(CultureInfo.InvariantCulture, $""" AND instr(' ' || "SortKey", $word{i}) > 0""");
        }

        void Bind(SqliteCommand command)
        {
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$from", longest);
            command.Parameters.AddWithValue("$to", longest + char.MaxValue);
            for (var i = 0; i < others.Count; i++)
            {
                command.Parameters.AddWithValue($"$word{i}", " " + others[i]);
            }
        }

        // The page with its participants in one statement; the hits are counted only when the page does not tell.
        var pick = connection.CreateCommand();
        pick.CommandText = $"""
            SELECT p."Id", p."GivenName", p."FamilyName", p."Gender", p."BirthYear", p."IdentityKind", p."IdentityNumber"
            FROM (SELECT "ParticipantId", "SortKey" {where} ORDER BY "SortKey", "ParticipantId" LIMIT $take OFFSET $skip) AS hit
            JOIN "core_participants" AS p ON p."Id" = hit."ParticipantId" AND p."TenantId" = $tenant
            ORDER BY hit."SortKey", p."Id"
            """;
        Bind(pick);
        pick.Parameters.AddWithValue("$take", size);
        pick.Parameters.AddWithValue("$skip", (page - 1) * size);
        var rows = new List<Action<Utf8JsonWriter>>(size);
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var id = reader.GetString(0);
                var given = reader.GetString(1);
                var family = reader.GetString(2);
                var gender = reader.GetString(3);
                int? birthYear = reader.IsDBNull(4) ? null : reader.GetInt32(4);
                var kind = reader.IsDBNull(5) ? null : reader.GetString(5);
                var number = reader.IsDBNull(6) ? null : reader.GetString(6);
                rows.Add(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", Guid.Parse(id));
                    json.WriteString("givenName", given);
                    json.WriteString("familyName", family);
                    json.WriteString("gender", Camel(gender));
                    WriteNumber(json, "birthYear", birthYear);
                    json.WriteString("identityKind", Camel(kind));
                    json.WriteString("identityNumber", number);
                    json.WriteEndObject();
                });
            }
        }

        int total;
        if (rows.Count < size && (rows.Count > 0 || page == 1))
        {
            total = (page - 1) * size + rows.Count;
        }
        else
        {
            var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) " + where;
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await WritePageAsync(http, rows, page, size, total);
    }

    /// <summary>The signed-in case worker's worklist: due follow-ups assigned to them or to no one, overdue first.</summary>
    private async Task WorklistAsync(HttpContext http)
    {
        var (page, size) = Paging(http);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // As the host does: the case worker's and the unassigned due follow-ups as two index lookups, counted from the
        // index, the page chosen on the sort columns and only its rows read in full.
        const string Mine = """
            (SELECT "Id", "OverdueAt", "DueOn" FROM "core_follow_ups" WHERE "TenantId" = $tenant AND "State" = 'Due' AND "AssigneeId" = $me
             UNION ALL
             SELECT "Id", "OverdueAt", "DueOn" FROM "core_follow_ups" WHERE "TenantId" = $tenant AND "State" = 'Due' AND "AssigneeId" IS NULL)
            """;

        var count = connection.CreateCommand();
        count.CommandText = """
            SELECT (SELECT COUNT(*) FROM "core_follow_ups" WHERE "TenantId" = $tenant AND "State" = 'Due' AND "AssigneeId" = $me)
                 + (SELECT COUNT(*) FROM "core_follow_ups" WHERE "TenantId" = $tenant AND "State" = 'Due' AND "AssigneeId" IS NULL)
            """;
        count.Parameters.AddWithValue("$tenant", tenant);
        count.Parameters.AddWithValue("$me", assignee);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        var read = connection.CreateCommand();
        read.CommandText = $"""
            SELECT f."Id", f."Kind", f."ParticipantId", p."GivenName", p."FamilyName", f."EnrolmentId", f."ModuleId", f."PolicyId", f."Sequence",
                   f."BatchId", f."DueOn", f."AssigneeId", f."State", f."HoldReason", f."DueAt", f."OverdueAt", f."Reached", f."OutcomeId",
                   f."Note", f."ClosedAt", f."CancelReason", f."CreatedAt", f."Version"
            FROM (SELECT "Id" FROM {Mine} ORDER BY "OverdueAt" IS NULL, "DueOn", "Id" LIMIT $take OFFSET $skip) AS page
            JOIN "core_follow_ups" AS f ON f."Id" = page."Id"
            JOIN "core_participants" AS p ON p."Id" = f."ParticipantId"
            ORDER BY f."OverdueAt" IS NULL, f."DueOn", f."Id"
            """;
        read.Parameters.AddWithValue("$tenant", tenant);
        read.Parameters.AddWithValue("$me", assignee);
        read.Parameters.AddWithValue("$take", size);
        read.Parameters.AddWithValue("$skip", (page - 1) * size);
        var items = new List<Action<Utf8JsonWriter>>(size);
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                items.Add(json => WriteFollowUp(json, values));
            }
        }

        await WritePageAsync(http, items, page, size, total);
    }

    private static void WriteFollowUp(Utf8JsonWriter json, object?[] v)
    {
        var state = (string)v[12]!;
        json.WriteStartObject();
        json.WriteString("id", Guid.Parse((string)v[0]!));
        json.WriteString("kind", (string)v[1]!);
        json.WriteString("participantId", Guid.Parse((string)v[2]!));
        json.WriteString("participantName", $"{v[3]} {v[4]}");
        WriteGuid(json, "enrolmentId", v[5]);
        json.WriteString("moduleId", (string?)v[6]);
        json.WriteString("policyId", (string?)v[7]);
        json.WriteNumber("sequence", Convert.ToInt32(v[8], CultureInfo.InvariantCulture));
        WriteGuid(json, "batchId", v[9]);
        json.WriteString("dueOn", (string)v[10]!);
        WriteGuid(json, "assigneeId", v[11]);
        json.WriteString("state", Camel(state));
        json.WriteBoolean("overdue", state == "Due" && v[15] is not null);
        json.WriteString("holdReason", Camel((string?)v[13]));
        WriteTime(json, "dueAt", v[14]);
        WriteTime(json, "overdueAt", v[15]);
        if (v[16] is null)
        {
            json.WriteNull("reached");
        }
        else
        {
            json.WriteBoolean("reached", Convert.ToInt64(v[16], CultureInfo.InvariantCulture) != 0);
        }

        WriteGuid(json, "outcomeId", v[17]);
        json.WriteString("note", (string?)v[18]);
        WriteTime(json, "closedAt", v[19]);
        json.WriteString("cancelReason", (string?)v[20]);
        WriteTime(json, "createdAt", v[21]);
        json.WriteNumber("version", Convert.ToInt64(v[22], CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static async Task WritePageAsync(HttpContext http, IEnumerable<Action<Utf8JsonWriter>> items, int page, int size, int total)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var item in items)
        {
            item(json);
        }

        json.WriteEndArray();
        json.WriteNumber("pageNumber", page);
        json.WriteNumber("pageSize", size);
        json.WriteNumber("total", total);
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static (int Page, int Size) Paging(HttpContext http) => (
        int.TryParse(http.Request.Query["page"], CultureInfo.InvariantCulture, out var page) ? page : 1,
        int.TryParse(http.Request.Query["pageSize"], CultureInfo.InvariantCulture, out var size) ? size : 50);

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteGuid(Utf8JsonWriter json, string name, object? value)
    {
        if (value is string text)
        {
            json.WriteString(name, Guid.Parse(text));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Times are stored in UTC as text; the API writes them as ISO 8601 with a Z.</summary>
    private static void WriteTime(Utf8JsonWriter json, string name, object? value)
    {
        if (value is string text)
        {
            json.WriteString(name, DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Enums are stored by name (<c>NonBinaryOrOther</c>) and written in camel case (<c>nonBinaryOrOther</c>).</summary>
    private static string? Camel(string? value) => value is null ? null : JsonNamingPolicy.CamelCase.ConvertName(value);

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();
}
