using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tagwatch.Correlation.Strict;
using Tagwatch.Storage;

namespace Tagwatch.Benchmarks;

/// <summary>Strict correlation on a database (make one with <c>tagwatch simulate --load --db FILE</c>): building the
/// fix store's day grids from the chunks, loading them, reading the crimes, matching every crime, the whole run, an
/// ad hoc near search, and one crime against the warm grid.</summary>
internal static class CorrelationBenchmark
{
    private const int Repeats = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: correlate DATABASE   (make one with: tagwatch simulate --tags 100 --days 30 --seed 1 --load --db FILE)");
            return 2;
        }

        var services = await TagwatchServices.OpenAsync(args[0], TimeProvider.System);
        var parameters = new StrictParameters(100, Duration.FromMinutes(10));
        var crimes = await services.Crimes.CurrentSitesAsync(Instant.MinValue, Instant.MaxValue);
        var from = Instant.FromUnixTimeMilliseconds(crimes.Min(c => c.FromUnixMs)) - parameters.Pad;
        var to = Instant.FromUnixTimeMilliseconds(crimes.Max(c => c.ToUnixMs)) + parameters.Pad;

        // Build every day from its chunks (no grid files yet), then read them back: first in the process, then warm.
        if (Directory.Exists(((Tagwatch.Storage.Fixes.SqliteFixGrids)services.FixGrids).Folder))
        {
            Directory.Delete(((Tagwatch.Storage.Fixes.SqliteFixGrids)services.FixGrids).Folder, recursive: true);
        }

        var build = Stopwatch.StartNew();
        var grid = await services.FixGrids.LoadAsync(from, to);
        build.Stop();
        grid.Dispose();
        long bytes = Directory.EnumerateFiles(((Tagwatch.Storage.Fixes.SqliteFixGrids)services.FixGrids).Folder).Sum(f => new FileInfo(f).Length);
        grid = null;
        GC.Collect();
        var firstRead = Stopwatch.StartNew();
        grid = await services.FixGrids.LoadAsync(from, to);
        firstRead.Stop();
        grid.Dispose();
        var reads = await RepeatAsync(async () =>
        {
            using var loaded = await services.FixGrids.LoadAsync(from, to);
            return loaded.Count;
        });
        grid = await services.FixGrids.LoadAsync(from, to);
        var crimeReads = await RepeatAsync(() => services.Crimes.CurrentSitesAsync(Instant.MinValue, Instant.MaxValue));
        IReadOnlyList<StrictMatch> matches = [];
        var matchTimes = await RepeatAsync(() => Task.FromResult(matches = StrictMatcher.Match(crimes, grid, parameters)));
        var runs = await RepeatAsync(() => services.StrictCorrelation.RunAsync(parameters));

        // Ad hoc "who was near" over the whole span (at most the 31 days a search may cover), at a different crime's
        // place each time: the search as users run it (recorded twice, answered from the grids), and for comparison
        // the way it was answered before, reading every tag's trail and scanning it.
        var searchTo = Instant.Min(to, from + Tagwatch.Application.Correlation.NearQuery.MaxRange);
        int searchIndex = 0;
        var searches = await RepeatAsync(async () =>
        {
            var place = crimes[searchIndex++ * 997 % crimes.Count];
            var (_, hits) = await services.Near.RunAsync(new Tagwatch.Core.Geo.GeoPoint(place.Latitude, place.Longitude), 200, from, searchTo, "benchmark of the near search", "bench");
            return hits.Count;
        });
        var trailSearches = await RepeatAsync(async () =>
        {
            var place = crimes[searchIndex++ * 997 % crimes.Count];
            var trails = await services.Trails.LoadAsync(from, searchTo);
            return trails.Count(t => Tagwatch.Correlation.Trails.Proximity.Scan(t, place.Latitude, place.Longitude, 200, from.ToUnixTimeMilliseconds(), searchTo.ToUnixTimeMilliseconds()).Count > 0);
        });

        // One new crime against the warm grid, for every crime in turn: latency distribution.
        var latencies = new List<double>(crimes.Count);
        long padMs = (long)parameters.Pad.TotalMilliseconds;
        int found = 0;
        foreach (var crime in crimes)
        {
            long start = Stopwatch.GetTimestamp();
            found += grid.Near(crime.Latitude, crime.Longitude, parameters.RadiusMetres, crime.FromUnixMs - padMs, crime.ToUnixMs + padMs).Count;
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            data                        {grid.Tags.Count} tags, {grid.Count:N0} fixes on {grid.Days.Count} days, {crimes.Count:N0} crimes
            build day grids from chunks {build.Elapsed.TotalMilliseconds:0} ms (decode every chunk, file, write {bytes / 1e6:0.0} MB = {(double)bytes / grid.Count:0.0} bytes a fix)
            load day grids              {Describe(reads)}; {firstRead.Elapsed.TotalMilliseconds:0.0} ms first in the process
            read current crime sites    {Describe(crimeReads)}
            strict match, all crimes    {Describe(matchTimes)} ({matches.Count:N0} pairs)
            whole strict run            {Describe(runs)} (crimes and grids read from the store, matched)
            near search, 200 m, {(searchTo - from).TotalDays:0} days {Describe(searches)} (recorded, from the grids; reading and scanning every trail instead: {Describe(trailSearches)})
            one crime, warm grid        p50 {latencies[latencies.Count / 2]:0.0} µs, p99 {latencies[(int)(latencies.Count * 0.99)]:0.0} µs, max {latencies[^1]:0.0} µs ({found:N0} pairs; all one by one on one thread {latencies.Sum() / 1000:0.0} ms)
            """));
        return 0;
    }

    /// <summary>Times <paramref name="action"/> <see cref="Repeats"/> times, collecting garbage before each, as a
    /// process that does it once would not pay for the previous run's arrays.</summary>
    private static async Task<List<double>> RepeatAsync<T>(Func<Task<T>> action)
    {
        var times = new List<double>();
        for (int i = 0; i < Repeats; i++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static string Describe(List<double> sorted) =>
        string.Create(CultureInfo.InvariantCulture, $"median {sorted[sorted.Count / 2]:0.0} ms, best {sorted[0]:0.0} ms of {sorted.Count}");
}
