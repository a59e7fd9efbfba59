using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Ingest;

namespace Tagwatch.Server.Tests;

/// <summary>Garbage from unregistered senders neither fills the record of refusals nor reaches a terminal or log as
/// control sequences.</summary>
public sealed class RefusedDevicesTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task H02_HundredFramesWithGarbageIdentifiers_AreOneMalformedRecordAndLoggedWithoutControlCharacters()
    {
        var log = new CapturingLogger();
        _server.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        var random = new Random(12);
        var stream = new StringBuilder();
        for (int i = 0; i < 100; i++)
        {
            // Anything but the framing characters, control characters (an escape sequence among them) included.
            string garbage = new([.. Enumerable.Range(0, 12).Select(_ => (char)random.Next(0, 128)).Where(c => c is not (',' or '#' or '*' or '$'))]);
            stream.Append("*HQ,x\u001b[2J").Append(garbage).Append(",HTBT,50#");
        }

        using (var device = await RunningServer.ConnectAsync(_server.Options.H02Port))
        {
            var network = device.GetStream();
            await network.WriteAsync(Encoding.ASCII.GetBytes(stream.ToString()));
            device.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            Assert.True(await network.IsClosedByServerAsync());
        }

        var refused = Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync());
        Assert.Equal((RefusalReason.MalformedIdentifier, "", "h02", "127.0.0.1", 100L), (refused.Reason, refused.DeviceId, refused.Protocol, refused.Source, refused.Messages));
        Assert.NotEmpty(log.Messages);
        Assert.DoesNotContain(log.Messages, m => m.Any(c => char.IsControl(c)));
    }
}
