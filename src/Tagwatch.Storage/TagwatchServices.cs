using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Reports;
using Tagwatch.Application.Simulation;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Boroughs;
using Tagwatch.Storage.Accounts;
using Tagwatch.Storage.Audit;
using Tagwatch.Storage.Correlation;
using Tagwatch.Storage.Crimes;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Ingest;
using Tagwatch.Storage.Monitoring;
using Tagwatch.Storage.Retention;
using Tagwatch.Storage.Offenders;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Storage;

/// <summary>The application's stores and services composed on one database: the one place they are wired together.</summary>
public sealed class TagwatchServices
{
    private readonly Lazy<UserAccounts> _accounts;
    private readonly TimeProvider _clock;

    /// <summary>Composes every store and service on <paramref name="database"/>, taking time from <paramref name="clock"/>
    /// and judging fixes by <paramref name="quality"/> (the defaults when null).</summary>
    public TagwatchServices(TagwatchDatabase database, TimeProvider clock, FixQualityRules? quality = null)
    {
        Database = database;
        Quality = quality ?? new FixQualityRules();
        _accounts = new Lazy<UserAccounts>(() => UserAccounts.Create(database, clock));
        Fixes = new SqliteFixStore(database);
        Tags = new EfTagDirectory(database, clock);
        Crimes = new EfCrimeStore(database);
        OffenderStore = new EfOffenderStore(database);
        Offenders = new OffenderService(OffenderStore, BoroughMap.London, clock);
        FixImporter = new FixImporter(Fixes, Tags, Quality);
        CrimeImporter = new CrimeImporter(Crimes, BoroughMap.London, clock);
        SimulationLoader = new SimulationLoader(Offenders, OffenderStore, Tags, Fixes, CrimeImporter, Quality);
        Matches = new EfCorrelationStore(database);
        Trails = new TrailLoader(Fixes, Tags, Quality.Accuracy);
        FixGrids = new SqliteFixGrids(database);
        StrictCorrelation = new StrictCorrelation(Crimes, FixGrids);
        Searches = new EfLocationSearchLog(database);
        Near = new NearQuery(FixGrids, Tags, OffenderStore, Searches, clock);
        Ingest = new SqliteIngestStore(database);
        Credentials = new EfDeviceCredentialStore(database, clock);
        Conditions = new EfConditionStore(database, clock);
        Alerts = new EfAlertStore(database);
        AlertDesk = new AlertDesk(Alerts, clock);
        Audit = new SqliteAuditLog(database, clock);
        Fitting = new TagFitting(Tags, Fixes, Audit);
        PendingWork = new EfPendingCorrelationStore(database);
        ScoredCorrelation = new ScoredCorrelation(Crimes, OffenderStore, Tags, Trails, Matches, PendingWork, Audit, clock);
        PendingCorrelation = new PendingCorrelation(ScoredCorrelation, PendingWork, Matches);
        Review = new MatchReview(Matches, Audit, clock);
        SchemeSummary = new SchemeSummaryReport(Offenders, Alerts, Matches);
        RetentionStore = new SqliteRetentionStore(database, FixGrids);
        var maintenance = new SqliteStoreMaintenance(database);
        Maintenance = maintenance;
        Health = maintenance;
        _clock = clock;
        Monitor = new LicenceMonitor(Conditions, Alerts, Fixes, Tags, Ingest, MonitoringOptions, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<LicenceMonitor>.Instance);
    }

    public TagwatchDatabase Database { get; }

    /// <summary>The store's background housekeeping (checkpoints).</summary>
    public IStoreMaintenance Maintenance { get; }

    /// <summary>Whether the store answers (readiness).</summary>
    public IStoreHealth Health { get; }

    /// <summary>How fixes are flagged and, where the device reports no accuracy, given an estimated one.</summary>
    public FixQualityRules Quality { get; }

    public SqliteFixStore Fixes { get; }

    public EfTagDirectory Tags { get; }

