using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Offenders;
using Tagwatch.Storage.Crimes;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Offenders;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Storage.Tests;

/// <summary>A real SQLite file in a fresh temporary folder, with the product's services on it and a fake clock
/// (1 March 2019, noon UTC); deleted on dispose.</summary>
internal sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly TagwatchServices _services;

    private TemporaryDatabase(string directory, TagwatchServices services)
    {
        Directory = directory;
        _services = services;
    }

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public string Directory { get; }

    /// <summary>The services' clock, to move time forward in a test.</summary>
    public FakeTimeProvider Clock { get; private init; } = NewClock();

    public TagwatchDatabase Database => _services.Database;

    public SqliteFixStore Fixes => _services.Fixes;

    public EfTagDirectory Tags => _services.Tags;

    public EfCrimeStore Crimes => _services.Crimes;

    public Application.Tags.TagFitting Fitting => _services.Fitting;

    public Storage.Correlation.EfPendingCorrelationStore PendingWork => _services.PendingWork;

    public EfOffenderStore OffenderStore => _services.OffenderStore;

    public OffenderService Offenders => _services.Offenders;

    public FixImporter FixImporter => _services.FixImporter;

    public CrimeImporter CrimeImporter => _services.CrimeImporter;

    public Application.Correlation.ScoredCorrelation ScoredCorrelation => _services.ScoredCorrelation;

    public Application.Correlation.StrictCorrelation StrictCorrelation => _services.StrictCorrelation;

    public SqliteFixGrids FixGrids => _services.FixGrids;

    /// <summary>Loads simulated pilots, the test data of the grid and correlation tests.</summary>
    public Tagwatch.Simulation.SimulationLoader SimulationLoader =>
        new(_services.Offenders, _services.OffenderStore, _services.Tags, _services.Fixes, _services.CrimeImporter, _services.Quality);

    public Application.Correlation.TrailLoader Trails => _services.Trails;

    public Storage.Correlation.EfCorrelationStore Matches => _services.Matches;

    public Application.Correlation.MatchReview Review => _services.Review;

    public Application.Correlation.NearQuery Near => _services.Near;

    public Storage.Correlation.EfLocationSearchLog Searches => _services.Searches;

    public Storage.Ingest.SqliteIngestStore Ingest => _services.Ingest;

    public EfDeviceCredentialStore Credentials => _services.Credentials;

    public Application.Fixes.FixQualityRules Quality => _services.Quality;

    public Storage.Monitoring.EfConditionStore Conditions => _services.Conditions;

    public Storage.Monitoring.EfAlertStore Alerts => _services.Alerts;

    public Application.Monitoring.AlertDesk AlertDesk => _services.AlertDesk;

    public Application.Monitoring.LicenceMonitor Monitor => _services.Monitor;

    public Storage.Audit.SqliteAuditLog Audit => _services.Audit;

    public Storage.Retention.SqliteRetentionStore RetentionStore => _services.RetentionStore;

    public Application.Retention.RetentionRun Retention(Application.Retention.RetentionPolicy policy) => _services.Retention(policy);

    public string Path => Database.Path;

    public static async Task<TemporaryDatabase> CreateAsync(Application.Fixes.FixQualityRules? quality = null)
    {
        string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tagwatch-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var clock = NewClock();
        return new TemporaryDatabase(directory, await TagwatchServices.OpenAsync(System.IO.Path.Combine(directory, "test.db"), clock, quality ?? new())) { Clock = clock };
    }

    /// <summary>A second, independent handle on the same file, as a restarted process would have.</summary>
    public async Task<TagwatchDatabase> ReopenAsync()
    {
        SqliteConnection.ClearAllPools();
        return await TagwatchDatabase.OpenAsync(Path);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; never fail a test over it.
        }

        return ValueTask.CompletedTask;
    }
}
