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
            db.RollupCells.AddRange(cells);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogInformation("Rollup of programme {ProgrammeId}, period {Period}: {Cells} cells computed in {ComputeMs} ms, published in {PublishMs} ms",
                programme.Id, period.Key, cells.Count, (long)computed.TotalMilliseconds, (long)(watch.Elapsed - computed).TotalMilliseconds);
        }
    }

    /// <summary>
    /// The cells of one scope and period. Participant and follow-up measures are disjoint, so their facts are aggregated
    /// on two cores at once and the cells put together; the modules' measures (named by module) go with the first.
    /// </summary>
    private static async Task<List<(Gender? Gender, AgeBand? AgeBand, string Measure, decimal Value, int N)>> FiguresAsync(
        RollupInput input, string moduleId, RollupPeriod period, List<(string ModuleId, List<RollupFact> Facts)> moduleFacts, Dictionary<string, RollupAggregation> aggregations)
    {
        var participants = Task.Run(() => RollupAggregator.Aggregate(
            RollupFacts.ForParticipants(input, moduleId, period).Concat(moduleFacts.Where(m => moduleId == RollupCell.AllModules || m.ModuleId == moduleId).SelectMany(m => m.Facts)),
            aggregations).ToList());
        var followUps = Task.Run(() => RollupAggregator.Aggregate(RollupFacts.ForFollowUps(input, moduleId, period), aggregations).ToList());
        return [.. await participants, .. await followUps];
    }

    /// <summary>
    /// The programme's rows, only those a measure can count up to <paramref name="until"/>. Reading them is most of a
    /// run's time and is bound by the CPU (SQLite's and the materialisation's), so the four sets are read at once, each
    /// on its own connection on a pool thread: SQLite's async calls run synchronously, so without the pool threads the
    /// reads would follow one another.
    /// </summary>
    private async Task<RollupInput> LoadAsync(Programme programme, DateOnly until, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var programmeId = programme.Id;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var people = ReadAsync("participants", programme.TenantId, async (db, ct) => (await RollupRows.ReadAsync(
                db,
                db.Participations.AsNoTracking().Where(p => p.ProgrammeId == programmeId)
                    .Join(db.Participants, p => p.ParticipantId, x => x.Id, (p, x) => new
                    {
                        p.ParticipantId, p.FirstStart, x.Gender, x.BirthYear, p.Entry.LabourMarketStatus, p.Entry.EducationLevel,
                        p.Entry.ThirdCountryNational, p.Entry.Disability, p.Entry.IncomeSupport,
                    }),
                ["ParticipantId", "FirstStart", "Gender", "BirthYear", "LabourMarketStatus", "EducationLevel", "ThirdCountryNational", "Disability", "IncomeSupport"],
                r => (Id: r.GetGuid(0), FirstStart: r.NullableDate(1), Gender: r.Enum<Gender>(2), BirthYear: r.NullableInt(3), Entry: new ParticipantStatus
                {
                    LabourMarketStatus = r.NullableEnum<LabourMarketStatus>(4),
                    EducationLevel = r.NullableEnum<EducationLevel>(5),
                    ThirdCountryNational = r.NullableBool(6),
                    Disability = r.NullableBool(7),
                    IncomeSupport = r.NullableBool(8),
                }),
                ct))
            .ToDictionary(p => p.Id, p => new RollupPerson(p.Id, p.Gender, AgeBands.For(p.BirthYear, (p.FirstStart ?? today).Year), p.Entry)), ct);

        // Module ids repeat on every row: one string each instead of one per row.
        var enrolments = ReadAsync("enrolments", programme.TenantId, (db, ct) =>
        {
            var moduleIds = new Dictionary<string, string>(StringComparer.Ordinal);
            return RollupRows.ReadAsync(
                db,
                db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId).Select(e => new { e.Id, e.ParticipantId, e.ModuleId, e.Status, e.StartDate, e.ExitDate }),
                ["Id", "ParticipantId", "ModuleId", "Status", "StartDate", "ExitDate"],
                r =>
                {
                    var moduleId = r.GetString(2);
                    if (!moduleIds.TryGetValue(moduleId, out var shared))
                    {
                        moduleIds[moduleId] = shared = moduleId;
                    }

                    return new RollupEnrolment(r.GetGuid(0), r.GetGuid(1), shared, r.Enum<EnrolmentStatus>(3), r.NullableDate(4), r.NullableDate(5));
                },
                ct);
        }, ct);

        // Only the outcome types a measure counts, written out: a parameterised list would keep SQLite off the index.
        var outcomes = ReadAsync("outcomes", programme.TenantId, async (db, ct) => (await RollupRows.ReadAsync(
                db,
                db.Outcomes.AsNoTracking()
                    .Where(o => (o.Type == OutcomeType.Employed || o.Type == OutcomeType.SelfEmployed || o.Type == OutcomeType.Studies || o.Type == OutcomeType.JobSeeking)
                        && db.Participations.Any(p => p.ProgrammeId == programmeId && p.ParticipantId == o.ParticipantId))
                    .Select(o => new { o.ParticipantId, o.Type, o.Date }),
                ["ParticipantId", "Type", "Date"],
                r => (ParticipantId: r.GetGuid(0), Outcome: new RollupOutcome(r.Enum<OutcomeType>(1), r.GetFieldValue<DateOnly>(2))),
                ct))
            .GroupBy(o => o.ParticipantId).ToDictionary(g => g.Key, g => g.Select(o => o.Outcome).ToList()), ct);

        // Read from the covering index alone (only the states a measure counts); the programme and module of each come
        // from the enrolments in memory rather than from a join that visits every enrolment row.
        var followUps = ReadAsync("follow-ups", programme.TenantId, (db, ct) => RollupRows.ReadAsync(
            db,
            db.FollowUps.AsNoTracking()
                .Where(f => (f.State == FollowUpState.Due || f.State == FollowUpState.Done || f.State == FollowUpState.Missed) && f.DueOn <= until && f.EnrolmentId != null)
                .Select(f => new { EnrolmentId = f.EnrolmentId!.Value, f.ParticipantId, f.DueOn, f.State }),
            ["EnrolmentId", "ParticipantId", "DueOn", "State"],
            r => (EnrolmentId: r.GetGuid(0), ParticipantId: r.GetGuid(1), DueOn: r.GetFieldValue<DateOnly>(2), State: r.Enum<FollowUpState>(3)),
            ct), ct);

        await Task.WhenAll(people, enrolments, outcomes, followUps);
        var modules = enrolments.Result.ToDictionary(e => e.Id, e => e.ModuleId);
        var input = new RollupInput(
            people.Result,
            enrolments.Result,
            outcomes.Result,
            followUps.Result.Where(f => modules.ContainsKey(f.EnrolmentId)).Select(f => new RollupFollowUp(f.ParticipantId, modules[f.EnrolmentId], f.DueOn, f.State)).ToList());
        logger.LogInformation("Rollup of programme {ProgrammeId}: {People} participants, {Enrolments} enrolments, {Outcomes} outcomes' participants and {FollowUps} follow-ups read in {LoadMs} ms",
            programmeId, input.People.Count, input.Enrolments.Count, input.Outcomes.Count, input.FollowUps.Count, watch.ElapsedMilliseconds);
        return input;
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
