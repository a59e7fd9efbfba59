using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Devices.Gt06;

namespace Tagwatch.Server.Tests;

public sealed class Gt06ListenerTests : IAsyncLifetime
{
    private static readonly TagId Tag = TagId.Parse(RunningServer.Gt06Imei);
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Instant Recent => Instant.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 120);

    [Fact]
    public async Task LoginThenLocations_AreAcknowledgedAfterTheyAreStored()
    {
        using var device = await RunningServer.ConnectAsync(_server.Options.Gt06Port);
        var login = Gt06Frames.Login(RunningServer.Gt06Imei, 1);
        await device.GetStream().WriteAsync(login);
        AssertBytes(Gt06Frames.Ack(0x01, 1, false), await device.ReadExactlyAsync(10));

        byte[] burst = [.. Gt06Frames.Location(Recent, 51.4613, -0.1156, 4, 90, true, 2), .. Gt06Frames.Location(Recent + Duration.FromMinutes(1), 51.4620, -0.1150, 4, 90, true, 3)];
        await device.GetStream().WriteAsync(burst);

        AssertBytes([.. Gt06Frames.Ack(0x12, 2, false), .. Gt06Frames.Ack(0x12, 3, false)], await device.ReadExactlyAsync(20));
        var fixes = await _server.Services.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue);
        Assert.Equal(2, fixes.Count);
        Assert.Equal(51.4613, fixes[0].Latitude, 5);
        Assert.Equal(3, (await _server.Services.Ingest.FramesAsync(Tag, Instant.MinValue, Instant.MaxValue)).Count);
    }

    [Fact]
    public async Task StrapAlarm_IsStoredAsDeviceEvent()
    {
        using var device = await LoggedInAsync();

        await device.GetStream().WriteAsync(Gt06Frames.Location(Recent, 51.4613, -0.1156, 0, 0, true, 9, alarm: 0x18));

        AssertBytes(Gt06Frames.Ack(0x16, 9, false), await device.ReadExactlyAsync(10));
        Assert.Equal("strap_tamper", Assert.Single(await _server.Services.Ingest.EventsAsync(Tag, Instant.MinValue, Instant.MaxValue)).Kind);
    }

    [Fact]
    public async Task GarbageAndACorruptFrame_AreSkippedAndTheNextFrameIsStored()
    {
        using var device = await LoggedInAsync();
        var corrupt = Gt06Frames.Location(Recent, 51.4613, -0.1156, 4, 90, true, 2);
        corrupt[^1] = 0x00; // no stop bits

        byte[] stream = [0x00, 0x11, 0x22, .. corrupt, .. Gt06Frames.Location(Recent, 51.47, -0.11, 4, 90, true, 3)];
        await device.GetStream().WriteAsync(stream);

        AssertBytes(Gt06Frames.Ack(0x12, 3, false), await device.ReadExactlyAsync(10));
        Assert.Equal(51.47, Assert.Single(await _server.Services.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue)).Latitude, 5);
    }

    [Fact]
    public async Task BadCrc_IsStoredFlaggedUnderTheDefaultPolicy()
    {
        using var device = await LoggedInAsync();
        var frame = Gt06Frames.Location(Recent, 51.4613, -0.1156, 4, 90, true, 4);
        frame[^3] ^= 0x5A;

        await device.GetStream().WriteAsync(frame);

        await device.ReadExactlyAsync(10);
        Assert.True(Assert.Single(await _server.Services.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue)).Flags.HasFlag(FixFlags.BadChecksum));
    }

    // A tag whose clock reset after a flat battery dates its fixes from 2000: the frame must still be answered, or the
    // tag resends it for ever; the fix itself is a clock fault and is not stored.
    [Theory]
    [InlineData(2000, 1, 1)]
    [InlineData(2005, 6, 1)]
    [InlineData(2009, 12, 31)]
    public async Task ClockResetLocation_IsStoredAsAFrameAndAcknowledgedButItsFixRefused(int year, int month, int day)
    {
        using var device = await LoggedInAsync();
        var clockReset = Gt06Frames.Location(Instant.FromUtc(year, month, day, 0, 0), 51.4613, -0.1156, 0, 0, false, 2);

        byte[] stream = [.. clockReset, .. Gt06Frames.Location(Recent, 51.47, -0.11, 4, 90, true, 3)];
        await device.GetStream().WriteAsync(stream);

        AssertBytes([.. Gt06Frames.Ack(0x12, 2, false), .. Gt06Frames.Ack(0x12, 3, false)], await device.ReadExactlyAsync(20));
        Assert.Equal(51.47, Assert.Single(await _server.Services.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue)).Latitude, 5);
        Assert.Equal(3, (await _server.Services.Ingest.FramesAsync(Tag, Instant.MinValue, Instant.MaxValue)).Count);
    }

    [Fact]
    public async Task LocationBeforeLogin_IsNotAcknowledgedOrStored()
    {
        using var device = await RunningServer.ConnectAsync(_server.Options.Gt06Port);

        await device.GetStream().WriteAsync(Gt06Frames.Location(Recent, 51.4613, -0.1156, 4, 90, true, 2));
        await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 3));

        AssertBytes(Gt06Frames.Ack(0x01, 3, false), await device.ReadExactlyAsync(10));
        Assert.Empty(await _server.Services.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task UnknownDevice_GetsNoAcknowledgementAndOthersAreUnaffected()
    {
        using var stranger = await RunningServer.ConnectAsync(_server.Options.Gt06Port);
        await stranger.GetStream().WriteAsync(Gt06Frames.Login("111111111111111", 1));
        using var device = await LoggedInAsync();

        await device.GetStream().WriteAsync(Gt06Frames.Location(Recent, 51.4613, -0.1156, 4, 90, true, 2));

        AssertBytes(Gt06Frames.Ack(0x12, 2, false), await device.ReadExactlyAsync(10));
        Assert.Equal(0, stranger.Available);
        Assert.Contains(await _server.Services.Ingest.RefusedDevicesAsync(), r => r.DeviceId == "111111111111111");
    }

    [Fact]
    public async Task FloodOfFrames_ClosesThatConnectionOnly()
    {
        await using var server = await RunningServer.StartAsync(o => o with { MaxFramesPerMinute = 20 });
        using var flood = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        var heartbeat = Gt06Frames.Build(0x13, [0x06, 0x04, 0x04, 0x00, 0x02], 1, false);

        await flood.GetStream().WriteAsync(Enumerable.Repeat(heartbeat, 50).SelectMany(f => f).ToArray());

        Assert.True(await flood.IsClosedByServerAsync());
        using var device = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
        AssertBytes(Gt06Frames.Ack(0x01, 1, false), await device.ReadExactlyAsync(10));
    }

    [Fact]
    public async Task SlowClientSendingHalfAFrame_IsClosedWhenIdleAndOthersCarryOn()
    {
        await using var server = await RunningServer.StartAsync(o => o with { DeviceIdleTimeout = TimeSpan.FromMilliseconds(500) });
        using var slow = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        await slow.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1).AsMemory(0, 6));

        Assert.True(await slow.IsClosedByServerAsync());
        using var device = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
        AssertBytes(Gt06Frames.Ack(0x01, 1, false), await device.ReadExactlyAsync(10));
    }

    [Fact]
    public async Task TooManyConnectionsFromOneAddress_AreRefused()
    {
        await using var server = await RunningServer.StartAsync(o => o with { MaxConnectionsPerAddress = 2 });
        using var first = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        using var second = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        foreach (var admitted in new[] { first, second })
        {
            // An answered login proves the connection holds one of the two places before the third arrives.
            await admitted.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
            await admitted.ReadExactlyAsync(10);
        }

        bool refused;
        try
        {
            using var third = await RunningServer.ConnectAsync(server.Options.Gt06Port);
            refused = await third.IsClosedByServerAsync();
        }
        catch (System.Net.Sockets.SocketException)
        {
            refused = true; // reset before the connect completed: refused just the same
        }

        Assert.True(refused);
    }

    private static void AssertBytes(byte[] expected, byte[] actual) => Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));

    private async Task<System.Net.Sockets.TcpClient> LoggedInAsync()
    {
        var device = await RunningServer.ConnectAsync(_server.Options.Gt06Port);
        await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
        await device.ReadExactlyAsync(10);
        return device;
    }
}
