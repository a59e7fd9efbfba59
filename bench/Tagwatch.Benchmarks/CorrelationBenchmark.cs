using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Scored;
using Tagwatch.Correlation.Strict;
using Tagwatch.Core.Access;
using Tagwatch.Storage;

namespace Tagwatch.Benchmarks;

/// <summary>Correlation from the store, on an existing SQLite database (<c>correlate FILE</c>, made with <c>tagwatch
/// simulate --load --db FILE</c>) or on a simulated pilot loaded into a fresh SQLite or PostgreSQL database
/// (<c>correlate [--tags N] [--days D] [--seed S] [--postgres CONN]</c>): building the day grids from the chunks,
/// loading them, reading the crimes, matching every crime, the whole strict run, an ad hoc near search, one crime
/// against the warm grid, the scored run of everyone in scope, and one new crime imported and checked.</summary>
/// <remarks>Like the product, the run records what it does in the database: correlation runs, matches, audit records,
/// and the crimes it imports (references BENCH…). Give <c>correlate FILE</c> a copy made for the purpose.</remarks>
internal static class CorrelationBenchmark
{
    /// <summary>How often a run repeats each measure: at a national scale fewer times, the scored run of everyone once,
    /// and without the old near search that read and scanned every trail.</summary>
    internal sealed record Scope(int Repeats, int ScoredRepeats, bool TrailScans);

    private static readonly Scope Pilot = new(7, 3, TrailScans: true);
    private static readonly Scope National = new(3, 0, TrailScans: false);

    /// <summary><c>national [--tags 10000] [--days 30] [--postgres CONN] [--scored]</c>: a national caseload loaded into a
    /// fresh database and correlated, without the measures that read every trail again and again.</summary>
    public static Task<int> RunNationalAsync(string[] args) =>
        LoadAndMeasureAsync(args, defaultTags: 10_000, args.Contains("--scored") ? National with { ScoredRepeats = 1 } : National);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (!File.Exists(args[0]))
            {
                Console.Error.WriteLine("usage: correlate DATABASE | correlate [--tags N] [--days D] [--seed S] [--postgres CONN]   (a copy made for it, e.g. by: tagwatch simulate --tags 100 --days 30 --seed 1 --load --db FILE; the run adds runs, matches and crimes named BENCH…)");
                return 2;
            }

