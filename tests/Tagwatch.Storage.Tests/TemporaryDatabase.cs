using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Boroughs;
using Tagwatch.Storage.Crimes;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Offenders;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Storage.Tests;

/// <summary>A real SQLite file in a fresh temporary folder, with the stores and services on it; deleted on dispose.</summary>
internal sealed class TemporaryDatabase : IAsyncDisposable
{
    private TemporaryDatabase(string directory, TagwatchDatabase database)
    {
        Directory = directory;
        Database = database;
        Fixes = new SqliteFixStore(database);
        Tags = new EfTagDirectory(database, Clock);
        Crimes = new EfCrimeStore(database);
        OffenderStore = new EfOffenderStore(database);
        Offenders = new OffenderService(OffenderStore, BoroughMap.London, Clock);
        FixImporter = new FixImporter(Fixes, Tags, new FixQualityRules());
        CrimeImporter = new CrimeImporter(Crimes, BoroughMap.London, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public string Directory { get; }

    public TagwatchDatabase Database { get; }

    public SqliteFixStore Fixes { get; }

    public EfTagDirectory Tags { get; }

    public EfCrimeStore Crimes { get; }

    public EfOffenderStore OffenderStore { get; }

    public OffenderService Offenders { get; }

    public FixImporter FixImporter { get; }

    public CrimeImporter CrimeImporter { get; }

    public string Path => Database.Path;

    public static async Task<TemporaryDatabase> CreateAsync()
    {
        string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tagwatch-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TemporaryDatabase(directory, await TagwatchDatabase.OpenAsync(System.IO.Path.Combine(directory, "test.db")));
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
