using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tagwatch.Simulation;
using Tagwatch.Storage;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Fixes;

namespace Tagwatch.Benchmarks;

/// <summary>A simulated pilot loaded into a fresh database — a SQLite file in a temporary folder, or a fresh PostgreSQL
/// database on the server <c>--postgres CONN</c> names — through the loader <c>tagwatch simulate --load</c> uses, every
/// person enrolled (the scheme's capacity raised to hold them), with the load's figures; removed when disposed.</summary>
internal sealed class BenchPilot : IAsyncDisposable
{
    /// <summary>The present the pilot is dated to: fixed, so every run simulates the same history.</summary>
    private static readonly Instant Until = Instant.FromUtc(2026, 11, 30, 0, 0);

    private readonly string _folder;
    private readonly BenchPostgresDatabase? _postgres;
    private readonly string? _sqlitePath;

    private BenchPilot(string kind, string folder, TagwatchServices services, BenchPostgresDatabase? postgres, string? sqlitePath)
    {
        Kind = kind;
        _folder = folder;
        Services = services;
        _postgres = postgres;
        _sqlitePath = sqlitePath;
    }

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Kind { get; }

    public TagwatchServices Services { get; }

    /// <summary>What the load did and took, once <see cref="LoadAsync"/> has run.</summary>
    public string LoadReport { get; private set; } = "";

    /// <summary>The folder this node keeps its day grids in.</summary>
    public string GridFolder => Services.FixGrids switch
    {
        SqliteFixGrids sqlite => sqlite.Folder,
        PostgresFixGrids postgres => postgres.Folder,
        var other => throw new InvalidOperationException($"no grid folder known for {other.GetType().Name}"),
    };

    /// <summary>A fresh, empty database: PostgreSQL when <paramref name="args"/> give <c>--postgres CONN</c>, else SQLite.</summary>
    public static async Task<BenchPilot> CreateAsync(string[] args)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"tagwatch-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        if (BenchArgs.Text(args, "--postgres") is { } server)
        {
            var postgres = await BenchPostgresDatabase.CreateAsync(server);
            var database = await PostgresDatabase.OpenAsync(postgres.ConnectionString, Path.Combine(folder, "node"));
            return new BenchPilot("PostgreSQL", folder, new TagwatchServices(database, TimeProvider.System), postgres, null);
        }

        string path = Path.Combine(folder, "pilot.db");
        return new BenchPilot("SQLite", folder, await TagwatchServices.OpenAsync(path, TimeProvider.System), null, path);
    }

    /// <summary>Simulates the pilot <c>--tags N --days D --seed S</c> give and loads it (people, tags, trails appended ten
    /// tags at a time as they are simulated, crimes), never holding more than a batch of trails.</summary>
    public async Task LoadAsync(string[] args, int defaultTags)
    {
        int tags = BenchArgs.Number(args, "--tags", defaultTags), days = BenchArgs.Number(args, "--days", 30), seed = BenchArgs.Number(args, "--seed", 1);
        var pilot = PilotSimulation.Create(new SimulationOptions { Tags = tags, Days = days, Seed = seed, Until = Until });
        var fixes = new TimedFixStore(Services.Fixes);
        var loader = new SimulationLoader(Services.Offenders, Services.OffenderStore, Services.Tags, fixes, Services.Ingest, Services.CrimeImporter, Services.Quality);
        PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        var progress = new SynchronousProgress(done =>
        {
            if (clock.ElapsedMilliseconds - lastReport >= 30_000)
            {
                lastReport = clock.ElapsedMilliseconds;
                Console.Error.WriteLine($"  {Kind}: {done:N0} of {tags:N0} tags loaded after {clock.Elapsed.TotalSeconds:0} s");
            }
        });
        var summary = await loader.LoadAsync(pilot, progress);
        clock.Stop();
        string memory = PeakMemory.Describe();
        long bytes = await StoreBytesAsync();
        LoadReport = string.Create(CultureInfo.InvariantCulture, $"""
            {Kind}: {tags:N0} tags × {days} days, seed {seed}: {summary.Enrolled:N0} enrolled ({summary.Refused.Count} refused), {summary.FixesStored:N0} fixes stored, {summary.Crimes.Accepted:N0} crimes
            load (simulate, enrol, store)  {clock.Elapsed.TotalSeconds:0.0} s wall; inside the fix store's appends {fixes.AppendTime.TotalSeconds:0.0} s = {summary.FixesStored / fixes.AppendTime.TotalSeconds / 1e6:0.00} M fixes/s (ten tags' trails a call), {memory}
            fix store on disk              {bytes / 1e9:0.00} GB = {(double)bytes / summary.FixesStored:0.00} bytes a fix
            """);
    }

    /// <summary>Bytes of the fix store on disk: the SQLite file after a checkpoint (with its relational tables, small
    /// beside the fixes), or PostgreSQL's fix tables.</summary>
    private async Task<long> StoreBytesAsync()
    {
        if (_postgres is not null)
        {
            return await _postgres.FixTableBytesAsync();
        }

        await Services.Sqlite.CheckpointAsync();
        return new FileInfo(_sqlitePath!).Length + (File.Exists(_sqlitePath + "-wal") ? new FileInfo(_sqlitePath + "-wal").Length : 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (Services.Provider is IAsyncDisposable provider)
        {
            await provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