            var services = await TagwatchServices.OpenAsync(args[0], TimeProvider.System);
            await MeasureAsync(services, ((Tagwatch.Storage.Fixes.SqliteFixGrids)services.FixGrids).Folder, Pilot);
            return 0;
        }

        return await LoadAndMeasureAsync(args, defaultTags: 100, Pilot);
    }

    private static async Task<int> LoadAndMeasureAsync(string[] args, int defaultTags, Scope scope)
    {
        await using var pilot = await BenchPilot.CreateAsync(args);
        Console.WriteLine($"Loading a simulated pilot into {pilot.Kind}…");
        await pilot.LoadAsync(args, defaultTags);
        Console.WriteLine(pilot.LoadReport);
        await MeasureAsync(pilot.Services, pilot.GridFolder, scope);
        return 0;
    }

    /// <summary>Measures strict and scored correlation on <paramref name="services"/>, deleting the day grids in
    /// <paramref name="gridFolder"/> first so the first load builds them from the chunks.</summary>
    internal static async Task MeasureAsync(TagwatchServices services, string gridFolder, Scope scope)
    {
        var parameters = new StrictParameters(100, Duration.FromMinutes(10));
        var crimes = await services.Crimes.CurrentSitesAsync(Instant.MinValue, Instant.MaxValue);
        var from = Instant.FromUnixTimeMilliseconds(crimes.Min(c => c.FromUnixMs)) - parameters.Pad;
        var to = Instant.FromUnixTimeMilliseconds(crimes.Max(c => c.ToUnixMs)) + parameters.Pad;

        // Build every day from its chunks (no grid files yet), then read them back: first in the process, then warm.
        if (Directory.Exists(gridFolder))
        {
            Directory.Delete(gridFolder, recursive: true);
        }

        PeakMemory.Reset();
        var build = Stopwatch.StartNew();
        var grid = await services.FixGrids.LoadAsync(from, to);
        build.Stop();
        string buildMemory = PeakMemory.Describe();
        grid.Dispose();
        long bytes = Directory.EnumerateFiles(gridFolder).Sum(f => new FileInfo(f).Length);
        GC.Collect();
        var firstRead = Stopwatch.StartNew();
        grid = await services.FixGrids.LoadAsync(from, to);
        firstRead.Stop();
        grid.Dispose();
        var reads = await RepeatAsync(scope, async () =>
        {
            using var loaded = await services.FixGrids.LoadAsync(from, to);
            return loaded.Count;
        });
        grid = await services.FixGrids.LoadAsync(from, to);
        var crimeReads = await RepeatAsync(scope, () => services.Crimes.CurrentSitesAsync(Instant.MinValue, Instant.MaxValue));
        IReadOnlyList<StrictMatch> matches = [];
        var matchTimes = await RepeatAsync(scope, () => Task.FromResult(matches = StrictMatcher.Match(crimes, grid, parameters)));
        PeakMemory.Reset();
        var runs = await RepeatAsync(scope, () => services.StrictCorrelation.RunAsync(parameters));
        string runMemory = PeakMemory.Describe();

        // Ad hoc "who was near" over the whole span (at most the 31 days a search may cover), at a different crime's
        // place each time: the search as users run it (recorded twice, answered from the grids), and for comparison
        // the way it was answered before, reading every tag's trail and scanning it.
        var searchTo = Instant.Min(to, from + Tagwatch.Application.Correlation.NearQuery.MaxRange);
        int searchIndex = 0;
        var searches = await RepeatAsync(scope, async () =>
        {
            var place = crimes[searchIndex++ * 997 % crimes.Count];
            var (_, hits) = await services.Near.RunAsync(new Tagwatch.Core.Geo.GeoPoint(place.Latitude, place.Longitude), 200, from, searchTo, "benchmark of the near search", "bench");
            return hits.Count;
        });
        string trailSearch = "";
        if (scope.TrailScans)
        {
            var trailSearches = await RepeatAsync(scope, async () =>
            {
                var place = crimes[searchIndex++ * 997 % crimes.Count];
                var trails = await services.Trails.LoadAsync(from, searchTo);
                return trails.Count(t => Tagwatch.Correlation.Trails.Proximity.Scan(t, place.Latitude, place.Longitude, 200, from.ToUnixTimeMilliseconds(), searchTo.ToUnixTimeMilliseconds()).Count > 0);
            });
            trailSearch = $" (reading and scanning every trail instead: {Describe(trailSearches)})";
        }

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
            data                        {grid.Tags.Count:N0} tags, {grid.Count:N0} fixes on {grid.Days.Count} days, {crimes.Count:N0} crimes
            build day grids from chunks {build.Elapsed.TotalMilliseconds:0} ms (decode every chunk, file, write {bytes / 1e6:0.0} MB = {(double)bytes / grid.Count:0.0} bytes a fix), {buildMemory}
            load day grids              {Describe(reads)}; {firstRead.Elapsed.TotalMilliseconds:0.0} ms first in the process
            read current crime sites    {Describe(crimeReads)}
            strict match, all crimes    {Describe(matchTimes)} ({matches.Count:N0} pairs)
            whole strict run            {Describe(runs)} (crimes and grids read from the store, matched), {runMemory}
            near search, 200 m, {(searchTo - from).TotalDays:0} days {Describe(searches)} (recorded, from the grids){trailSearch}
            one crime, warm grid        p50 {latencies[latencies.Count / 2]:0.0} µs, p99 {latencies[(int)(latencies.Count * 0.99)]:0.0} µs, max {latencies[^1]:0.0} µs ({found:N0} pairs; all one by one on one thread {latencies.Sum() / 1000:0.0} ms)
            """));
        grid.Dispose();

        // The scored run of every current crime also checks the crimes the load left waiting, so that the new crime
        // measured next is checked alone. At a national scale it is measured only when asked for (--scored: minutes);
        // the crimes the load imported are then taken as checked, as a live service checks crimes as they arrive.
        if (scope.ScoredRepeats > 0)
        {
            PeakMemory.Reset();
            Tagwatch.Application.Correlation.ScoredCorrelation.Outcome? outcome = null;
            var scored = await RepeatAsync(scope with { Repeats = scope.ScoredRepeats }, async () => outcome = await services.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "benchmark", "bench"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scored run, everyone in scope {Describe(scored)} ({outcome!.Matches.Count:N0} matches, {outcome.Run.Subjects:N0} subjects; trails read {Application.Correlation.ScoredCorrelation.TagsPerPass} tags at a time, scored, matches and run stored), {PeakMemory.Describe()}"));
        }
        else if (await services.PendingWork.PendingCrimesAsync() is { } waiting)
        {
            await services.PendingWork.CompleteCrimesAsync(waiting.UpTo);
        }

        await MeasureNewCrimeAsync(services, crimes, matches, scope);
    }

    /// <summary>A new crime imported at the place and time of a crime someone was near (so the check has trails to
    /// score), through the import use case as the console and API run it: stored, audited, and checked against every
    /// person in scope at once; repeated at different places.</summary>
    private static async Task MeasureNewCrimeAsync(TagwatchServices services, IReadOnlyList<CrimeSite> crimes, IReadOnlyList<StrictMatch> matches, Scope scope)
    {
        var import = services.Provider.GetRequiredService<ImportCrimes>();
        var reviewer = new Actor("bench", Role.MatchReviewer, new HashSet<string>(), new HashSet<string>());
        var near = matches.Select(m => m.CrimeReference).ToHashSet();
        var sites = crimes.Where(c => near.Contains(c.Reference)).ToList();
        int next = 0, matchesFound = 0;
        PeakMemory.Reset();
        var times = await RepeatAsync(scope, async () =>
        {
            var site = sites[next * 7919 % sites.Count];
            string row = string.Create(CultureInfo.InvariantCulture,
                $"crime_ref,category,lat,lon,committed_from,committed_to\nBENCH{Environment.ProcessId}-{next++},{site.Category},{site.Latitude:0.000000},{site.Longitude:0.000000},{Instant.FromUnixTimeMilliseconds(site.FromUnixMs)},{Instant.FromUnixTimeMilliseconds(site.ToUnixMs)}\n");
            var result = await import.ExecuteAsync(reviewer, new ImportCrimesRequest(CrimeFileFormat.Tagwatch, new StringReader(row)), CancellationToken.None);
            if (!result.Succeeded || result.Value.Report.Accepted != 1)
            {
                throw new InvalidOperationException($"the benchmark's crime was not imported: {result.Failure?.Message ?? "rejected"}");
            }

            matchesFound += result.Value.Correlation?.Matches.Count ?? 0;
            return result;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one new crime imported and checked {Describe(times)} (import, audit, scored check of everyone in scope; {matchesFound} matches over {times.Count} crimes), {PeakMemory.Describe()}"));
    }

    /// <summary>Times <paramref name="action"/> as many times as the scope says, collecting garbage before each, as a
    /// process that does it once would not pay for the previous run's arrays.</summary>
    internal static async Task<List<double>> RepeatAsync<T>(Scope scope, Func<Task<T>> action)
    {
        var times = new List<double>();
        for (int i = 0; i < scope.Repeats; i++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    internal static string Describe(List<double> sorted) =>
        string.Create(CultureInfo.InvariantCulture, $"median {sorted[sorted.Count / 2]:0.0} ms, best {sorted[0]:0.0} ms of {sorted.Count}");
}
