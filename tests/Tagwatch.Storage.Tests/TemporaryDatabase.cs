using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests;

/// <summary>A fresh database of either kind (<see cref="TestStore"/>) with the product's services on it and a fake clock
/// (1 March 2019, noon UTC); deleted (or dropped) on dispose.</summary>
internal sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly TagwatchServices _services;

    private TemporaryDatabase(TestDatabase database, TagwatchServices services)
    {
        _database = database;
        _services = services;
    }

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The scratch folder of the SQLite file (or of the PostgreSQL node's caches).</summary>
    public string Directory => _database.Directory;

    /// <summary>Which database the test runs on.</summary>
    public StoreKind Kind => _database.Kind;

    /// <summary>The services' clock, to move time forward in a test.</summary>
    public FakeTimeProvider Clock { get; private init; } = NewClock();

    public ITagwatchDatabase Database => _services.Database;

    /// <summary>The SQLite file, for the tests of what only SQLite has; fails on PostgreSQL.</summary>
    public TagwatchDatabase Sqlite => _services.Sqlite;

    public IFixStore Fixes => _services.Fixes;

    public ITagDirectory Tags => _services.Tags;

    public ICrimeStore Crimes => _services.Crimes;

    public TagFitting Fitting => _services.Fitting;

    public Application.Correlation.IPendingCorrelationStore PendingWork => _services.PendingWork;

    public IOffenderStore OffenderStore => _services.OffenderStore;

    public OffenderService Offenders => _services.Offenders;

    public FixImporter FixImporter => _services.FixImporter;

    public CrimeImporter CrimeImporter => _services.CrimeImporter;

    public Application.Correlation.ScoredCorrelation ScoredCorrelation => _services.ScoredCorrelation;

    public Application.Correlation.StrictCorrelation StrictCorrelation => _services.StrictCorrelation;

    public IFixGrids FixGrids => _services.FixGrids;

    /// <summary>Loads simulated pilots, the test data of the grid and correlation tests.</summary>
    public Tagwatch.Simulation.SimulationLoader SimulationLoader =>
        new(_services.Offenders, _services.OffenderStore, _services.Tags, _services.Fixes, _services.Ingest, _services.CrimeImporter, _services.Quality);

    public Application.Correlation.TrailLoader Trails => _services.Trails;

    public Application.Correlation.ICorrelationStore Matches => _services.Matches;

    public Application.Correlation.MatchReview Review => _services.Review;

    public Application.Correlation.NearQuery Near => _services.Near;

    public Application.Correlation.ILocationSearchLog Searches => _services.Searches;

    public Application.Ingest.IIngestStore Ingest => _services.Ingest;

    public Application.Monitoring.IPendingMonitoringStore PendingMonitoring => _services.PendingMonitoring;

    public IDeviceCredentialStore Credentials => _services.Credentials;

    public FixQualityRules Quality => _services.Quality;

    /// <summary>Accounts and tokens on this database, on the services' clock.</summary>
    public Storage.Accounts.UserAccounts Accounts => _services.Accounts;

    public Application.Monitoring.IConditionStore Conditions => _services.Conditions;

    public Application.Monitoring.IAlertStore Alerts => _services.Alerts;

    public Application.Monitoring.AlertDesk AlertDesk => _services.AlertDesk;

    public Application.Monitoring.LicenceMonitor Monitor => _services.Monitor;

    public Application.Audit.IAuditLog Audit => _services.Audit;

    public Application.Retention.IRetentionStore RetentionStore => _services.RetentionStore;

    public Application.Retention.RetentionRun Retention(Application.Retention.RetentionPolicy policy) => _services.Retention(policy);

    /// <summary>The SQLite file's path (SQLite only).</summary>
    public string Path => Sqlite.Path;

    /// <summary>A fresh database of the kind the test assembly runs on (<see cref="TestStore.Default"/>).</summary>
    public static Task<TemporaryDatabase> CreateAsync(FixQualityRules? quality = null) => CreateAsync(TestStore.Default, quality);

    /// <summary>A fresh database of <paramref name="kind"/>.</summary>
    public static async Task<TemporaryDatabase> CreateAsync(StoreKind kind, FixQualityRules? quality = null)
    {
        var database = await TestStore.CreateAsync(kind, fileName: "test.db");
        var clock = NewClock();
        return new TemporaryDatabase(database, new TagwatchServices(database.Database, clock, quality ?? new())) { Clock = clock };
    }

    /// <summary>A second, independent handle on the same SQLite file, as a restarted process would have.</summary>
    public async Task<TagwatchDatabase> ReopenAsync()
    {
        SqliteConnection.ClearAllPools();
        return await TagwatchDatabase.OpenAsync(Path);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
