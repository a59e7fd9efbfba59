using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Access;
using Tagwatch.Correlation.Scored;
using Tagwatch.Disclosure.Pdf;
using Tagwatch.Server;
using Tagwatch.Simulation;
using Tagwatch.Storage;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Benchmarks;

/// <summary>
/// <c>api [--tags N] [--days D]</c>: the cost of access control and audit on the read paths — audit appends, a day's
/// trail through the API (token auth, policy, audit record, JSON), a match with its evidence, a disclosure pack, and
/// verifying the audit chain. The server runs in this process on loopback; the load is sequential unless stated.
/// </summary>
internal static class ApiBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int tags = BenchArgs.Number(args, "--tags", 20), days = BenchArgs.Number(args, "--days", 7);
        string directory = Path.Combine(Path.GetTempPath(), "tagwatch-api-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var services = await TagwatchServices.OpenAsync(Path.Combine(directory, "bench.db"), TimeProvider.System);
            var pilot = PilotSimulation.Create(new SimulationOptions { Tags = tags, Days = days, Seed = 7 });
            await new SimulationLoader(services.Offenders, services.OffenderStore, services.Tags, services.Fixes, services.Ingest, services.CrimeImporter, services.Quality).LoadAsync(pilot);
            await services.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "automatic", "bench");
            Console.WriteLine($"api: pilot of {tags} tags × {days} days loaded and correlated");

            await AuditAppendsAsync(services);
            int port = FreePort();
            await using var app = TagwatchServer.Build(new ServerOptions { Database = services.Sqlite.Path, Urls = $"http://127.0.0.1:{port}", OsmAndPort = 0, Gt06Port = 0, H02Port = 0 }, services.Database, TimeProvider.System);
            await app.StartAsync();
            var accounts = app.Services.GetRequiredService<UserAccounts>();
            var people = (await services.Offenders.ListAsync()).Select(o => o.Reference.ToString()).ToList();
            using var probation = await ClientAsync(accounts, port, new NewUser("bench.probation", Role.ProbationOfficer, [], people));
            using var reviewer = await ClientAsync(accounts, port, new NewUser("bench.reviewer", Role.MatchReviewer, [], []));

            var day = pilot.Options.Start.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            string trail = $"/api/v1/offenders/{people[0]}/trail?from={day}&to={day + Duration.FromDays(1)}&limit=5000";
            int fixesPerDay = (await probation.GetStringAsync(trail)).Split("\"time\"").Length - 1;
            await TimeAsync($"trail of one day ({fixesPerDay:N0} fixes, JSON) as probation", 300, () => probation.GetAsync(trail));
            await ConcurrentAsync($"trail of one day, 8 clients", 8, 100, () => probation.GetAsync(trail));
            var match = (await services.Matches.ListMatchesAsync()).First(m => m.Significant);
            await TimeAsync("match with evidence as reviewer", 300, () => reviewer.GetAsync($"/api/v1/matches/{match.Id}"));

            await services.Review.DecideAsync(match.Id, Core.Matches.MatchState.Qualified, "bench", "bench", "bench");
            await services.Review.DecideAsync(match.Id, Core.Matches.MatchState.Disclosed, "bench", "bench", "bench");
            var pack = await new DisclosurePackBuilder(services.Matches, services.Crimes, services.OffenderStore, services.Fixes).BuildAsync(match.Id, "bench", Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()));
            long bytes = 0;
            await TimeAsync($"disclosure pack render ({pack.Evidence.Count} evidence points)", 20, () =>
            {
                using var pdf = new MemoryStream();
                DisclosurePackPdf.Render(pack, pdf);
                bytes = pdf.Length;
                return Task.FromResult(0);
            });
            Console.WriteLine($"api: disclosure pack size {bytes / 1024.0:F0} KiB");

            var clock = Stopwatch.StartNew();
            var verified = await services.Audit.VerifyAsync();
            Console.WriteLine($"api: audit verify of {verified.Entries:N0} records in {clock.Elapsed.TotalMilliseconds:F0} ms ({verified.Entries / clock.Elapsed.TotalSeconds:N0} records/s), intact {verified.Intact}");
            await app.StopAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AuditAppendsAsync(TagwatchServices services)
    {
        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (int i = 0; i < 2_000; i++)
        {
            var one = Stopwatch.StartNew();
            await services.Audit.AppendAsync(new AuditEvent("bench", "ProbationOfficer", AuditActions.ViewTrail, "offender", "TW-00001", "trail 2019-03-01T00:00Z–2019-03-02T00:00Z json; 1440 fixes"));
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"api: audit append (durable, one at a time): {2_000 / total.Elapsed.TotalSeconds:N0}/s, p50 {BenchStats.Percentile(latencies, 0.5):F2} ms, p99 {BenchStats.Percentile(latencies, 0.99):F2} ms");
    }

    private static async Task TimeAsync(string what, int count, Func<Task> call)
    {
        await call(); // warm
        var latencies = new List<double>();
        for (int i = 0; i < count; i++)
        {
            var one = Stopwatch.StartNew();
            await call();
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"api: {what}: p50 {BenchStats.Percentile(latencies, 0.5):F1} ms, p99 {BenchStats.Percentile(latencies, 0.99):F1} ms over {count}");
    }

    private static async Task TimeAsync(string what, int count, Func<Task<HttpResponseMessage>> call) =>
        await TimeAsync(what, count, async () => (await call()).EnsureSuccessStatusCode().Dispose());

    private static async Task ConcurrentAsync(string what, int clients, int each, Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (int i = 0; i < each; i++)
            {
                (await call()).EnsureSuccessStatusCode().Dispose();
            }
        }));
        Console.WriteLine($"api: {what}: {clients * each / clock.Elapsed.TotalSeconds:N0} requests/s");
    }

    private static async Task<HttpClient> ClientAsync(UserAccounts accounts, int port, NewUser user)
    {
        await accounts.CreateAsync(user, "bench passphrase long enough");
        var (_, secret) = await accounts.CreateTokenAsync(user.Username, "bench", TimeSpan.FromDays(1));
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }


    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
