using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tagwatch.Storage;

namespace Tagwatch.Server.Tests;

/// <summary>The start-up log names each listener as what it is: HTTP addresses, and the raw TCP device ports as device listeners.</summary>
public sealed class ListenerLogTests
{
    [Fact]
    public async Task Start_up_logs_http_as_listening_and_the_tcp_device_ports_as_device_listeners()
    {
        string directory = Path.Combine(Path.GetTempPath(), "tagwatch-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var services = await TagwatchServices.OpenAsync(Path.Combine(directory, "tagwatch.db"), TimeProvider.System);
        int[] ports = RunningServer.FreePorts(4);
        var options = new ServerOptions
        {
            Database = services.Sqlite.Path, Urls = $"http://127.0.0.1:{ports[0]}", OsmAndPort = ports[1], Gt06Port = ports[2], H02Port = ports[3],
        };
        var app = TagwatchServer.Build(options, services.Database, TimeProvider.System);
        var log = new CapturingLogger();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        try
        {
            await app.StartAsync();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // left for the OS
            }
        }

        var listening = log.Messages.Where(m => m.StartsWith("Now listening on", StringComparison.Ordinal)).ToList();
        Assert.Contains($"Now listening on: http://127.0.0.1:{ports[0]}", listening);
        Assert.DoesNotContain(listening, m => m.EndsWith($":{ports[2]}", StringComparison.Ordinal) || m.EndsWith($":{ports[3]}", StringComparison.Ordinal));
        Assert.Contains($"GT06 device listener on tcp://127.0.0.1:{ports[2]}", log.Messages);
        Assert.Contains($"H02 device listener on tcp://127.0.0.1:{ports[3]}", log.Messages);
    }
}
