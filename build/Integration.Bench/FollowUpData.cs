using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Integration.Bench;

/// <summary>
/// A deterministic data set written straight into the host's SQLite file (the host is stopped): participants, their
/// participations, enrolments (three spells each, some still ongoing), outcomes, follow-ups in every state, and a
/// number of follow-ups due for the dispatcher. Through the API this would take hours; the figures measured afterwards
/// go through the host as usual. With <see cref="Shape.ExistingParticipants"/> the participants are the ones already in
/// the file (imported through the API, with their name index), and only their records are written.
/// </summary>
internal static class FollowUpData
{
    private const string Module = "fixture-notes";
    private static readonly string[] Genders = ["Woman", "Man", "NonBinaryOrOther", "NotStated"];
    private static readonly string[] Labour = ["Unemployed", "LongTermUnemployed", "Inactive", "Employed"];
    private static readonly string[] Education = ["Isced0To2", "Isced3To4", "Isced5To8"];
    private static readonly string[] OutcomeTypes = ["Employed", "SelfEmployed", "Studies", "JobSeeking", "Internship", "Other"];
    private static readonly string[] FollowUpStates = ["Done", "Done", "Missed", "Cancelled"];

    public sealed record Counts(int Participants, int Enrolments, int Outcomes, int FollowUps, int DueToday);

    /// <summary>What to write.</summary>
    /// <param name="Participants">Participants to generate; ignored with <paramref name="ExistingParticipants"/>.</param>
    /// <param name="OutcomesAndFollowUps">Outcomes and follow-ups together, half each, spread over the participants.</param>
    /// <param name="Due">Follow-ups for the dispatcher to make due, assigned in turn to <paramref name="Assignees"/>.</param>
    /// <param name="DueSpreadDays">The due follow-ups fall due today or up to this many days before (then overdue).</param>
    /// <param name="ExistingParticipants">Write records for the tenant's participants already in the file.</param>
    public sealed record Shape(int Participants, int OutcomesAndFollowUps, int Due, IReadOnlyList<Guid> Assignees, int DueSpreadDays = 0, bool ExistingParticipants = false);

    public static Counts Write(string databaseFile, Guid tenantId, Guid programmeId, Shape shape, int seed, DateOnly today)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        using var transaction = connection.BeginTransaction();
        var tenant = Id(tenantId);
        var programme = Id(programmeId);
        var now = Stamp(DateTime.UtcNow);

        using var participant = Insert(connection, transaction, "core_participants",
            "Id", "TenantId", "GivenName", "FamilyName", "Gender", "BirthYear", "Languages", "InterpreterNeeded",
            "Current_LabourMarketStatus", "Current_EducationLevel", "Current_ThirdCountryNational", "Current_Disability",
            "Entry_LabourMarketStatus", "Entry_EducationLevel", "Entry_ThirdCountryNational", "Entry_Disability", "CreatedAt", "UpdatedAt", "Version");
        using var participation = Insert(connection, transaction, "core_participations",
            "Id", "TenantId", "ParticipantId", "ProgrammeId", "FirstStart", "LastExit", "Entry_LabourMarketStatus", "Entry_EducationLevel", "Entry_ThirdCountryNational", "Entry_Disability", "Version");
        using var enrolment = Insert(connection, transaction, "core_enrolments",
            "Id", "TenantId", "ParticipantId", "ProgrammeId", "ModuleId", "Status", "ReferredOn", "StartDate", "ExitDate", "ExitReason", "Version", "CreatedAt", "UpdatedAt");
        using var outcome = Insert(connection, transaction, "core_outcomes",
            "Id", "TenantId", "ParticipantId", "Type", "Date", "Source", "RecordedAt");
        using var followUp = Insert(connection, transaction, "core_follow_ups",
            "Id", "TenantId", "Kind", "Key", "ParticipantId", "EnrolmentId", "ModuleId", "Sequence", "DueOn", "AssigneeId", "State", "Version", "CreatedAt");

