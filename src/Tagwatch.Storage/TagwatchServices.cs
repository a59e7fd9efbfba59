using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Reports;
using Tagwatch.Application.Retention;
using Tagwatch.Application.Tags;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Storage;

/// <summary>
/// The stores and services of one database (SQLite or PostgreSQL), composed with <c>AddTagwatchApplication</c> and the
/// database's own <see cref="ITagwatchDatabase.AddStores"/>, for the storage tests, the test servers' seeding and the
/// benchmarks that measure the stores themselves. Each is resolved when first asked for, so a database that lacks a
/// store fails only where it is used. No door uses it: the server, the console and their use cases resolve Application
/// interfaces (a test scans the product's assemblies for it).
/// </summary>
public sealed class TagwatchServices
{
    private readonly IServiceProvider _provider;
    private readonly TimeProvider _clock;

    /// <summary>Composes every store and service on <paramref name="database"/>, taking time from <paramref name="clock"/>
    /// and judging fixes by <paramref name="quality"/> (the defaults when null).</summary>
    public TagwatchServices(ITagwatchDatabase database, TimeProvider clock, FixQualityRules? quality = null)
        : this(Compose(database, clock, quality))
    {
    }

    /// <summary>The services a container composed with <c>AddTagwatchApplication</c> and a database's stores holds.</summary>
    public TagwatchServices(IServiceProvider provider)
    {
        _provider = provider;
        _clock = provider.GetRequiredService<TimeProvider>();
        Database = provider.GetService<ITagwatchDatabase>() ?? (ITagwatchDatabase)Get<IRelationalDatabase>();
    }

    /// <summary>The container these services came from.</summary>
    public IServiceProvider Provider => _provider;

    /// <summary>The database these services are composed on (SQLite or PostgreSQL).</summary>
    public ITagwatchDatabase Database { get; }

    /// <summary>The SQLite file, for what only SQLite has (its path, checkpoints); fails on another database.</summary>
    public TagwatchDatabase Sqlite => Database as TagwatchDatabase
        ?? throw new InvalidOperationException($"These services run on {Database.Description}, not on a SQLite file.");

    /// <summary>The store's background housekeeping (checkpoints).</summary>
    public IStoreMaintenance Maintenance => Get<IStoreMaintenance>();

    /// <summary>Whether the store answers (readiness).</summary>
    public IStoreHealth Health => Get<IStoreHealth>();

    /// <summary>How fixes are flagged and, where the device reports no accuracy, given an estimated one.</summary>
    public FixQualityRules Quality => Get<FixQualityRules>();

    public IFixStore Fixes => Get<IFixStore>();

    public ITagDirectory Tags => Get<ITagDirectory>();

    /// <summary>Fitting tags as people record it: refused over stored fixes unless made as an audited correction.</summary>
    public TagFitting Fitting => Get<TagFitting>();

    public ICrimeStore Crimes => Get<ICrimeStore>();

    public IOffenderStore OffenderStore => Get<IOffenderStore>();

    public OffenderService Offenders => Get<OffenderService>();

    public FixImporter FixImporter => Get<FixImporter>();

    public CrimeImporter CrimeImporter => Get<CrimeImporter>();

    public ICorrelationStore Matches => Get<ICorrelationStore>();

    public TrailLoader Trails => Get<TrailLoader>();

    public StrictCorrelation StrictCorrelation => Get<StrictCorrelation>();

    /// <summary>The fix store's day grids (strict correlation's index).</summary>
    public IFixGrids FixGrids => Get<IFixGrids>();

    public ScoredCorrelation ScoredCorrelation => Get<ScoredCorrelation>();

    /// <summary>The durable queue of correlation work waiting (fix spans, crimes).</summary>
    public IPendingCorrelationStore PendingWork => Get<IPendingCorrelationStore>();

    /// <summary>Licence monitoring recorded with each ingest commit and not yet done.</summary>
    public IPendingMonitoringStore PendingMonitoring => Get<IPendingMonitoringStore>();

    /// <summary>Does the correlation work waiting; resumes what a crash left.</summary>
    public PendingCorrelation PendingCorrelation => Get<PendingCorrelation>();

    public ILocationSearchLog Searches => Get<ILocationSearchLog>();

    public NearQuery Near => Get<NearQuery>();

    public IIngestStore Ingest => Get<IIngestStore>();

    public IDeviceCredentialStore Credentials => Get<IDeviceCredentialStore>();

    public IConditionStore Conditions => Get<IConditionStore>();

    public IAlertStore Alerts => Get<IAlertStore>();

    public AlertDesk AlertDesk => Get<AlertDesk>();

    public MonitoringOptions MonitoringOptions => Get<MonitoringOptions>();

    /// <summary>Accounts and tokens.</summary>
    public UserAccounts Accounts => Get<UserAccounts>();

    /// <summary>Account changes that widen scope, with a second administrator's approval when <paramref name="requireSecondApproval"/>.</summary>
    public AccountApprovals Approvals(bool requireSecondApproval) => new(Audit, Get<UserAccountChanges>(), requireSecondApproval);

    /// <summary>The evaluation report, small counts withheld.</summary>
    public SchemeSummaryReport SchemeSummary => Get<SchemeSummaryReport>();

    /// <summary>The hash-chained audit log.</summary>
    public IAuditLog Audit => Get<IAuditLog>();

    /// <summary>Match review, disclosure and outcomes, audited.</summary>
    public MatchReview Review => Get<MatchReview>();

    /// <summary>Deletion past retention and legal holds.</summary>
    public IRetentionStore RetentionStore => Get<IRetentionStore>();

    /// <summary>The retention use case under <paramref name="policy"/>.</summary>
    public Application.Retention.RetentionRun Retention(Application.Retention.RetentionPolicy policy) => new(RetentionStore, Audit, policy, _clock);

    /// <summary>The licence monitor.</summary>
    public LicenceMonitor Monitor => Get<LicenceMonitor>();

    /// <summary>Opens (creating or migrating) the database at <paramref name="path"/> and composes the services on it.</summary>
    public static async Task<TagwatchServices> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken = default) =>
        new(await TagwatchDatabase.OpenAsync(path, cancellationToken), clock);

    /// <summary>Opens the database at <paramref name="path"/> as <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>
    /// does, judging fixes by <paramref name="quality"/>.</summary>
    public static async Task<TagwatchServices> OpenAsync(string path, TimeProvider clock, FixQualityRules quality, CancellationToken cancellationToken = default) =>
        new(await TagwatchDatabase.OpenAsync(path, cancellationToken), clock, quality);

    private T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    private static ServiceProvider Compose(ITagwatchDatabase database, TimeProvider clock, FixQualityRules? quality)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(quality ?? new FixQualityRules());
        services.AddTagwatchApplication();
        database.AddStores(services);
        services.AddSingleton(database);
        return services.BuildServiceProvider();
    }
}
