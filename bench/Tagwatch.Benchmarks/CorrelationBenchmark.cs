using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Strict;
using Tagwatch.Correlation.Grid;
using Tagwatch.Storage;

namespace Tagwatch.Benchmarks;

/// <summary>Strict correlation on a database (make one with <c>tagwatch demo --db FILE</c>): load, build, match, and
/// single-crime latency with a warm index.</summary>
internal static class CorrelationBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: correlate DATABASE   (make one with: tagwatch demo --db FILE)");
            return 2;
        }

        var services = await TagwatchServices.OpenAsync(args[0], TimeProvider.System);
        var parameters = new StrictParameters(100, Duration.FromMinutes(10));
        var crimes = (await services.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue)).Select(CrimeSite.From).ToList();
        var from = Instant.FromUnixTimeMilliseconds(crimes.Min(c => c.FromUnixMs)) - parameters.Pad;
        var to = Instant.FromUnixTimeMilliseconds(crimes.Max(c => c.ToUnixMs)) + parameters.Pad;
        var loader = new TrailLoader(services.Fixes, services.Tags);

        var coldLoad = Stopwatch.StartNew();
        var trails = await loader.LoadAsync(from, to, keepFixes: false);
        coldLoad.Stop();
        trails = null;
        GC.Collect();
        var load = Stopwatch.StartNew();
        trails = await loader.LoadAsync(from, to, keepFixes: false);
        load.Stop();
        long fixes = trails.Sum(t => (long)t.Count);

        var matchTimes = new List<double>();
        IReadOnlyList<StrictMatch> matches = [];
        for (int i = 0; i < 7; i++)
        {
            var match = Stopwatch.StartNew();
            matches = StrictMatcher.Match(crimes, trails, parameters);
            matchTimes.Add(match.Elapsed.TotalMilliseconds);
        }

        var build = Stopwatch.StartNew();
        var index = FixGrid.FromTrails(trails);
        build.Stop();

        // One new crime against the warm index, for every crime in turn: latency distribution.
        var latencies = new List<double>(crimes.Count);
        long padMs = (long)parameters.Pad.TotalMilliseconds;
        int found = 0;
        foreach (var crime in crimes)
        {
            long start = Stopwatch.GetTimestamp();
            found += index.Near(crime.Latitude, crime.Longitude, parameters.RadiusMetres, crime.FromUnixMs - padMs, crime.ToUnixMs + padMs).Count;
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        matchTimes.Sort();
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            data                       {trails.Count} tags, {fixes:N0} fixes, {crimes.Count:N0} crimes
            load trails from the store {load.Elapsed.TotalMilliseconds:0} ms warm, {coldLoad.Elapsed.TotalMilliseconds:0} ms first in the process (times and positions, with time buckets)
            strict match, all crimes   median {matchTimes[3]:0.0} ms, best {matchTimes[0]:0.0} ms of 7 ({matches.Count:N0} pairs; includes building the index)
            build the index alone      {build.Elapsed.TotalMilliseconds:0.0} ms
            all crimes one by one      {latencies.Sum() / 1000:0.0} ms on one thread
            one crime, warm index      ({found:N0} pairs) p50 {latencies[latencies.Count / 2]:0.0} µs, p99 {latencies[(int)(latencies.Count * 0.99)]:0.0} µs, max {latencies[^1]:0.0} µs
            """));
        return 0;
    }
}
