using Autofac;
using Integration.Abstractions.Kernel;
using Integration.Abstractions.Participants;
using Integration.Abstractions.Rollups;
using Integration.Host.Data;
using Integration.Host.FollowUps;
using Integration.Host.Modules;
using Integration.Host.Participants;
using Integration.Host.Programmes;
using Integration.Host.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Integration.Host.Rollups;

/// <summary>
/// Computes a programme's figures for a set of periods and publishes each period as a whole: the old cells are deleted
/// and the new ones inserted in one transaction, so that readers see the old figures or the new ones, never half.
/// </summary>
public sealed class RollupCalculator(IntegrationDbContext db, ILifetimeScope scope, ModuleCatalog catalog, ModuleEnablement enablement, TimeProvider clock, ILogger<RollupCalculator> logger)
{
    /// <summary>Computes and publishes the periods of one programme of the current tenant.</summary>
    public async Task PublishAsync(Programme programme, IReadOnlyList<RollupPeriod> periods, Guid runId, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var input = await LoadAsync(programme, periods.Max(p => p.To), ct);
        var contributors = await ContributorsAsync(programme, ct);
        var aggregations = RollupMeasures.Core.Concat(contributors.SelectMany(c => c.Measures))
            .GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Aggregation, StringComparer.Ordinal);
        var scopes = programme.ModuleIds.Prepend(RollupCell.AllModules).Distinct(StringComparer.Ordinal).ToList();
        var insert = new BulkInsert<RollupCell>(db);

        foreach (var period in periods)
        {
            watch.Restart();
            var now = clock.GetUtcNow().UtcDateTime;
            var cells = new List<RollupCell>();
            var moduleFacts = await ModuleFactsAsync(programme, period, input, contributors, ct);
            List<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)>? all = null;
            foreach (var moduleId in scopes)
            {
                // A programme with one module has all its enrolments in it: that module's figures are the programme's.
                var figures = moduleId != RollupCell.AllModules && scopes.Count == 2 && all is not null
                    ? all
                    : await FiguresAsync(input, moduleId, period, moduleFacts, aggregations);
                all ??= figures;
                cells.AddRange(figures.Select(c => new RollupCell
                {
                    TenantId = programme.TenantId,
                    ProgrammeId = programme.Id,
                    Period = period.Key,
                    ModuleId = moduleId,
                    Gender = c.Gender,
                    AgeBand = c.AgeBand,
                    Measure = c.Measure,
                    Value = c.Value,
                    N = c.N,
                    RunId = runId,
                    ComputedAt = now,
                }));
            }

