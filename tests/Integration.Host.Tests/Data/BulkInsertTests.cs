using System.Data.Common;
using System.Globalization;
using Integration.Abstractions.Kernel;
using Integration.Host.Audit;
using Integration.Host.Data;
using Integration.Host.ParticipantImports;
using Integration.Host.Participants;
using Integration.Host.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The bulk writer (imports, the read log, the dispatcher's notifications, a rollup's cells, whose column types the rows below cover)
/// bypasses EF Core's change tracker and, on SQLite, binds values through SQLite's C interface. A row it writes must be
/// stored exactly as EF Core stores the same values: text ids in the same case, instants and dates in the same format,
/// enums and lists converted the same way. Otherwise queries with EF Core's parameters stop finding bulk-written rows.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private TenantDatabase database = null!;
    private TestHost host = null!;
    private TenantSetup tenant = null!;
    private IntegrationDbContext db = null!;

    public async Task InitializeAsync()
    {
        database = await TenantDatabase.StartAsync();
        (host, tenant, db) = (database.Host, database.Tenant, database.Db);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_row_written_in_bulk_is_stored_exactly_as_ef_core_stores_the_same_values()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567);

        var tracked = Participant(tenant.Id, at);
        var bulk = Participant(tenant.Id, at);
        var import = new ParticipantImport { TenantId = tenant.Id, Content = [1, 2, 3], CreatedByName = "Test", CreatedAt = at };
        db.Add(tracked);
        db.Add(import);
        db.AddRange(ParticipantWriter.NameRows(tracked));
        db.Add(Entry(tenant.Id, tracked.Id, at));
        db.Add(Rejection(tenant.Id, import.Id));
        db.Add(Cell(tenant.Id, at));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new BulkInsert<Participant>(db).InsertAsync(db, [bulk], CancellationToken.None);
            await new BulkInsert<ParticipantName>(db).InsertAsync(db, ParticipantWriter.NameRows(bulk).ToList(), CancellationToken.None);
            await new BulkInsert<AuditEntry>(db).InsertAsync(db, [Entry(tenant.Id, tracked.Id, at)], CancellationToken.None);
            await new BulkInsert<ImportRejection>(db).InsertAsync(db, [Rejection(tenant.Id, import.Id)], CancellationToken.None);
            await new BulkInsert<RollupCell>(db).InsertAsync(db, [Cell(tenant.Id, at)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var connection = host.DatabaseConnection();
        await connection.OpenAsync();
        AssertSameBesides(await RowsAsync(connection, "core_participants", "GivenName", "Bulk"), "Id", "IdentityNumber");
        AssertSameBesides(await RowsAsync(connection, "core_participant_names", "Token", "bulkbulk"), "ParticipantId");
        AssertSameBesides(await RowsAsync(connection, "core_audit_entries", "RecordType", "bulk-test"), "Id");
        AssertSameBesides(await RowsAsync(connection, "core_import_rejections", "Field", "bulkField"), "Id");
        AssertSameBesides(await RowsAsync(connection, "core_rollup_cells", "Measure", "bulk-test"), "Id");

        // And EF Core finds the bulk-written participant by its id, a parameter of EF Core's own making.
        Assert.Equal("Bulk", await db.Participants.Where(p => p.Id == bulk.Id).Select(p => p.GivenName).SingleAsync());
    }

    [Fact]
    public async Task A_stream_batch_longer_than_one_statement_writes_every_row_once_with_its_own_values()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

        // 70 rows: two full statements' worth of the audit writer's stream and a shorter one, which reuses the array.
        var entries = Enumerable.Range(0, 70).Select(i => Entry(tenant.Id, Guid.NewGuid(), at.AddSeconds(i))).ToList();
        foreach (var entry in entries)
        {
            entry.ParticipantId = null;
        }

        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new BulkInsert<AuditEntry>(db, BulkInsert<AuditEntry>.StreamRowsPerStatement).InsertAsync(db, entries, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await db.AuditEntries.Where(e => e.RecordType == "bulk-test").Select(e => new { e.RecordId, e.At }).ToListAsync();
        Assert.Equal(
            entries.Select(e => (e.RecordId, e.At)).Order(),
            stored.Select(e => (e.RecordId, e.At)).Order());
    }

    [Theory]
    [InlineData(3)] // on the inserting thread alone, in full steps of several rows and single ones
    [InlineData(70)] // on two threads, the same
    public async Task Narrow_rows_inserted_several_at_a_time_are_each_written_once_with_their_own_values(int participants)
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var people = Enumerable.Range(0, participants).Select(i =>
        {
            var participant = Participant(tenant.Id, at);
            participant.GivenName = $"Given{i:D3}";
            return participant;
        }).ToList();
        var names = people.SelectMany(p => ParticipantWriter.NameRows(p)).ToList();
        Assert.NotEqual(0, names.Count % 16); // a remainder after the full steps

        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new BulkInsert<Participant>(db).InsertAsync(db, people, CancellationToken.None);
            await new BulkInsert<ParticipantName>(db).InsertAsync(db, names, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var ids = people.Select(p => p.Id).ToList();
        var stored = await db.ParticipantNames.Where(n => ids.Contains(n.ParticipantId)).ToListAsync();
        Assert.Equal(
            names.Select(n => (n.ParticipantId, n.Token, n.SortKey, n.PreviousToken)).Order(),
            stored.Select(n => (n.ParticipantId, n.Token, n.SortKey, n.PreviousToken)).Order());
    }

    [Fact]
    public async Task An_import_batch_of_many_statements_writes_every_row_once_with_its_own_values()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

        // Ten full statements and a short one, made on one thread while another inserts (the import's pipeline).
        var entries = Enumerable.Range(0, (10 * BulkInsert<AuditEntry>.ImportRowsPerStatement) + 50).Select(i => Entry(tenant.Id, Guid.NewGuid(), at.AddSeconds(i))).ToList();
        foreach (var entry in entries)
        {
            entry.ParticipantId = null;
        }

        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new BulkInsert<AuditEntry>(db).InsertAsync(db, entries, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await db.AuditEntries.Where(e => e.RecordType == "bulk-test").Select(e => new { e.RecordId, e.At }).ToListAsync();
        Assert.Equal(
            entries.Select(e => (e.RecordId, e.At)).Order(),
            stored.Select(e => (e.RecordId, e.At)).Order());
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_the_insert_with_a_database_error_and_its_rolled_back_batch_leaves_nothing()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var existing = Participant(tenant.Id, at);
        db.Add(existing);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // 500 rows (an import's pipeline, more than one chunk), the 300th with an identity number the tenant has.
        var rows = Enumerable.Range(0, 500).Select(_ => Participant(tenant.Id, at)).ToList();
        rows[299].IdentityNumber = existing.IdentityNumber;
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => new BulkInsert<Participant>(db).InsertAsync(db, rows, CancellationToken.None));
            Assert.Contains("UNIQUE", error.Message, StringComparison.OrdinalIgnoreCase);
            await transaction.RollbackAsync();
        }

        // The connection is usable again, and the tenant has the participant it had.
        Assert.Equal([existing.Id], await db.Participants.Select(p => p.Id).ToListAsync());
    }

    private static Participant Participant(Guid tenantId, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        GivenName = "Bulk",
        FamilyName = "Bulkbulk O'Brien",
        IdentityKind = IdentityKind.OtherReference,
        IdentityNumber = "LMA-" + Guid.NewGuid().ToString("N")[..8], // unique in a tenant, so the one column that differs
        Gender = Gender.NonBinaryOrOther,
        BirthYear = 1990,
        CountryOfBirth = "SY",
        ArrivalDate = new DateOnly(2016, 3, 1),
        Languages = ["ar", "en"],
        InterpreterNeeded = true,
        Current = new ParticipantStatus { LabourMarketStatus = LabourMarketStatus.LongTermUnemployed, EducationLevel = EducationLevel.Isced3To4, ThirdCountryNational = true, Disability = false, IncomeSupport = true },
        Entry = new ParticipantStatus { LabourMarketStatus = LabourMarketStatus.Unemployed, EducationLevel = EducationLevel.Isced0To2, ThirdCountryNational = true, Disability = true, IncomeSupport = false },
        CreatedAt = at,
        UpdatedAt = at.Date.AddHours(5), // no fraction of a second: written without one
        Version = 3,
    };

    private static AuditEntry Entry(Guid tenantId, Guid participantId, DateTime at) => new()
    {
        TenantId = tenantId,
        At = at.Date.AddTicks(1_200_000), // a fraction with trailing zeros: written without them
        ActorKind = AuditActorKind.Job,
        ActorUserId = new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        ActorName = "import (Test Testsson)",
        ParticipantId = participantId,
        RecordType = "bulk-test",
        RecordId = participantId,
        Action = AuditAction.Import,
        Fields = "givenName,familyName",
        RequestId = "0HN-request:00000001",
    };

    private static ImportRejection Rejection(Guid tenantId, Guid importId) =>
        new() { TenantId = tenantId, ImportId = importId, Row = 17, Field = "bulkField", Message = "Ogiltigt värde — \"fel\"" };

    // A decimal with a fraction (a share), a gender and no age band (a cell of one gender, every age band).
    private static RollupCell Cell(Guid tenantId, DateTime at) => new()
    {
        TenantId = tenantId,
        ProgrammeId = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Period = "2026-Q1",
        ModuleId = RollupCell.AllModules,
        Gender = Gender.Woman,
        AgeBand = null,
        Measure = "bulk-test.share",
        Value = 0.3333m,
        N = 3,
        RunId = new Guid("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        ComputedAt = at,
    };

    private static void AssertSameBesides(IReadOnlyList<Dictionary<string, string>> rows, params string[] keys)
    {
        Assert.Equal(2, rows.Count);
        foreach (var (column, value) in rows[0].Where(c => !keys.Contains(c.Key)))
        {
            Assert.True(value == rows[1][column], $"{column}: {value} (EF Core) against {rows[1][column]} (bulk)");
        }
    }

    /// <summary>The stored values of the rows whose <paramref name="column"/> starts with <paramref name="prefix"/>, in insertion order, each as its runtime type and text.</summary>
    private static async Task<IReadOnlyList<Dictionary<string, string>>> RowsAsync(DbConnection connection, string table, string column, string prefix)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(
                reader.GetName,
                i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}");
            if (row[column].Split(':', 2)[1].StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
