using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Storage;

namespace Tagwatch.Benchmarks;

/// <summary>Live ingest under load: the real server in its own process, load from this one over loopback.</summary>
/// <remarks>
/// <c>ingest batch [--seconds S] [--clients C] [--batch B]</c>: JSON batch uploads (1,000 devices), fixes/s acknowledged after commit.
/// <c>ingest osmand [--seconds S] [--clients C]</c>: single-fix OsmAnd requests with keep-alive, requests/s.
/// <c>ingest gt06 [--connections N] [--minutes M]</c>: N GT06 connections each sending a fix a minute; fix-to-acknowledgement latency.
/// </remarks>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("batch" or "osmand" or "gt06"))
        {
            Console.Error.WriteLine("usage: ingest batch|osmand|gt06 [--seconds S] [--clients C] [--batch B] [--connections N] [--minutes M] [--postgres CONN (batch, osmand)]");
            return 2;
        }

        string? postgres = BenchArgs.Text(args, "--postgres");
        if (postgres is not null && args[0] == "gt06")
        {
            Console.Error.WriteLine("ingest gt06 reads the SQLite file for its checks; --postgres is for batch and osmand");
            return 2;
        }

        int seconds = BenchArgs.Number(args, "--seconds", 20), clients = BenchArgs.Number(args, "--clients", 4), batch = BenchArgs.Number(args, "--batch", 5000);
        int connections = BenchArgs.Number(args, "--connections", 10_000), minutes = BenchArgs.Number(args, "--minutes", 3), zones = BenchArgs.Number(args, "--zones", 1000);
        string directory = Path.Combine(Path.GetTempPath(), "tagwatch-ingest-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string database = Path.Combine(directory, "bench.db");
        await using var pg = postgres is null ? null : await BenchPostgresDatabase.CreateAsync(postgres);
        int devices = args[0] == "gt06" ? connections : 1000;
        // Each scenario's tags are registered for the protocol they report over: a tag's fixes come only that way.
        var services = pg is null
            ? await TagwatchServices.OpenAsync(database, TimeProvider.System)
            : new TagwatchServices(await Storage.Postgres.PostgresDatabase.OpenAsync(pg.ConnectionString), TimeProvider.System);
        string secret = await PrepareAsync(services, devices, args[0] == "osmand" ? "osmand" : "gt06", args[0] == "gt06" ? Math.Min(zones, devices) : 0);
        int api = FreePort(), osmand = FreePort(), gt06 = FreePort();
        using var server = StartServer(pg is null ? ["--db", database] : ["--postgres", pg.ConnectionString], api, osmand, gt06);
        try
        {
            await WaitReadyAsync(api);
            Console.WriteLine($"server pid {server.Id}, {Environment.ProcessorCount} cores, database {(pg is null ? database : "PostgreSQL (fresh database)")}");
            return args[0] switch
            {
                "batch" => await BatchAsync(api, secret, seconds, clients, batch),
                "osmand" => await OsmAndAsync(osmand, secret, seconds, clients),
                _ => await Gt06Async(gt06, connections, minutes, Math.Min(zones, connections), database),
            };
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> BatchAsync(int port, string secret, int seconds, int clients, int batchSize)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var start = Instant.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()) - Duration.FromHours(20);
        long accepted = 0, requests = 0, sequence = 0;
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < until)
            {
                long first = Interlocked.Add(ref sequence, batchSize) - batchSize;
                var body = new StringBuilder("{\"fixes\":[", batchSize * 110);
                for (long i = first; i < first + batchSize; i++)
                {
                    // Fix i belongs to device i % 1000 at second i / 1000: every fix is new.
                    var time = start + Duration.FromSeconds(i / 1000);
                    body.Append(CultureInfo.InvariantCulture, $"{{\"device_id\":\"{DeviceId(i % 1000)}\",\"time\":\"{time}\",\"lat\":{51.4 + ((i % 977) * 1e-5):F6},\"lon\":-0.11,\"accuracy_m\":8}}");
                    body.Append(i + 1 < first + batchSize ? ',' : ']');
                }

                body.Append('}');
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/api/v1/ingest/batch", new StringContent(body.ToString(), Encoding.UTF8, "application/json"));
                response.EnsureSuccessStatusCode();
                double ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                Interlocked.Add(ref accepted, batchSize);
                Interlocked.Increment(ref requests);
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        })));
        clock.Stop();
        Console.WriteLine($"batch: {accepted:N0} fixes in {requests:N0} requests of {batchSize:N0} over {clock.Elapsed.TotalSeconds:F1} s from {clients} clients = {accepted / clock.Elapsed.TotalSeconds:N0} fixes/s acknowledged after commit");
        Console.WriteLine($"batch: request latency p50 {BenchStats.Percentile(latencies, 0.5):F0} ms, p99 {BenchStats.Percentile(latencies, 0.99):F0} ms");
        return 0;
    }

    private static async Task<int> OsmAndAsync(int port, string secret, int seconds, int clients)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret); // a gateway credential
        long start = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 72_000;
        long done = 0, sequence = 0, failed = 0;
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < until)
            {
                long i = Interlocked.Increment(ref sequence);
                string url = string.Create(CultureInfo.InvariantCulture, $"/?id={DeviceId(i % 1000)}&lat={51.4 + ((i % 977) * 1e-5):F6}&lon=-0.11&timestamp={start + (i / 1000)}&accuracy=8");
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url);
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref done);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        clock.Stop();
        Console.WriteLine($"osmand: {done:N0} single-fix requests answered 200 ({failed} not) in {clock.Elapsed.TotalSeconds:F1} s over {clients} keep-alive connections = {done / clock.Elapsed.TotalSeconds:N0} requests/s");
        Console.WriteLine($"osmand: latency p50 {BenchStats.Percentile(latencies, 0.5):F1} ms, p99 {BenchStats.Percentile(latencies, 0.99):F1} ms");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> Gt06Async(int port, int connections, int minutes, int zones, string database)
    {
        var lastSent = new DateTimeOffset[connections];
        var latencies = new List<double>();
        long acknowledged = 0, lost = 0;
        var connectClock = Stopwatch.StartNew();
        var devices = new List<(TcpClient Client, NetworkStream Stream)>(connections);
        for (int d = 0; d < connections; d++)
        {
            var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync(Gt06Frames.Login(DeviceId(d), 1));
            devices.Add((client, stream));
        }

        foreach (var (_, stream) in devices)
        {
            await stream.ReadExactlyAsync(new byte[10]);
        }

        Console.WriteLine($"gt06: {connections:N0} connections logged in in {connectClock.Elapsed.TotalSeconds:F1} s");
        var start = Instant.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(devices.Select((device, d) => Task.Run(async () =>
        {
            var mine = new List<double>(minutes);
            var ack = new byte[10];
            // Each device reports once a minute at its own second of the minute, as real tags drift apart.
            var offset = TimeSpan.FromMilliseconds(d * 60_000.0 / connections);
            for (int m = 0; m < minutes; m++)
            {
                var due = offset + TimeSpan.FromMinutes(m);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                // Devices with a zone start 500 m south of it and walk in at minute 1: the second fix inside is a breach.
                bool zoned = IsZoned(d, connections, zones);
                var (lat, lon) = zoned ? ZoneCentre(d) : (51.4 + (d * 1e-6), -0.1);
                if (zoned && m == 0)
                {
                    lat -= 500 / 111_250.0;
                }

                var frame = Gt06Frames.Location(start + Duration.FromMinutes(m), lat, lon, 3, 90, true, m + 2);
                var sent = Stopwatch.GetTimestamp();
                lastSent[d] = TimeProvider.System.GetUtcNow();
                try
                {
                    await device.Stream.WriteAsync(frame);
                    await device.Stream.ReadExactlyAsync(ack);
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    Interlocked.Increment(ref acknowledged);
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref lost);
                    return;
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        Console.WriteLine($"gt06: {acknowledged:N0} fixes acknowledged ({lost} connections lost) over {clock.Elapsed.TotalMinutes:F1} min = {acknowledged / clock.Elapsed.TotalSeconds:N0} fixes/s");
        Console.WriteLine($"gt06: fix-to-acknowledgement (durable) latency p50 {BenchStats.Percentile(latencies, 0.5):F1} ms, p99 {BenchStats.Percentile(latencies, 0.99):F1} ms, max {latencies.DefaultIfEmpty().Max():F1} ms");
        foreach (var (client, _) in devices)
        {
            client.Dispose();
        }

        if (zones > 0)
        {
            await ReportAlertLatencyAsync(database, lastSent, zones);
        }

        return lost == 0 ? 0 : 1;
    }

    // Fix-to-alert: from sending the fix that completes the evidence to the alert's raised time (same machine clock).
    private static async Task ReportAlertLatencyAsync(string database, DateTimeOffset[] lastSent, int zones)
    {
        var services = await TagwatchServices.OpenAsync(database, TimeProvider.System);
        List<Application.Monitoring.Alert> alerts = [];
        for (int attempt = 0; attempt < 100; attempt++)
        {
            alerts = [.. (await services.Alerts.ListAsync(new Application.Monitoring.AlertQuery(Kinds: [Core.Alerts.AlertKind.ExclusionBreach], Limit: 100_000)))];
            if (alerts.Count >= zones)
            {
                break;
            }

            await Task.Delay(100);
        }

        var latencies = alerts
            .Select(a => (a.Raised - Instant.FromDateTimeOffset(lastSent[int.Parse(a.Tag.Value[^6..], CultureInfo.InvariantCulture)])).TotalMilliseconds)
            .ToList();
        Console.WriteLine($"gt06: {alerts.Count:N0} of {zones:N0} zone breaches alerted; fix-to-alert latency min {latencies.DefaultIfEmpty().Min():F1} ms, p50 {BenchStats.Percentile(latencies, 0.5):F1} ms, p99 {BenchStats.Percentile(latencies, 0.99):F0} ms, max {latencies.DefaultIfEmpty().Max():F0} ms (alert times are stored to the millisecond)");
    }

    private static (double Lat, double Lon) ZoneCentre(int d) => (51.30 + ((d % 1000) * 0.0003), -0.30 + ((d / 1000) * 0.004));

    // Zoned devices are spread evenly over the minute (every k-th device), as real wearers' tags are.
    private static bool IsZoned(int d, int devices, int zones) => zones > 0 && d % Math.Max(devices / zones, 1) == 0 && d / Math.Max(devices / zones, 1) < zones;

    private static async Task<string> PrepareAsync(TagwatchServices services, int devices, string protocol, int zones = 0)
    {
        await services.Tags.RegisterAsync([.. Enumerable.Range(0, devices).Select(d => new Tag(TagId.Parse(DeviceId(d)), protocol, "bench"))]);
        if (zones > 0)
        {
            var today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InUtc().Date;
            var scheme = await services.OffenderStore.GetSchemeAsync();
            await services.OffenderStore.SaveSchemeAsync(scheme with { StartDate = today.PlusMonths(-1), Capacity = zones + 100 });
            // Fitted just now: a tag fitted long ago that has never fixed would rightly raise "unable to monitor".
            var assignedFrom = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
            for (int d = 0; d < devices; d++)
            {
                if (!IsZoned(d, devices, zones))
                {
                    continue;
                }

                var enrolled = await services.Offenders.EnrolAsync(new Core.Scheme.EnrolmentRequest
                {
                    Person = new Core.Offenders.PersonalDetails("Bench", $"Person{d}", new LocalDate(1995, 1, 1)),
                    IndexOffences = [Core.Offenders.IndexOffence.Robbery],
                    CustodialSentenceServed = true,
                    GpsLicenceCondition = true,
                    LicenceStart = today.PlusDays(-1),
                    LicenceEnd = today.PlusMonths(6),
                    ReleaseAddress = new Core.Geo.GeoPoint(51.4500, -0.1000),
                    RiskTier = Core.Offenders.RiskTier.High,
                });
                var person = enrolled.Offender?.Id ?? throw new InvalidOperationException(string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)));
                await services.Tags.AssignAsync(TagId.Parse(DeviceId(d)), person, assignedFrom);
                var (lat, lon) = ZoneCentre(d);
                await services.Conditions.AddAsync(new Core.Conditions.LicenceCondition(0, person, Core.Conditions.ConditionKind.Exclusion, Core.Conditions.ZoneArea.Circle(new Core.Geo.GeoPoint(lat, lon), 150), Core.Conditions.Schedule.Always, Duration.Zero, new Core.Conditions.DecisionRules(), "bench zone"), 0, "bench");
            }
        }

        var (_, secret) = await services.Credentials.CreateAsync(null, "bench gateway");
        return secret;
    }

    private static string DeviceId(long d) => (359_339_075_000_000 + d).ToString(CultureInfo.InvariantCulture);

    private static Process StartServer(string[] databaseArgs, int api, int osmand, int gt06)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "tagwatch.dll"), "serve" }.Concat(databaseArgs).Concat(new[] { "--urls", $"http://127.0.0.1:{api}", "--osmand-port", Text(osmand), "--gt06-port", Text(gt06), "--h02-port", "0" }))
        {
            start.ArgumentList.Add(arg);
        }

        // Load comes from one address far faster than any device: lift the per-address limits for the run.
        start.Environment["Tagwatch__Server__MaxConnectionsPerAddress"] = "1000000";
        start.Environment["Tagwatch__Server__MaxRequestsPerSecondPerAddress"] = "0";
        start.Environment["Tagwatch__Server__MaxFramesPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine("server: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(int port)
    {
        using var http = new HttpClient();
        for (int attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not become ready within a minute");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
