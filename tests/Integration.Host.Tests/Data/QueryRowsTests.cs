using Integration.Abstractions.Kernel;
using Integration.Host.Data;
using Integration.Host.Participants;
using Integration.Host.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Tests.Data;

/// <summary>
/// The hand-mapped reads of a rollup (<see cref="QueryRows"/>): on SQLite they bypass Microsoft.Data.Sqlite and bind
/// EF Core's parameters and read the columns through SQLite's C interface, so they must find exactly the rows EF Core
/// finds (tenant filter and every parameter bound as EF Core binds it) and read the same values from them.
/// </summary>
public sealed class QueryRowsTests : IAsyncLifetime
{
    private TenantDatabase database = null!;
    private IntegrationDbContext db = null!;

    public async Task InitializeAsync()
    {
        database = await TenantDatabase.StartAsync();
        db = database.Db;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_query_read_by_hand_finds_the_rows_ef_core_finds_with_the_same_values()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var people = new[]
        {
            Person(database.Tenant.Id, "Åsa", Gender.Woman, 1990, new DateOnly(2016, 3, 1), LabourMarketStatus.Unemployed, at),
            Person(database.Tenant.Id, "Omar", Gender.Man, null, null, null, at),
            Person(database.Tenant.Id, "Chiamaka", Gender.NonBinaryOrOther, 1985, new DateOnly(2019, 12, 31), LabourMarketStatus.LongTermUnemployed, at),
            Person(database.Tenant.Id, "Ingen", Gender.NotStated, 2001, new DateOnly(2020, 1, 1), LabourMarketStatus.Inactive, at),

            // Another tenant's participant, in range of every condition: only the tenant filter keeps it out.
            Person(Guid.NewGuid(), "Annan", Gender.Woman, 1990, new DateOnly(2016, 3, 1), LabourMarketStatus.Unemployed, at),
        };
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new BulkInsert<Participant>(db).InsertAsync(db, people, CancellationToken.None);
            await transaction.CommitAsync();
        }

        // Parameters of several types: a date, an enum stored by name, a text, an id.
        var arrivedBy = new DateOnly(2020, 1, 1);
        var notGender = Gender.NotStated;
        var notNamed = "Nobody";
        var notId = Guid.NewGuid();
        var query = db.Participants.AsNoTracking()
            .Where(p => (p.ArrivalDate == null || p.ArrivalDate < arrivedBy) && p.Gender != notGender && p.GivenName != notNamed && p.Id != notId)
            .Select(p => new
            {
                p.Id, p.Gender, p.BirthYear, Arrived = (int?)p.ArrivalDate!.Value.DayNumber, p.InterpreterNeeded, p.GivenName,
                p.Entry.LabourMarketStatus,
            });

        var byHand = await QueryRows.ReadAsync(
            db,
            query,
            ["Id", "Gender", "BirthYear", "Arrived", "InterpreterNeeded", "GivenName", "LabourMarketStatus"],
            r => (r.GetGuid(0), r.Enum<Gender>(1), r.NullableInt(2), r.NullableDay(3), r.GetBoolean(4), r.GetString(5), r.NullableEnum<LabourMarketStatus>(6)),
            CancellationToken.None);
        var byEfCore = (await query.ToListAsync())
            .Select(p => (p.Id, p.Gender, p.BirthYear, p.Arrived is { } day ? DateOnly.FromDayNumber(day) : (DateOnly?)null, p.InterpreterNeeded, p.GivenName, p.LabourMarketStatus))
            .ToList();

        Assert.Equal(3, byHand.Count);
        Assert.Equal(byEfCore.OrderBy(p => p.Item1), byHand.OrderBy(p => p.Item1));
        Assert.Equal(["Chiamaka", "Omar", "Åsa"], byHand.Select(p => p.Item6).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_null_read_as_a_value_fails_instead_of_reading_zero()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        db.Add(Person(database.Tenant.Id, "Omar", Gender.Man, null, null, null, at));
        await db.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => QueryRows.ReadAsync(
            db, db.Participants.Select(p => new { p.BirthYear }), ["BirthYear"], r => r.GetInt32(0), CancellationToken.None));
    }

    [Fact]
    public async Task Columns_in_another_order_than_the_map_reads_them_fail_before_a_row_is_read()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => QueryRows.ReadAsync(
            db, db.Participants.Select(p => new { p.Id, p.BirthYear }), ["BirthYear", "Id"], r => r.GetGuid(0), CancellationToken.None));
        Assert.Contains("Id, BirthYear", error.Message, StringComparison.Ordinal);
    }

    private static Participant Person(Guid tenantId, string name, Gender gender, int? birthYear, DateOnly? arrived, LabourMarketStatus? status, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        GivenName = name,
        FamilyName = "Testsson",
        Gender = gender,
        BirthYear = birthYear,
        ArrivalDate = arrived,
        InterpreterNeeded = birthYear is null,
        Entry = new ParticipantStatus { LabourMarketStatus = status },
        CreatedAt = at,
        UpdatedAt = at,
    };
}
