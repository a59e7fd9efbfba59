using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Simulation;
using Tagwatch.Storage;
using Tagwatch.Application.Fixes;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Fixes;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Benchmarks;

/// <summary>End-to-end fix store figures on a simulated pilot, on the SQLite file or (<c>--postgres CONN</c>) on a fresh
/// PostgreSQL database: bulk append rate, bytes per fix on disk, read-back time, one tag's 30-day read.</summary>
internal static class FixStoreBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int tags = BenchArgs.Number(args, "--tags", 100), days = BenchArgs.Number(args, "--days", 30), repeats = BenchArgs.Number(args, "--repeats", 5);
        Console.WriteLine($"Simulating {tags} tags × {days} days…");
        var pilot = PilotSimulation.Create(new SimulationOptions { Tags = tags, Days = days, Seed = 1, CrimesPerDay = 0 });
        var trails = new Dictionary<TagId, List<Fix>>();
        for (int i = 0; i < pilot.Offenders.Count; i++)
        {
            trails[pilot.Offenders[i].Tag] = pilot.SampleTrail(i).Fixes;
        }

        long total = trails.Values.Sum(t => (long)t.Count);
        string? postgres = BenchArgs.Text(args, "--postgres");
        if (postgres is not null)
        {
            await using var bench = await BenchPostgresDatabase.CreateAsync(postgres);
            await using var database = await PostgresDatabase.OpenAsync(bench.ConnectionString);
            await new EfTagDirectory(database, TimeProvider.System).RegisterAsync(trails.Keys.Select(t => new Tag(t, "bench", null)).ToList());
            return await MeasureAsync("PostgreSQL", new PostgresFixStore(database), () => bench.FixTableBytesAsync(), trails, tags, days, repeats);
        }

        string path = Path.Combine(Path.GetTempPath(), $"tagwatch-bench-{Environment.ProcessId}.db");
        try
        {
            var database = await TagwatchDatabase.OpenAsync(path);
            await new EfTagDirectory(database, TimeProvider.System).RegisterAsync(trails.Keys.Select(t => new Tag(t, "bench", null)).ToList());
            return await MeasureAsync("SQLite", new SqliteFixStore(database), async () =>
            {
                await database.CheckpointAsync();
                return new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
            }, trails, tags, days, repeats);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The same measures on either database: bulk append in one call, the same again (all duplicates), bytes,
    /// every fix read back, and one tag's 30 days read as a trail page reads them.</summary>
    private static async Task<int> MeasureAsync(string kind, IFixStore store, Func<Task<long>> storeBytes, Dictionary<TagId, List<Fix>> trails, int tags, int days, int repeats)
    {
        long total = trails.Values.Sum(t => (long)t.Count);
        var append = Stopwatch.StartNew();
        var result = await store.AppendAsync(trails);
        append.Stop();

        var again = Stopwatch.StartNew();
        var duplicate = await store.AppendAsync(trails);
        again.Stop();

        var stats = await store.StatisticsAsync();
        long fileBytes = await storeBytes();

        var reads = new List<double>();
        long readCount = 0;
        for (int r = 0; r < repeats; r++)
        {
            // Collect the previous read's arrays outside the timing, as a process reading once would not pay for them.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var read = Stopwatch.StartNew();
            IReadOnlyDictionary<TagId, IReadOnlyList<Fix>>? all = await store.ReadManyAsync(trails.Keys, Instant.MinValue, Instant.MaxValue);
            read.Stop();
            reads.Add(read.Elapsed.TotalSeconds);
            readCount = all.Values.Sum(v => (long)v.Count);
            all = null;
        }

        var (tag, trail) = trails.First();
        var trailEnd = trail[^1].Time;
        var trailReads = new List<double>();
        int trailFixes = 0;
        for (int r = 0; r < Math.Max(repeats, 5); r++)
        {
            var read = Stopwatch.StartNew();
            trailFixes = (await store.ReadAsync(tag, trailEnd - Duration.FromDays(30), trailEnd)).Count;
            trailReads.Add(read.Elapsed.TotalMilliseconds);
        }

        var unsorted = reads.ToList();
        reads.Sort();
        trailReads.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            database                   {kind}
            fixes                      {total:N0} ({tags} tags × {days} days)
            bulk append                {append.Elapsed.TotalSeconds:0.000} s = {result.Stored / append.Elapsed.TotalSeconds:N0} fixes/s (stored {result.Stored:N0})
            re-append (all duplicates) {again.Elapsed.TotalSeconds:0.000} s = {total / again.Elapsed.TotalSeconds:N0} fixes/s (duplicates {duplicate.Duplicates:N0})
            encoded chunk bytes        {stats.PayloadBytes:N0} = {stats.BytesPerFix:0.00} bytes/fix
            store on disk              {fileBytes:N0} = {(double)fileBytes / total:0.00} bytes/fix
            read back all fixes        best {reads[0]:0.000} s, median {reads[reads.Count / 2]:0.000} s of {repeats} [{string.Join(" ", unsorted.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}] ({readCount:N0} fixes, {readCount / reads[0]:N0} fixes/s)
            one tag's 30 days          median {trailReads[trailReads.Count / 2]:0.0} ms, best {trailReads[0]:0.0} ms ({trailFixes:N0} fixes)
            """));
        return readCount == total && result.Stored == total ? 0 : 1;
    }

}