            var computed = watch.Elapsed;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Two runs of the same programme can publish at once (two instances, or a nightly and an on-demand run).
            // A no-op update of the programme's row makes the second wait until the first has committed, so that its
            // delete sees the first's cells: without it both would delete the old cells and both insert theirs. On
            // SQLite the write lock already serialises them; on PostgreSQL this is the row lock that does.
            await db.Programmes.Where(p => p.Id == programme.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt), ct);
            await db.RollupCells.Where(c => c.ProgrammeId == programme.Id && c.Period == period.Key).ExecuteDeleteAsync(ct);

            // Written by the bulk writer: the change tracker took about 150 ms for a programme's 1 260 cells.
            await insert.InsertAsync(db, cells, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogInformation("Rollup of programme {ProgrammeId}, period {Period}: {Cells} cells computed in {ComputeMs} ms, published in {PublishMs} ms",
                programme.Id, period.Key, cells.Count, (long)computed.TotalMilliseconds, (long)(watch.Elapsed - computed).TotalMilliseconds);
        }
    }

    /// <summary>
    /// The cells of one scope and period: the host's participant measures, its follow-up measures (counted on two cores
    /// at once) and the modules' measures (named by module, so disjoint from the host's).
    /// </summary>
    private static async Task<List<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)>> FiguresAsync(
        RollupInput input, string moduleId, RollupPeriod period, List<(string ModuleId, List<RollupFact> Facts)> moduleFacts, Dictionary<string, RollupAggregation> aggregations)
    {
        var participants = Task.Run(() => RollupFacts.ForParticipants(input, moduleId, period));
        var followUps = RollupFacts.ForFollowUps(input, moduleId, period);
        var modules = RollupAggregator.Aggregate(moduleFacts.Where(m => moduleId == RollupCell.AllModules || m.ModuleId == moduleId).SelectMany(m => m.Facts), aggregations);
        return [.. await participants, .. followUps, .. modules];
    }

    /// <summary>
    /// The programme's rows, only those a measure can count up to <paramref name="until"/>. Reading them is most of a
    /// run's time and is bound by the CPU (SQLite's and the mapping's), so the four sets are read at once, each on its
    /// own connection on a pool thread: SQLite's async calls run synchronously, so without the pool threads the reads
    /// would follow one another. The sets are then tied together once (each enrolment, outcome and follow-up to its
    /// participant), so that counting looks nothing up.
    /// </summary>
    private async Task<RollupInput> LoadAsync(Programme programme, DateOnly until, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var programmeId = programme.Id;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        // The programme's participations and the tenant's participants are read apart and joined here: SQLite joining
        // them looks up each participant by its text id, which costs several times both scans.
        var participations = ReadAsync("participations", programme.TenantId, (db, ct) => QueryRows.ReadAsync(
                db,
                db.Participations.AsNoTracking().Where(p => p.ProgrammeId == programmeId).Select(p => new
                {
                    p.ParticipantId, FirstStart = (int?)p.FirstStart!.Value.DayNumber, p.Entry.LabourMarketStatus, p.Entry.EducationLevel, p.Entry.ThirdCountryNational,
                    p.Entry.Disability, p.Entry.IncomeSupport,
                }),
                ["ParticipantId", "FirstStart", "LabourMarketStatus", "EducationLevel", "ThirdCountryNational", "Disability", "IncomeSupport"],
                r => (ParticipantId: r.GetGuid(0), FirstStart: r.NullableDay(1), Entry: new ParticipantStatus
                {
                    LabourMarketStatus = r.NullableEnum<LabourMarketStatus>(2),
                    EducationLevel = r.NullableEnum<EducationLevel>(3),
                    ThirdCountryNational = r.NullableBool(4),
                    Disability = r.NullableBool(5),
                    IncomeSupport = r.NullableBool(6),
                }),
                ct),
            ct);
        var participants = ReadAsync("participants", programme.TenantId, (db, ct) => QueryRows.ReadAsync(
                db,
                db.Participants.AsNoTracking().Select(x => new { x.Id, x.Gender, x.BirthYear }),
                ["Id", "Gender", "BirthYear"],
                r => (Id: r.GetGuid(0), Gender: r.Enum<Gender>(1), BirthYear: r.NullableInt(2)),
                ct),
            ct);

        // Module ids repeat on every row: one string each instead of one per row. Dates come as day numbers and states
        // as the one comparison a measure needs (see RollupRows: text columns cost the most to read).
        var enrolments = ReadAsync("enrolments", programme.TenantId, (db, ct) =>
        {
            var moduleIds = new Dictionary<string, string>(StringComparer.Ordinal);
            return QueryRows.ReadAsync(
                db,
                db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId).Select(e => new
                {
                    e.Id, e.ParticipantId, e.ModuleId, Exited = e.Status == EnrolmentStatus.Exited,
                    StartDate = (int?)e.StartDate!.Value.DayNumber, ExitDate = (int?)e.ExitDate!.Value.DayNumber,
                }),
                ["Id", "ParticipantId", "ModuleId", "Exited", "StartDate", "ExitDate"],
                r =>
                {
                    var moduleId = r.GetString(2);
                    if (!moduleIds.TryGetValue(moduleId, out var shared))
                    {
                        moduleIds[moduleId] = shared = moduleId;
                    }

                    return new RollupEnrolment(r.GetGuid(0), r.GetGuid(1), shared, r.GetBoolean(3), r.NullableDay(4), r.NullableDay(5));
                },
                ct);
        }, ct);

        // Only the outcome types a measure counts, written out: a parameterised list would keep SQLite off the index.
        // The tenant's, from the covering index alone; those of other programmes' participants are left out here (a
        // condition on the programme's participations made SQLite look one up for every outcome, three times the scan).
        var outcomes = ReadAsync("outcomes", programme.TenantId, (db, ct) => QueryRows.ReadAsync(
                db,
                db.Outcomes.AsNoTracking()
                    .Where(o => o.Type == OutcomeType.Employed || o.Type == OutcomeType.SelfEmployed || o.Type == OutcomeType.Studies || o.Type == OutcomeType.JobSeeking)
                    .Select(o => new { o.ParticipantId, Studies = o.Type == OutcomeType.Studies, JobSeeking = o.Type == OutcomeType.JobSeeking, Date = o.Date.DayNumber }),
                ["ParticipantId", "Studies", "JobSeeking", "Date"],
                r => (ParticipantId: r.GetGuid(0), Outcome: new RollupOutcome(
                    r.GetBoolean(1) ? RollupOutcomeKind.Studies : r.GetBoolean(2) ? RollupOutcomeKind.JobSeeking : RollupOutcomeKind.Work, r.Day(3))),
                ct),
            ct);

        // Read from the covering index alone (only the states a measure counts); the participant, programme and module
        // of each come from its enrolment in memory rather than from a join that visits every enrolment row.
        var followUps = ReadAsync("follow-ups", programme.TenantId, (db, ct) => QueryRows.ReadAsync(
            db,
            db.FollowUps.AsNoTracking()
                .Where(f => (f.State == FollowUpState.Due || f.State == FollowUpState.Done || f.State == FollowUpState.Missed) && f.DueOn <= until && f.EnrolmentId != null)
                .Select(f => new { EnrolmentId = f.EnrolmentId!.Value, DueOn = f.DueOn.DayNumber, Done = f.State == FollowUpState.Done, Missed = f.State == FollowUpState.Missed }),
            ["EnrolmentId", "DueOn", "Done", "Missed"],
            r => (EnrolmentId: r.GetGuid(0), DueOn: r.Day(1), State: r.GetBoolean(2) ? FollowUpState.Done : r.GetBoolean(3) ? FollowUpState.Missed : FollowUpState.Due),
            ct), ct);

        // Each set is tied to the participants as soon as it and they are read, while the other reads go on.
        var people = PeopleAsync(participations, participants, today);
        var withOutcomes = AttachOutcomesAsync(people, outcomes);
        var enrolmentOwners = AttachEnrolmentsAsync(people, enrolments);
        var programmeFollowUps = await FollowUpsOfAsync(enrolmentOwners, followUps);
        await withOutcomes;
        var byId = await people;
        var programmeEnrolments = await enrolments;
        var input = new RollupInput(byId, programmeEnrolments, programmeFollowUps);
        logger.LogInformation("Rollup of programme {ProgrammeId}: {People} participants, {Enrolments} enrolments, {Outcomes} outcomes and {FollowUps} follow-ups read in {LoadMs} ms",
            programmeId, byId.Count, programmeEnrolments.Count, byId.Values.Sum(p => p.Outcomes.Count), programmeFollowUps.Count, watch.ElapsedMilliseconds);
        return input;
    }

    private static async Task<Dictionary<Guid, RollupPerson>> PeopleAsync(
        Task<List<(Guid ParticipantId, DateOnly? FirstStart, ParticipantStatus Entry)>> participations, Task<List<(Guid Id, Gender Gender, int? BirthYear)>> participants, DateOnly today)
    {
        var genderAndBirthYear = new Dictionary<Guid, (Gender Gender, int? BirthYear)>();
        foreach (var (id, gender, birthYear) in await participants)
        {
            genderAndBirthYear[id] = (gender, birthYear);
        }

        var byId = new Dictionary<Guid, RollupPerson>();
        foreach (var (id, firstStart, entry) in await participations)
        {
            if (genderAndBirthYear.TryGetValue(id, out var person))
            {
                byId[id] = new RollupPerson(id, person.Gender, AgeBands.For(person.BirthYear, (firstStart ?? today).Year), entry);
            }
        }

        return byId;
    }

    private static async Task AttachOutcomesAsync(Task<Dictionary<Guid, RollupPerson>> people, Task<List<(Guid ParticipantId, RollupOutcome Outcome)>> outcomes)
    {
        var byId = await people;
        foreach (var (participantId, outcome) in await outcomes)
        {
            if (byId.TryGetValue(participantId, out var person))
            {
                person.Outcomes.Add(outcome);
            }
        }
    }

    /// <summary>Gives each participant their enrolments (counting takes them person by person) and returns each enrolment's participant and module.</summary>
    private static async Task<Dictionary<Guid, (RollupPerson Person, string ModuleId)>> AttachEnrolmentsAsync(Task<Dictionary<Guid, RollupPerson>> people, Task<List<RollupEnrolment>> enrolments)
    {
        var byId = await people;
        var all = await enrolments;
        var owners = new Dictionary<Guid, (RollupPerson, string)>(all.Count);
        foreach (var enrolment in all)
        {
            if (byId.GetValueOrDefault(enrolment.ParticipantId) is { } person)
            {
                person.Enrolments.Add(enrolment);
                owners[enrolment.Id] = (person, enrolment.ModuleId);
            }
        }

        return owners;
    }

    /// <summary>The follow-ups of the programme's enrolments, each with its enrolment's participant and module.</summary>
    private static async Task<List<RollupFollowUp>> FollowUpsOfAsync(
        Task<Dictionary<Guid, (RollupPerson Person, string ModuleId)>> enrolmentOwners, Task<List<(Guid EnrolmentId, DateOnly DueOn, FollowUpState State)>> followUps)
    {
        var owners = await enrolmentOwners;
        var all = await followUps;
        var result = new List<RollupFollowUp>(all.Count);
        foreach (var f in all)
        {
            if (owners.TryGetValue(f.EnrolmentId, out var owner))
            {
                result.Add(new RollupFollowUp(owner.Person, owner.ModuleId, f.DueOn, f.State));
            }
        }

        return result;
    }

    /// <summary>Runs one read on a pool thread with a context of its own, for the programme's tenant.</summary>
    private Task<T> ReadAsync<T>(string what, Guid tenantId, Func<IntegrationDbContext, CancellationToken, Task<T>> read, CancellationToken ct) => Task.Run(
        async () =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var reader = scope.BeginLifetimeScope();
            reader.Resolve<CurrentTenant>().Use(tenantId);
            var result = await read(reader.Resolve<IntegrationDbContext>(), ct);
            logger.LogDebug("Rollup read of {What}: {ReadMs} ms", what, watch.ElapsedMilliseconds);
            return result;
        },
        ct);

    /// <summary>The contributors of the programme's modules that are loaded and enabled for the tenant.</summary>
    private async Task<List<IRollupContributor>> ContributorsAsync(Programme programme, CancellationToken ct)
    {
        var enabled = await enablement.EnabledModulesAsync(programme.TenantId, ct);
        return scope.Resolve<IEnumerable<IRollupContributor>>()
            .Where(c => programme.ModuleIds.Contains(c.ModuleId) && enabled.Contains(c.ModuleId) && catalog.IsAvailable(c.ModuleId))
            .ToList();
    }

    /// <summary>
    /// The modules' facts for the period, with gender and age band filled in from the host's records for facts about a
    /// participant, and limited to the contributor's own measures.
    /// </summary>
    private static async Task<List<(string ModuleId, List<RollupFact> Facts)>> ModuleFactsAsync(
        Programme programme, RollupPeriod period, RollupInput input, List<IRollupContributor> contributors, CancellationToken ct)
    {
        var result = new List<(string, List<RollupFact>)>();
        foreach (var contributor in contributors)
        {
            var participants = input.Enrolments.Where(e => e.ModuleId == contributor.ModuleId && e.StartDate is not null).Select(e => e.ParticipantId).ToHashSet();
            var scope = new RollupScope(programme.TenantId, programme.Id, period.From, period.To, participants);
            var measures = contributor.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var facts = new List<RollupFact>();
            await foreach (var fact in contributor.GetFactsAsync(scope, ct))
            {
                if (!measures.Contains(fact.MeasureId))
                {
                    continue;
                }

                if (fact.ParticipantId is { } id)
                {
                    if (!input.People.TryGetValue(id, out var person))
                    {
                        continue;
                    }

                    facts.Add(fact with { Gender = person.Gender, AgeBand = person.AgeBand });
                }
                else
                {
                    facts.Add(fact with { Gender = fact.Gender ?? Gender.NotStated, AgeBand = fact.AgeBand ?? AgeBand.Unknown });
                }
            }

            result.Add((contributor.ModuleId, facts));
        }

        return result;
    }
}
