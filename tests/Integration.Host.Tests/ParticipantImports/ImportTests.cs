using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Integration.Host.Data;
using Integration.Host.Tests.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.ParticipantImports;

/// <summary>Participants from CSV files: Swedish headers, validation per row, duplicates, both modes, in the background.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private readonly TestHost host = new();
    private TenantSetup tenant = null!;
    private HttpClient worker = null!;

    public async Task InitializeAsync()
    {
        tenant = await host.CreateTenantAsync("Hedemora kommun", "2083");
        worker = await host.CreateStaffAsync(tenant, "caseWorker");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private const string SwedishFile = "\uFEFFFörnamn;Efternamn;Personnummer;Kön;Födelseland;Ankomstdatum;Språk;Tolkbehov;Arbetsmarknadsstatus;Utbildningsnivå;Försörjningsstöd\n"
        + "Amina;Hassan;811218-9876;kvinna;SY;2016-03-01;ar|en;ja;arbetslös;3-4;ja\n"
        + "Yonas;Tesfaye;;man;ER;2018-05-20;ti;ja;långtidsarbetslös;0-2;nej\n"
        + "Fel;Kontrollsiffra;811218-9877;man;SY;;;;;;\n"
        + "Redan;Registrerad;121212-1212;kvinna;AF;;;;;;\n"
        + "\"Zahra, Maryam\";Ahmadi;;kvinna;AF;2015-11-02;prs;nej;inaktiv;5-8;ja\n"
        + "Samma;Nummer;8112189876;kvinna;SY;;;;;;\n";

    [Fact]
    public async Task Valid_rows_are_imported_and_the_rest_reported_by_row_and_field()
    {
        var existing = ParticipantTests.Person("Redan", "Registrerad", "121212-1212");
        (await worker.PostAsJsonAsync("/api/participants", existing)).EnsureSuccessStatusCode();

        var import = await UploadAndWaitAsync(SwedishFile, "");

        Assert.Equal("succeeded", import.GetProperty("status").GetString());
        Assert.Equal(6, import.GetProperty("totalRows").GetInt32());
        Assert.Equal(3, import.GetProperty("importedRows").GetInt32());
        Assert.Equal(3, import.GetProperty("rejectedRows").GetInt32());
        var rejections = import.GetProperty("firstRejections").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString())).ToList();
        Assert.Equal([(4, "identityNumber"), (5, "identityNumber"), (7, "identityNumber")], rejections);

        var found = await (await worker.GetAsync("/api/participants?q=zahra")).ReadJsonAsync();
        var zahraId = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        var zahra = await (await worker.GetAsync($"/api/participants/{zahraId}")).ReadJsonAsync();
        Assert.Equal("Zahra, Maryam", zahra.GetProperty("givenName").GetString());
        Assert.Equal("isced5To8", zahra.GetProperty("entry").GetProperty("educationLevel").GetString());
        Assert.Equal(["prs"], zahra.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("2015-11-02", zahra.GetProperty("arrivalDate").GetString());
        var amina = await (await worker.GetAsync("/api/participants?identityNumber=198112189876")).ReadJsonAsync();
        Assert.Equal("Amina", Assert.Single(amina.GetProperty("items").EnumerateArray()).GetProperty("givenName").GetString());

        var audit = await (await tenant.Admin.GetAsync("/api/audit?action=import")).ReadJsonAsync();
        Assert.Equal(3, audit.GetProperty("total").GetInt32());
        Assert.All(audit.GetProperty("items").EnumerateArray(), e => Assert.Equal("job", e.GetProperty("actorKind").GetString()));
    }

    [Fact]
    public async Task All_or_nothing_imports_nothing_when_a_row_is_wrong()
    {
        var import = await UploadAndWaitAsync(SwedishFile, "?mode=all-or-nothing");

        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal(0, import.GetProperty("importedRows").GetInt32());
        Assert.Equal(2, import.GetProperty("rejectedRows").GetInt32());
        Assert.Equal(0, (await (await worker.GetAsync("/api/participants")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Comma_separated_english_file_as_a_form_upload_is_imported()
    {
        const string file = "givenName,familyName,gender,birthYear,countryOfBirth\nAli,Yusuf,man,1988,SO\nSara,Berhane,woman,1995,ER\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "file", "deltagare.csv" } };

        var accepted = await (await worker.PostAsync("/api/participants/import?mode=allOrNothing", form)).ReadJsonAsync(HttpStatusCode.Accepted);
        var import = await WaitAsync(accepted.GetProperty("id").GetGuid());

        Assert.Equal("succeeded", import.GetProperty("status").GetString());
        Assert.Equal(2, import.GetProperty("importedRows").GetInt32());
        Assert.Equal("deltagare.csv", import.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_column_without_a_header_is_ignored_blank_rows_are_skipped_and_a_short_row_lacks_its_last_fields()
    {
        // The second column has no header; row 3 is blank; row 4 stops after its given name.
        const string file = "Förnamn;;Efternamn;Kön\nAmina;ignoreras;Hassan;kvinna\n;;;\nOmar\n";

        var import = await UploadAndWaitAsync(file, "?mode=all-or-nothing");

        Assert.Equal("succeeded", import.GetProperty("status").GetString());
        Assert.Equal(2, import.GetProperty("totalRows").GetInt32());
        Assert.Equal(2, import.GetProperty("importedRows").GetInt32());
        var amina = Assert.Single((await (await worker.GetAsync("/api/participants?q=amina")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(("Hassan", "woman"), (amina.GetProperty("familyName").GetString(), amina.GetProperty("gender").GetString()));
        var omar = Assert.Single((await (await worker.GetAsync("/api/participants?q=omar")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(("", "notStated"), (omar.GetProperty("familyName").GetString(), omar.GetProperty("gender").GetString()));
    }

    [Theory]
    [InlineData("Förnamn;Skostorlek\nAmina;38\n", "Skostorlek")]
    [InlineData("", "CSV")]
    [InlineData("Kön;Födelseår\nkvinna;1990\n", "Förnamn")]
    [InlineData("Förnamn;Efternamn\n\"Amina\"x;Hassan\n", "CSV")]
    public async Task Unreadable_files_are_refused_at_once(string file, string mentioned)
    {
        var response = await worker.PostAsync("/api/participants/import", new StringContent(file, Encoding.UTF8, "text/csv"));

        var problem = await response.AssertFieldErrorAsync("file");
        Assert.Contains(mentioned, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_values_are_reported_in_the_uploaders_language()
    {
        const string file = "Förnamn;Efternamn;Kön;Födelseår;Tolkbehov\nAmina;Hassan;kvinna;nittonhundra;kanske\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/participants/import") { Content = new StringContent(file, Encoding.UTF8, "text/csv") };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var accepted = await (await worker.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Accepted);
        var import = await WaitAsync(accepted.GetProperty("id").GetGuid());
        var rejections = await (await worker.GetAsync($"/api/imports/{accepted.GetProperty("id").GetGuid()}/rejections")).ReadJsonAsync();

        Assert.Equal(0, import.GetProperty("importedRows").GetInt32());
        var fields = rejections.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("field").GetString()!, r => r.GetProperty("message").GetString()!);
        Assert.Contains("not a year", fields["birthYear"], StringComparison.Ordinal);
        Assert.Contains("not yes or no", fields["interpreterNeeded"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_import_is_not_found()
    {
        var other = await host.CreateTenantAsync("Åre kommun", "2321");
        var accepted = await (await other.Admin.PostAsync("/api/participants/import", new StringContent("Förnamn\nAmina\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync(HttpStatusCode.Accepted);

        await (await worker.GetAsync($"/api/imports/{accepted.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await worker.GetAsync("/api/imports")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_name_row_of_an_import_points_at_its_participant_and_the_connections_check_foreign_keys_again_after_it()
    {
        var import = await UploadAndWaitAsync(SwedishFile, "");
        Assert.Equal(4, import.GetProperty("importedRows").GetInt32());

        // On SQLite the import writes without foreign key checks (its rows refer to each other by construction).
        var contexts = Enumerable.Range(0, 16).Select(_ => host.Services.CreateAsyncScope()).ToList();
        try
        {
            var db = contexts[0].ServiceProvider.GetRequiredService<IntegrationDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM core_participant_names") >= 8, "each imported participant has name rows");
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM core_participant_names n WHERE NOT EXISTS (SELECT 1 FROM core_participants p WHERE p.\"Id\" = n.\"ParticipantId\")"));
            if (TestDatabase.IsPostgreSql)
            {
                return;
            }

            // Every pooled connection, the import's among them, has its checks on again.
            foreach (var scope in contexts)
            {
                var pooled = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Database.GetDbConnection();
                if (pooled.State != System.Data.ConnectionState.Open)
                {
                    await pooled.OpenAsync();
                }

                Assert.Equal(1L, await ScalarAsync(pooled, "PRAGMA foreign_keys"));
            }
        }
        finally
        {
            foreach (var scope in contexts)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<JsonElement> UploadAndWaitAsync(string file, string query)
    {
        var accepted = await (await worker.PostAsync($"/api/participants/import{query}", new StringContent(file, Encoding.UTF8, "text/csv"))).ReadJsonAsync(HttpStatusCode.Accepted);
        return await WaitAsync(accepted.GetProperty("id").GetGuid());
    }

    private Task<JsonElement> WaitAsync(Guid id) => Eventually.WaitForAsync(
        async () => await (await worker.GetAsync($"/api/imports/{id}")).ReadJsonAsync(),
        i => i.GetProperty("status").GetString() is "succeeded" or "failed",
        "the import to finish");
}