    /// <summary>Fitting tags as people record it: refused over stored fixes unless made as an audited correction.</summary>
    public TagFitting Fitting { get; }

    public EfCrimeStore Crimes { get; }

    public EfOffenderStore OffenderStore { get; }

    public OffenderService Offenders { get; }

    public FixImporter FixImporter { get; }

    public CrimeImporter CrimeImporter { get; }

    public SimulationLoader SimulationLoader { get; }

    public EfCorrelationStore Matches { get; }

    public TrailLoader Trails { get; }

    public StrictCorrelation StrictCorrelation { get; }

    /// <summary>The fix store's day grids (strict correlation's index).</summary>
    public SqliteFixGrids FixGrids { get; }

    public ScoredCorrelation ScoredCorrelation { get; }

    /// <summary>The durable queue of correlation work waiting (fix spans, crimes).</summary>
    public EfPendingCorrelationStore PendingWork { get; }

    /// <summary>Does the correlation work waiting; resumes what a crash left.</summary>
    public PendingCorrelation PendingCorrelation { get; }

    public EfLocationSearchLog Searches { get; }

    public NearQuery Near { get; }

    public SqliteIngestStore Ingest { get; }

    public EfDeviceCredentialStore Credentials { get; }

    public EfConditionStore Conditions { get; }

    public EfAlertStore Alerts { get; }

    public AlertDesk AlertDesk { get; }

    public MonitoringOptions MonitoringOptions { get; } = new();

    /// <summary>Accounts and tokens (built on first use: it carries its own Identity container).</summary>
    public UserAccounts Accounts => _accounts.Value;

    /// <summary>Account changes that widen scope, with a second administrator's approval when <paramref name="requireSecondApproval"/>.</summary>
    public AccountApprovals Approvals(bool requireSecondApproval) => new(Audit, new UserAccountChanges(Accounts), requireSecondApproval);

    /// <summary>The evaluation report, small counts withheld.</summary>
    public SchemeSummaryReport SchemeSummary { get; }

    /// <summary>The hash-chained audit log.</summary>
    public SqliteAuditLog Audit { get; }

    /// <summary>Match review, disclosure and outcomes, audited.</summary>
    public MatchReview Review { get; }

    /// <summary>Deletion past retention and legal holds.</summary>
    public SqliteRetentionStore RetentionStore { get; }

    /// <summary>The retention use case under <paramref name="policy"/>.</summary>
    public Application.Retention.RetentionRun Retention(Application.Retention.RetentionPolicy policy) => new(RetentionStore, Audit, policy, _clock);

    /// <summary>Stages a demo pilot in the present (conditions, alerts, matches under review); <paramref name="clock"/>
    /// must be the clock these services were opened with, as staging holds it at the times each step happened.</summary>
    /// <exception cref="ArgumentException">The services run on another clock.</exception>
    public PilotStaging Staging(ReplayClock clock) =>
        ReferenceEquals(clock, _clock)
            ? new PilotStaging(OffenderStore, Conditions, Monitor, Alerts, AlertDesk, ScoredCorrelation, Matches, Review, clock)
            : throw new ArgumentException("Open the services on the replay clock to stage a pilot with it.", nameof(clock));

    /// <summary>The licence monitor for one-off use (CLI); the server builds its own with logging.</summary>
    public LicenceMonitor Monitor { get; }

    /// <summary>Opens (creating or migrating) the database at <paramref name="path"/> and composes the services on it.</summary>
    public static async Task<TagwatchServices> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken = default) =>
        new(await TagwatchDatabase.OpenAsync(path, cancellationToken), clock);

    /// <summary>Opens the database at <paramref name="path"/> as <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>
    /// does, judging fixes by <paramref name="quality"/>.</summary>
    public static async Task<TagwatchServices> OpenAsync(string path, TimeProvider clock, FixQualityRules quality, CancellationToken cancellationToken = default) =>
        new(await TagwatchDatabase.OpenAsync(path, cancellationToken), clock, quality);
}
