using System.Globalization;
using System.Text;
using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Tests;

public sealed class H02ListenerTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task TextMessagesSplitAcrossWrites_AreAllStored()
    {
        var time = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        string Message(int minute) => string.Create(CultureInfo.InvariantCulture, $"*HQ,{RunningServer.H02Id},V1,{time.AddMinutes(minute):HHmmss},A,5127.6780,N,00006.9360,W,0.00,0,{time.AddMinutes(minute):ddMMyy},FFFFFBFF#\r\n");
        byte[] stream = Encoding.ASCII.GetBytes(Message(0) + Message(1));
        using var device = await RunningServer.ConnectAsync(_server.Options.H02Port);

        var network = device.GetStream();
        await network.WriteAsync(stream.AsMemory(0, 40));
        await network.FlushAsync();
        await network.WriteAsync(stream.AsMemory(40));
        device.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

        Assert.True(await network.IsClosedByServerAsync());
        var fixes = await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.H02Id), Instant.MinValue, Instant.MaxValue);
        Assert.Equal(2, fixes.Count);
        Assert.Equal(-(6.936 / 60), fixes[0].Longitude, 6);
    }
}
