using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Server;
using Tagwatch.Simulation;
using Tagwatch.Storage;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Benchmarks;

/// <summary>
/// <c>web [--tags N] [--runs R]</c>: what the officer waits for in the browser (headless Chromium, the machine's own —
/// <c>TAGWATCH_CHROMIUM</c> or /usr/bin/chromium). (1) A person's page with 30 days of trail: from asking for the page to
/// the trail drawn and ready to play. (2) The monitoring map with N live tags (default 1,000): the first draw, then each
/// refresh — the redraw's own time and the longest main-thread task during refreshes (a task over 50 ms is jank).
/// The server runs in this process on loopback, on a pilot simulated up to now.
/// </summary>
internal static class WebBenchmark
{
    private const string Password = "bench passphrase long enough";

    public static async Task<int> RunAsync(string[] args)
    {
        int tags = BenchArgs.Number(args, "--tags", 1_000), runs = BenchArgs.Number(args, "--runs", 10);
        string chromium = Environment.GetEnvironmentVariable("TAGWATCH_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"] });

        await TrailAsync(browser, runs);
        await LiveMapAsync(browser, tags, runs);
        return 0;
    }

    private static async Task TrailAsync(IBrowser browser, int runs)
    {
        await using var pilot = await PilotServer.StartAsync(tags: 3, days: 31);
        string person = pilot.People[0];
        await pilot.UserAsync(new NewUser("bench.probation", Role.ProbationOfficer, [], pilot.People));
        var page = await pilot.SignedInAsync(browser, "bench.probation");
        var today = pilot.Today;
        string address = $"/people/{person}/trail?From={today.PlusDays(-30):yyyy-MM-dd}&To={today:yyyy-MM-dd}";
        var ready = page.Locator("[data-tw-module=trail-player][data-tw-ready]");

        var times = new List<double>();
        var fetching = new List<double>();
        var fetched = new List<double>();
        var drawn = new List<double>();
        string estimated = "";
        int pages = 0;
        double bytes = 0;
        string fixes = "";
        for (int run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(address);
            await ready.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            double ms = clock.Elapsed.TotalMilliseconds;
            fixes = await ready.GetAttributeAsync("data-tw-fixes") ?? "?";
            if (run > 0)
            {
                times.Add(ms); // the first run warms the server and the browser's module cache
                var api = await page.EvaluateAsync<double[]>("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/trail?')).map(e => e.responseEnd - e.startTime)");
                fetching.Add(api.Sum());
                pages = api.Length;
                bytes = await page.EvaluateAsync<double>("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/trail?')).reduce((s, e) => s + e.decodedBodySize, 0)");
                var marks = await page.EvaluateAsync<double[]>("() => ['tw-trail-fetched', 'tw-trail-drawn'].map(n => performance.getEntriesByName(n)[0]?.startTime ?? -1)");
                fetched.Add(marks[0]);
                drawn.Add(marks[1] - marks[0]);
                estimated = await ready.GetAttributeAsync("data-tw-estimated") ?? "?";
            }
        }

        Console.WriteLine($"web: person's trail page, 30 days ({int.Parse(fixes, CultureInfo.InvariantCulture):N0} fixes): page asked → trail drawn and playable p50 {BenchStats.Percentile(times, 0.5):F0} ms, p95 {BenchStats.Percentile(times, 0.95):F0} ms, max {times.Max():F0} ms over {times.Count}; of which fetching the trail ({pages} API pages, one after another, {bytes / 1_000_000:F2} MB of JSON) p50 {BenchStats.Percentile(fetching, 0.5):F0} ms, all fetched {BenchStats.Percentile(fetched, 0.5):F0} ms after navigation began, then drawn in {BenchStats.Percentile(drawn, 0.5):F0} ms ({estimated} estimated positions marked)");
    }

    private static async Task LiveMapAsync(IBrowser browser, int tags, int runs)
    {
        var loading = Stopwatch.StartNew();
        await using var pilot = await PilotServer.StartAsync(tags, days: 1);
        Console.WriteLine($"web: pilot of {tags:N0} tags loaded in {loading.Elapsed.TotalSeconds:F0} s");
        await pilot.UserAsync(new NewUser("bench.monitoring", Role.MonitoringOfficer, [], []));
        var page = await pilot.SignedInAsync(browser, "bench.monitoring");
        var map = page.Locator("[data-tw-module=live-map]");

        var first = Stopwatch.StartNew();
        await page.GotoAsync("/monitoring");
        await page.Locator("[data-tw-module=live-map][data-tw-loads]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        double firstMs = first.Elapsed.TotalMilliseconds;
        string shown = await map.GetAttributeAsync("data-tw-tags") ?? "?";
        await page.EvaluateAsync("() => { window.twLongTasks = []; new PerformanceObserver(list => { for (const e of list.getEntries()) window.twLongTasks.push(e.duration); }).observe({ type: 'longtask' }); }");

        var refreshes = new List<double>();
        var draws = new List<double>();
        for (int run = 1; run <= runs; run++)
        {
            string before = await map.GetAttributeAsync("data-tw-loads") ?? "0";
            var clock = Stopwatch.StartNew();
            // What an alert change does: ask for the positions now rather than at the next 10-second poll.
            await page.EvaluateAsync("() => document.dispatchEvent(new Event('tw:breach-tags'))");
            await page.WaitForFunctionAsync($"() => document.querySelector('[data-tw-module=live-map]').dataset.twLoads !== '{before}'", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            refreshes.Add(clock.Elapsed.TotalMilliseconds);
            draws.Add(double.Parse(await map.GetAttributeAsync("data-tw-draw-ms") ?? "0", CultureInfo.InvariantCulture));
        }

        var longTasks = await page.EvaluateAsync<double[]>("() => window.twLongTasks");
        Console.WriteLine($"web: monitoring map, {shown} live tags: first draw {firstMs:F0} ms after asking for the page");
        Console.WriteLine($"web: monitoring map refresh (positions fetched and redrawn): p50 {BenchStats.Percentile(refreshes, 0.5):F0} ms, max {refreshes.Max():F0} ms; "
            + $"redraw alone p50 {BenchStats.Percentile(draws, 0.5):F1} ms, max {draws.Max():F1} ms; main-thread tasks over 50 ms during {runs} refreshes: {longTasks.Length}"
            + (longTasks.Length > 0 ? $" (longest {longTasks.Max():F0} ms)" : ""));
    }

    /// <summary>A simulated pilot up to now in a temporary database, served on loopback.</summary>
    private sealed class PilotServer : IAsyncDisposable
    {
        private readonly string _directory;
        private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
        private readonly List<IBrowserContext> _contexts = [];

        private PilotServer(string directory, Microsoft.AspNetCore.Builder.WebApplication app, int port, IReadOnlyList<string> people, LocalDate today)
        {
            _directory = directory;
            _app = app;
            BaseAddress = $"http://127.0.0.1:{port}";
            People = people;
            Today = today;
        }

        public string BaseAddress { get; }

        public IReadOnlyList<string> People { get; }

        public LocalDate Today { get; }

        public static async Task<PilotServer> StartAsync(int tags, int days)
        {
            string directory = Path.Combine(Path.GetTempPath(), "tagwatch-web-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var services = await TagwatchServices.OpenAsync(Path.Combine(directory, "bench.db"), TimeProvider.System);
            var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
            var simulation = PilotSimulation.Create(new SimulationOptions { Tags = tags, Days = days, Seed = 7, Until = now, CrimesPerDay = 50 });
            await new SimulationLoader(services.Offenders, services.OffenderStore, services.Tags, services.Fixes, services.Ingest, services.CrimeImporter, services.Quality).LoadAsync(simulation);
            var people = (await services.Offenders.ListAsync()).Select(o => o.Reference.ToString()).ToList();
            int port = ApiBenchmark.FreePort();
            var app = TagwatchServer.Build(new ServerOptions { Database = services.Sqlite.Path, Urls = $"http://127.0.0.1:{port}", OsmAndPort = 0, Gt06Port = 0, H02Port = 0 }, services.Database, TimeProvider.System);
            await app.StartAsync();
            return new PilotServer(directory, app, port, people, now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date);
        }

        public async Task UserAsync(NewUser user) => await _app.Services.GetRequiredService<UserAccounts>().CreateAsync(user, Password);

        public async Task<IPage> SignedInAsync(IBrowser browser, string username)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            _contexts.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("User name").FillAsync(username);
            await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var context in _contexts)
            {
                await context.DisposeAsync();
            }

            await _app.StopAsync();
            await _app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
