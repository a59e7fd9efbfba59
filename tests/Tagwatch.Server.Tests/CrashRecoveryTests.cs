using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Storage;

namespace Tagwatch.Server.Tests;

/// <summary>The promise behind every acknowledgement: kill the server hard in the middle of a sustained upload, start
/// it again, and every fix that was acknowledged is there exactly once.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Imei = "359339075019999";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tagwatch-crash-tests", Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(_directory);

    private string Database => Path.Combine(_directory, "tagwatch.db");

    [Fact]
    public async Task KillDuringUpload_EveryAcknowledgedFixSurvivesExactlyOnce()
    {
        Assert.Equal(0, await RunToEndAsync("tags", "add", Imei, "--protocol", "gt06", "--db", Database));
        var start = Instant.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()) - Duration.FromHours(6);
        const int Frames = 20_000;
        byte[] Frame(int i) => Gt06Frames.Location(start + Duration.FromSeconds(i), 51.4 + (i * 1e-6), -0.1, 3, 90, true, i & 0xFFFF);

        int port = RunningServer.FreePort();
        var acknowledged = new HashSet<int>();
        using (var server = StartServer(port))
        {
            using var device = await ConnectWhenListeningAsync(port);
            var stream = device.GetStream();
            await stream.WriteAsync(Gt06Frames.Login(Imei, 0));
            await stream.ReadExactlyAsync(new byte[10]);

            // The device streams fixes, at most 200 awaiting acknowledgement (as a device's buffer would), while reading
            // acknowledgements; the server dies once 2,000 have been acknowledged, with the upload in full flow.
            using var window = new SemaphoreSlim(200);
            var sending = Task.Run(async () =>
            {
                try
                {
                    for (int i = 0; i < Frames; i++)
                    {
                        await window.WaitAsync();
                        await stream.WriteAsync(Frame(i));
                    }
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    // The server died mid-upload, as intended.
                }
            });
            var ack = new byte[10];
            try
            {
                while (acknowledged.Count < Frames)
                {
                    await stream.ReadExactlyAsync(ack);
                    int serial = (ack[4] << 8) | ack[5];
                    acknowledged.Add(serial);
                    window.Release();
                    if (acknowledged.Count == 2_000)
                    {
                        server.Kill(entireProcessTree: true);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or EndOfStreamException)
            {
                // Connection lost with the server.
            }

            window.Release(200); // let a sender waiting for acknowledgements find the connection gone
            device.Close();
            await sending;
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        Assert.InRange(acknowledged.Count, 2_000, Frames - 1);

        // Restart on the same file (on a port free now: the old one may have been taken since): it must open, and hold
        // every acknowledged fix once.
        port = RunningServer.FreePort();
        using (var restarted = StartServer(port))
        {
            using (await ConnectWhenListeningAsync(port))
            {
            }

            var services = await TagwatchServices.OpenAsync(Database, TimeProvider.System);
            var fixes = await services.Fixes.ReadAsync(TagId.Parse(Imei), Instant.MinValue, Instant.MaxValue);
            var times = fixes.Select(f => (int)(f.Time - start).TotalSeconds).ToList();
            Assert.Equal(times.Count, times.Distinct().Count());
            Assert.Empty(acknowledged.Except(times));

            // The device then re-sends everything it has (acknowledged or not): still exactly one of each.
            using var device = await ConnectWhenListeningAsync(port);
            var stream = device.GetStream();
            await stream.WriteAsync(Gt06Frames.Login(Imei, 0));
            await stream.ReadExactlyAsync(new byte[10]);
            var resend = Task.Run(async () =>
            {
                for (int i = 0; i < Frames; i++)
                {
                    await stream.WriteAsync(Frame(i));
                }
            });
            await stream.ReadExactlyAsync(new byte[10 * Frames]);
            await resend;
            var after = await services.Fixes.ReadAsync(TagId.Parse(Imei), Instant.MinValue, Instant.MaxValue);
            Assert.Equal(Frames, after.Count);
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }

    private KilledOnDispose StartServer(int gt06Port)
    {
        var start = Command("serve", "--db", Database, "--urls", $"http://127.0.0.1:{RunningServer.FreePort()}", "--osmand-port", "0", "--h02-port", "0", "--gt06-port", gt06Port.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new KilledOnDispose(process);
    }

    private async Task<int> RunToEndAsync(params string[] args)
    {
        using var process = Process.Start(Command(args))!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private ProcessStartInfo Command(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagwatch.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "200";
        start.Environment["Tagwatch__Server__MaxFramesPerMinute"] = "10000000"; // this device uploads far faster than any real one
        return start;
    }

    /// <summary>A server process that cannot outlive its test, even a failing one.</summary>
    private sealed class KilledOnDispose(Process process) : IDisposable
    {
        public void Kill(bool entireProcessTree) => process.Kill(entireProcessTree);

        public Task WaitForExitAsync() => process.WaitForExitAsync();

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    // Waiting for a freshly started process to listen (not a timing assertion): up to a minute of attempts.
    private static async Task<TcpClient> ConnectWhenListeningAsync(int port)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await RunningServer.ConnectAsync(port);
            }
            catch (SocketException) when (attempt < 600)
            {
                await Task.Delay(100);
            }
        }
    }
}
