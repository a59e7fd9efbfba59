using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Simulation;
using Tagwatch.Storage;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Benchmarks;

/// <summary>End-to-end fix store figures on a simulated pilot: bulk append rate, bytes per fix on disk, read-back time.</summary>
internal static class FixStoreBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int tags = Option(args, "--tags", 100), days = Option(args, "--days", 30), repeats = Option(args, "--repeats", 5);
        Console.WriteLine($"Simulating {tags} tags × {days} days…");
        var pilot = PilotSimulation.Create(new SimulationOptions { Tags = tags, Days = days, Seed = 1, CrimesPerDay = 0 });
        var trails = new Dictionary<TagId, List<Fix>>();
        for (int i = 0; i < pilot.Offenders.Count; i++)
        {
            trails[pilot.Offenders[i].Tag] = pilot.SampleTrail(i).Fixes;
        }

        long total = trails.Values.Sum(t => (long)t.Count);
        string path = Path.Combine(Path.GetTempPath(), $"tagwatch-bench-{Environment.ProcessId}.db");
        try
        {
            var database = await TagwatchDatabase.OpenAsync(path);
            await new EfTagDirectory(database, TimeProvider.System).RegisterAsync(trails.Keys.Select(t => new Tag(t, "bench", null)).ToList());
            var store = new SqliteFixStore(database);

            var append = Stopwatch.StartNew();
            var result = await store.AppendAsync(trails);
            append.Stop();

            var again = Stopwatch.StartNew();
            var duplicate = await store.AppendAsync(trails);
            again.Stop();

            var stats = await store.StatisticsAsync();
            await database.CheckpointAsync();
            long fileBytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

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

            var unsorted = reads.ToList();
            reads.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                fixes                      {total:N0} ({tags} tags × {days} days)
                bulk append                {append.Elapsed.TotalSeconds:0.000} s = {result.Stored / append.Elapsed.TotalSeconds:N0} fixes/s (stored {result.Stored:N0})
                re-append (all duplicates) {again.Elapsed.TotalSeconds:0.000} s = {total / again.Elapsed.TotalSeconds:N0} fixes/s (duplicates {duplicate.Duplicates:N0})
                encoded chunk bytes        {stats.PayloadBytes:N0} = {stats.BytesPerFix:0.00} bytes/fix
                database file (checkpointed){fileBytes:N0} = {(double)fileBytes / total:0.00} bytes/fix
                read back all fixes        best {reads[0]:0.000} s, median {reads[reads.Count / 2]:0.000} s of {repeats} [{string.Join(" ", unsorted.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}] ({readCount:N0} fixes, {readCount / reads[0]:N0} fixes/s)
                """));
            return readCount == total && result.Stored == total ? 0 : 1;
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

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
