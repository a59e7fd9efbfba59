using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Reports;
using Tagwatch.Application.Tags;
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

/// <summary>
/// The concrete stores and services of one SQLite database, composed with <c>AddTagwatchApplication</c> and
/// <c>AddTagwatchSqlite</c>, for the storage tests, the test servers' seeding and the benchmarks that measure the stores
/// themselves. No door uses it: the server, the console and their use cases resolve Application interfaces (a test scans
/// the product's assemblies for it).
/// </summary>
public sealed class TagwatchServices
{
    private readonly IServiceProvider _provider;
    private readonly TimeProvider _clock;

    /// <summary>Composes every store and service on <paramref name="database"/>, taking time from <paramref name="clock"/>
    /// and judging fixes by <paramref name="quality"/> (the defaults when null).</summary>
    public TagwatchServices(TagwatchDatabase database, TimeProvider clock, FixQualityRules? quality = null)
        : this(Compose(database, clock, quality))
    {
    }

    /// <summary>The services a container composed with <c>AddTagwatchApplication</c> and <c>AddTagwatchSqlite</c> holds.</summary>
    public TagwatchServices(IServiceProvider provider)
    {
        _provider = provider;
        _clock = provider.GetRequiredService<TimeProvider>();
        Database = Get<TagwatchDatabase>();
        Quality = Get<FixQualityRules>();
        Fixes = Get<SqliteFixStore>();
        Tags = Get<EfTagDirectory>();
        Crimes = Get<EfCrimeStore>();
        OffenderStore = Get<EfOffenderStore>();
        Offenders = Get<OffenderService>();
        FixImporter = Get<FixImporter>();
        CrimeImporter = Get<CrimeImporter>();
        Matches = Get<EfCorrelationStore>();
        Trails = Get<TrailLoader>();
        FixGrids = Get<SqliteFixGrids>();
        StrictCorrelation = Get<StrictCorrelation>();
        Searches = Get<EfLocationSearchLog>();
        Near = Get<NearQuery>();
        Ingest = Get<SqliteIngestStore>();
        Credentials = Get<EfDeviceCredentialStore>();
        Conditions = Get<EfConditionStore>();
        Alerts = Get<EfAlertStore>();
        AlertDesk = Get<AlertDesk>();
        Audit = Get<SqliteAuditLog>();
        Fitting = Get<TagFitting>();
        PendingWork = Get<EfPendingCorrelationStore>();
        ScoredCorrelation = Get<ScoredCorrelation>();
        PendingCorrelation = Get<PendingCorrelation>();
        Review = Get<MatchReview>();
        SchemeSummary = Get<SchemeSummaryReport>();
        RetentionStore = Get<SqliteRetentionStore>();
        MonitoringOptions = Get<MonitoringOptions>();
        Monitor = Get<LicenceMonitor>();
        Maintenance = Get<IStoreMaintenance>();
        Health = Get<IStoreHealth>();
    }

    /// <summary>The container these services came from.</summary>
    public IServiceProvider Provider => _provider;

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

    public MonitoringOptions MonitoringOptions { get; }

    /// <summary>Accounts and tokens.</summary>
    public UserAccounts Accounts => Get<UserAccounts>();

    /// <summary>Account changes that widen scope, with a second administrator's approval when <paramref name="requireSecondApproval"/>.</summary>
    public AccountApprovals Approvals(bool requireSecondApproval) => new(Audit, Get<UserAccountChanges>(), requireSecondApproval);

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

    /// <summary>The licence monitor.</summary>
    public LicenceMonitor Monitor { get; }

    /// <summary>Opens (creating or migrating) the database at <paramref name="path"/> and composes the services on it.</summary>
    public static async Task<TagwatchServices> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken = default) =>
        new(await TagwatchDatabase.OpenAsync(path, cancellationToken), clock);

    /// <summary>Opens the database at <paramref name="path"/> as <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>
    /// does, judging fixes by <paramref name="quality"/>.</summary>
    public static async Task<TagwatchServices> OpenAsync(string path, TimeProvider clock, FixQualityRules quality, CancellationToken cancellationToken = default) =>
        new(await TagwatchDatabase.OpenAsync(path, cancellationToken), clock, quality);

    private T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    private static ServiceProvider Compose(TagwatchDatabase database, TimeProvider clock, FixQualityRules? quality)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(quality ?? new FixQualityRules());
        services.AddTagwatchApplication();
        services.AddTagwatchSqlite(database);
        return services.BuildServiceProvider();
    }
}