        var existing = shape.ExistingParticipants ? ParticipantIds(connection, transaction, tenant) : null;
        var participants = existing?.Count ?? shape.Participants;
        var perPerson = shape.OutcomesAndFollowUps / 2 / participants;
        var assignee = Id(shape.Assignees[0]);
        int enrolments = 0, outcomes = 0, followUps = 0;
        var lastEnrolments = new List<(string Participant, string Enrolment)>(participants);
        for (var i = 0; i < participants; i++)
        {
            var id = existing?[i] ?? Id(Guid.NewGuid());
            var gender = Genders[random.Next(100) switch { < 46 => 0, < 92 => 1, < 96 => 2, _ => 3 }];
            object birthYear = random.Next(100) < 4 ? DBNull.Value : random.Next(1955, 2010);
            var labour = Labour[random.Next(Labour.Length)];
            var education = Education[random.Next(Education.Length)];
            var tcn = random.Next(100) < 85 ? 1 : 0;
            var disability = random.Next(100) < 8 ? 1 : 0;
            if (existing is null)
            {
                Run(participant, id, tenant, $"G{i}", $"F{i % 997}", gender, birthYear, "[]", 0, labour, education, tcn, disability, labour, education, tcn, disability, now, now, 1);
            }

            var start = new DateOnly(2023, 1, 1).AddDays(random.Next(900));
            var spells = new List<(string Id, DateOnly Start, DateOnly? Exit)>();
            for (var spell = 0; spell < 3; spell++)
            {
                DateOnly? exit = start.AddDays(random.Next(20, 300));
                if (exit >= today || (spell == 2 && random.Next(100) < 50))
                {
                    exit = null;
                }

                var enrolmentId = Id(Guid.NewGuid());
                Run(enrolment, enrolmentId, tenant, id, programme, Module, exit is null ? "Active" : "Exited", Date(start), Date(start), exit is { } e ? Date(e) : DBNull.Value,
                    exit is null ? DBNull.Value : "Completed", 1, now, now);
                enrolments++;
                spells.Add((enrolmentId, start, exit));
                if (exit is null)
                {
                    break;
                }

                start = exit.Value.AddDays(random.Next(5, 120));
                if (start >= today)
                {
                    break;
                }
            }

            var lastExit = spells.All(s => s.Exit is not null) ? spells.Max(s => s.Exit) : null;
            Run(participation, Id(Guid.NewGuid()), tenant, id, programme, Date(spells[0].Start), lastExit is { } l ? Date(l) : DBNull.Value, labour, education, tcn, disability, 1);

            for (var n = 0; n < perPerson; n++)
            {
                var anchor = spells[random.Next(spells.Count)];
                var date = (anchor.Exit ?? anchor.Start).AddDays(random.Next(-30, 240));
                Run(outcome, Id(Guid.NewGuid()), tenant, id, OutcomeTypes[random.Next(OutcomeTypes.Length)], Date(date > today ? today : date), "SelfReported", now);
                outcomes++;

                var due = anchor.Start.AddDays(random.Next(10, 400));
                var state = due > today ? "Scheduled" : FollowUpStates[random.Next(FollowUpStates.Length)];
                Run(followUp, Id(Guid.NewGuid()), tenant, "bench", $"bench|{followUps}", id, anchor.Id, Module, 1, Date(due), assignee, state, 1, now);
                followUps++;
            }

            lastEnrolments.Add((id, spells[^1].Id));
        }

        for (var n = 0; n < shape.Due; n++)
        {
            var (person, enrolmentId) = lastEnrolments[random.Next(lastEnrolments.Count)];
            var dueOn = today.AddDays(-random.Next(shape.DueSpreadDays + 1));
            var to = Id(shape.Assignees[n % shape.Assignees.Count]);
            Run(followUp, Id(Guid.NewGuid()), tenant, "bench-due", $"bench-due|{n}", person, enrolmentId, Module, 1, Date(dueOn), to, "Scheduled", 1, now);
        }

        transaction.Commit();
        Execute(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return new Counts(participants, enrolments, outcomes, followUps + shape.Due, shape.Due);
    }

    private static List<string> ParticipantIds(SqliteConnection connection, SqliteTransaction transaction, string tenant)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT "Id" FROM "core_participants" WHERE "TenantId" = $tenant ORDER BY "Id" """;
        command.Parameters.AddWithValue("$tenant", tenant);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids.Count > 0 ? ids : throw new InvalidOperationException("The tenant has no participants to write records for.");
    }

    /// <summary>EF Core's SQLite text forms: upper-case ids, ISO dates.</summary>
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Copies the file's write-ahead log into it and empties the log (a host killed under load leaves a large one).</summary>
    public static void CheckpointWal(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
