using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using Tagwatch.Protocols.Devices.Gt06;

namespace Tagwatch.Cli.Tests.Postgres;

/// <summary>
/// Two <c>tagwatch serve</c> nodes on one PostgreSQL database, devices streaming to both; one node is killed with
/// SIGKILL in full flow. Its devices reconnect to the other and send again what was not acknowledged: device 0, as a
/// cautious device would, everything; device 1 only what was not acknowledged, so a breach node A acknowledged but had
/// not evaluated is found only from the database's record of monitoring still to do. Every acknowledged fix is stored
/// exactly once, every zone breach is alerted exactly once, and the survivor carries on with the singleton work.
/// </summary>
public sealed class FailoverTests : IDisposable
{
    private const int Devices = 4;
    private const int FixesPerDevice = 600;

    // Each device walks east along a line through its own exclusion zone: fixes 200–399 are inside it.
    private const double Latitude = 51.47;
    private const double ZoneLongitude = -0.10;
    private const double StepDegrees = 0.000_05;

    private static readonly Regex TakesWork = new(@"This node now runs (?<work>[a-z-]+)", RegexOptions.CultureInvariant);

    private readonly TagwatchProcess _folder = new();
    private readonly List<Process> _nodes = [];

    [Fact]
    public async Task NodeKilled_DevicesMoveToTheSurvivor_EveryAcknowledgedFixOnce_EveryBreachAlertedOnce()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        using var tagwatch = new Tagwatch();
        var start = Instant.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()) - Duration.FromMinutes(20);
        string[] imeis = [.. Enumerable.Range(0, Devices).Select(i => $"3593390750{i + 20000:D5}")];
        await EnrolWithZonesAsync(tagwatch, server.ConnectionString, imeis, start);

        var nodeA = StartNode(server.ConnectionString, "a");
        await WaitForAsync(() => Task.FromResult(nodeA.Works.Count), taken => taken > 0); // node A holds singleton work to lose
        var nodeB = StartNode(server.ConnectionString, "b");
        var acknowledged = imeis.ToDictionary(i => i, _ => new HashSet<int>());

        // Devices 0 and 1 on node A, 2 and 3 on node B. Node A dies once each of its devices has 300 fixes acknowledged.
        using var killed = new CancellationTokenSource();
        var streams = imeis.Select((imei, i) => StreamAsync(imei, i < 2 ? nodeA : nodeB, nodeB, start, acknowledged[imei], resendAcknowledged: i != 1, killAt: i < 2 ? 300 : null, onKillPoint: () =>
        {
            lock (acknowledged)
            {
                if (imeis.Take(2).All(d => acknowledged[d].Count >= 300) && !killed.IsCancellationRequested)
                {
                    _nodes[0].Kill(entireProcessTree: true);
                    killed.Cancel();
                }
            }
        })).ToList();
        await Task.WhenAll(streams);
        Assert.True(killed.IsCancellationRequested, "node A was killed mid-stream");

        // Every fix acknowledged by either node is stored, once.
        foreach (string imei in imeis)
        {
            var stored = await ExportedSecondsAsync(tagwatch, server.ConnectionString, imei, start);
            Assert.Equal(stored.Count, stored.Distinct().Count());
            Assert.Empty(acknowledged[imei].Except(stored));
            Assert.Equal(FixesPerDevice, stored.Count);
        }

        // Every breach alerted exactly once: one exclusion alert per device, whether node A saw its start or not.
        var alerts = await WaitForAsync(async () =>
        {
            var listed = await tagwatch.RunAsync("alerts", "list", "--json", "--postgres", server.ConnectionString);
            return listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(a => a.GetProperty("type").GetString() == "exclusion_breach").ToList();
        }, found => found.Count >= Devices);
        // When this fails, the alerts themselves say what happened (state, person, tag, times).
        string listed = string.Join("\n", alerts.Select(a => a.GetRawText()))
            + $"\nnode A's warnings:\n{string.Join("\n", nodeA.Problems)}\nnode B's warnings:\n{string.Join("\n", nodeB.Problems)}";
        Assert.True(alerts.Count == Devices, $"{alerts.Count} exclusion alerts for {Devices} devices:\n{listed}");
        Assert.True(alerts.Select(a => a.GetProperty("offender").GetString()).Distinct().Count() == Devices, $"not one alert per person:\n{listed}");

        Assert.False(nodeB.HasExited, "the surviving node is still serving");

        // Singleton work resumed on the survivor: whatever node A ran (it started first), node B runs now.
        var ranOnA = nodeA.Works.ToHashSet();
        Assert.NotEmpty(ranOnA);
        var ranOnB = await WaitForAsync(() => Task.FromResult(nodeB.Works.ToHashSet()), works => works.IsSupersetOf(ranOnA));
        Assert.Superset(ranOnA, ranOnB);
    }

    private static async Task EnrolWithZonesAsync(Tagwatch tagwatch, string connection, string[] imeis, Instant start)
    {
        string today = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string from = (start - Duration.FromHours(1)).ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Equal(0, (await tagwatch.RunAsync("scheme", "set", "--start", TimeProvider.System.GetUtcNow().AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--postgres", connection)).ExitCode);
        for (int i = 0; i < imeis.Length; i++)
        {
            string reference = $"TW-{i + 1:D5}";
            var enrol = await tagwatch.RunAsync("offenders", "enrol", "--given-name", "Sam", "--family-name", $"Failover{i}", "--dob", "1998-05-01", "--offence", "robbery",
                "--custodial", "--gps-condition", "--licence-start", today, "--licence-end", TimeProvider.System.GetUtcNow().AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--home-lat", "51.4613", "--home-lon", "-0.1156", "--risk-tier", "high", "--ref", reference, "--postgres", connection);
            Assert.True(enrol.ExitCode == 0, enrol.Error);
            Assert.Equal(0, (await tagwatch.RunAsync("tags", "add", imeis[i], "--protocol", "gt06", "--postgres", connection)).ExitCode);
            Assert.Equal(0, (await tagwatch.RunAsync("tags", "assign", imeis[i], "--offender", reference, "--from", from, "--postgres", connection)).ExitCode);
            string zone = string.Create(CultureInfo.InvariantCulture, $"{Latitude + i * 0.01},{ZoneLongitude + 300 * StepDegrees},150");
            var added = await tagwatch.RunAsync("zones", "add", "--offender", reference, "--kind", "exclusion", "--circle", zone, "--from", from, "--postgres", connection);
            Assert.True(added.ExitCode == 0, added.Error);
        }
    }

    // One device: logs in, streams its fixes with up to 50 awaiting acknowledgement, and when its node dies reconnects to
    // the survivor and sends again everything from the first fix, or only what was not acknowledged.
    private static async Task StreamAsync(string imei, NodeAddress first, NodeAddress survivor, Instant start, HashSet<int> acknowledged, bool resendAcknowledged, int? killAt, Action onKillPoint)
    {
        int device = int.Parse(imei[^1..], CultureInfo.InvariantCulture);
        byte[] Frame(int i) => Gt06Frames.Location(start + Duration.FromSeconds(i), Latitude + device * 0.01, ZoneLongitude + i * StepDegrees, 5, 90, true, i);
        bool moved = false;
        var node = first;
        while (true)
        {
            try
            {
                using var client = await ConnectWhenListeningAsync(node.Gt06Port);
                var stream = client.GetStream();
                await stream.WriteAsync(Gt06Frames.Login(imei, 0));
                await stream.ReadExactlyAsync(new byte[10]);
                using var window = new SemaphoreSlim(50);
                int[] toSend;
                lock (acknowledged)
                {
                    toSend = [.. Enumerable.Range(0, FixesPerDevice).Where(i => !moved || resendAcknowledged || !acknowledged.Contains(i))];
                }

                var sending = Task.Run(async () =>
                {
                    foreach (int i in toSend)
                    {
                        await window.WaitAsync();
                        await stream.WriteAsync(Frame(i));
                    }
                });
                var ack = new byte[10];
                for (int received = 0; received < toSend.Length; received++)
                {
                    await stream.ReadExactlyAsync(ack);
                    lock (acknowledged)
                    {
                        acknowledged.Add((ack[4] << 8) | ack[5]);
                    }

                    window.Release();
                    if (killAt is { } at && !moved && acknowledged.Count >= at)
                    {
                        onKillPoint();
                    }
                }

                await sending;
                return;
            }
            catch (Exception ex) when (ex is IOException or SocketException or EndOfStreamException or ObjectDisposedException && !moved)
            {
                moved = true;
                node = survivor;
            }
        }
    }

    private static async Task<List<int>> ExportedSecondsAsync(Tagwatch tagwatch, string connection, string imei, Instant start)
    {
        var export = await tagwatch.RunAsync("export", "fixes", "--tag", imei, "--from", "2000-01-01T00:00:00Z", "--to", "2100-01-01T00:00:00Z", "--format", "csv", "--postgres", connection);
        Assert.True(export.ExitCode == 0, export.Error);
        return [.. export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')[1])
            .Select(time => (int)(Instant.FromDateTimeOffset(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture)) - start).TotalSeconds)];
    }

    private NodeAddress StartNode(string connection, string name)
    {
        int http = FreePort(), gt06 = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagwatch.dll"));
        foreach (string arg in new[] { "serve", "--postgres", connection, "--urls", $"http://127.0.0.1:{http}", "--osmand-port", "0", "--h02-port", "0", "--gt06-port", gt06.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("TAGWATCH_DB");
        start.Environment["Storage__NodeFolder"] = Path.Combine(_folder.WorkingDirectory, "node-" + name);
        start.Environment["Tagwatch__Server__MaxFramesPerMinute"] = "10000000"; // these devices upload far faster than real ones
        // Monitoring a dead node left is done within seconds rather than the live minute and a half.
        start.Environment["Tagwatch__Server__Workers__MonitorTickEvery"] = "00:00:03";
        start.Environment["Tagwatch__Server__Workers__MonitorLeftBehindAfter"] = "00:00:05";
        var process = Process.Start(start)!;
        var node = new NodeAddress(process, http, gt06);
        process.OutputDataReceived += (_, line) => node.Read(line.Data);
        process.ErrorDataReceived += (_, line) => node.Read(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes.Add(process);
        return node;
    }

    private sealed record NodeAddress(Process Process, int HttpPort, int Gt06Port)
    {
        /// <summary>The singleton work this node has said it took, from its log.</summary>
        public ConcurrentQueue<string> Works { get; } = new();

        /// <summary>What the node logged at warning level or above, with the lines that follow (stack traces).</summary>
        public ConcurrentQueue<string> Problems { get; } = new();

        public bool HasExited => Process.HasExited;

        private int _following;

        public void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (TakesWork.Match(line) is { Success: true } taken)
            {
                Works.Enqueue(taken.Groups["work"].Value);
            }

            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                _following = 12;
            }

            if (_following > 0 && Problems.Count < 400)
            {
                _following--;
                Problems.Enqueue(line);
            }
        }
    }

    // Waiting for an outcome reached asynchronously (not a timing assertion): up to two minutes of polls.
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (int attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt >= 240)
            {
                return value;
            }

            await Task.Delay(500);
        }
    }

    // Waiting for a freshly started process to listen (not a timing assertion): up to a minute of attempts.
    private static async Task<TcpClient> ConnectWhenListeningAsync(int port)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                client.ReceiveTimeout = 10_000;
                return client;
            }
            catch (SocketException) when (attempt < 600)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }

            node.Dispose();
        }

        _folder.Dispose();
    }
}
