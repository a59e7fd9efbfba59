using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class DecodeCommandTests
{
    [Fact]
    public async Task Decode_Gt06LoginThenLocationFromStandardInput_AttributesLocationToLoggedInDevice()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync(
            ["decode", "--protocol", "gt06", "-"],
            "787811010863586038760942a0010000010aa4000d0a\n787819100B031A0B1B31CC027AC7FD0C4657BF0115210001001CC6070D0A\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("78780501010A7ED70D0A", lines[0].GetProperty("messages")[0].GetProperty("response_hex").GetString());
        var location = lines[1].GetProperty("messages")[0];
        Assert.Equal("863586038760942", location.GetProperty("device_id").GetString());
        var position = location.GetProperty("positions")[0];
        Assert.Equal("2011-03-26T11:27:49Z", position.GetProperty("time").GetString());
        Assert.Equal(23.1116783, position.GetProperty("lat").GetDouble());
    }

    [Fact]
    public async Task Decode_CorruptFrame_PrintsReasonAndExitsThree()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("decode", "--protocol", "gt06", "787802120d0a");

        Assert.Equal(3, result.ExitCode);
        var errors = JsonDocument.Parse(result.Output).RootElement.GetProperty("errors");
        Assert.Contains("length field 2 is shorter", errors[0].GetString(), StringComparison.Ordinal);
    }

    // Messages a new user met refused before: a GT06 X1 location (0x34), a frame whose length field is a byte short
    // (decoded, its integrity reported failed), and an H02 binary report with a 15-digit IMEI (42 bytes).
    [Theory]
    [InlineData("gt06", "78783c340000000011061809130c0903107d2408488a5800144c00000000000001940b00b1000047ff000000000500018f42210000000100050003010b69450d0a", "2017-06-24T09:19:12Z", true)]
    [InlineData("gt06", "78781511170103100e1f9904efe30400a97f88003410ffdd000d0a", "2023-01-03T16:14:31Z", false)]
    [InlineData("h02", "2435632708100123901245431311165035313006004318210e000000fffffbffff002400000000000000", "2016-11-13T12:45:43Z", true)]
    public async Task Decode_MessagesRefusedBefore_PrintTheirPosition(string protocol, string payload, string time, bool intact)
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("decode", "--protocol", protocol, payload);

        Assert.Equal(0, result.ExitCode);
        var message = JsonDocument.Parse(result.Output).RootElement.GetProperty("messages")[0];
        Assert.Equal(time, message.GetProperty("positions")[0].GetProperty("time").GetString());
        Assert.Equal(intact, message.GetProperty("checksum_valid").GetBoolean());
    }

    [Fact]
    public async Task Decode_OsmAndRequestLine_PrintsPositionInKmh()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("decode", "--protocol", "osmand", "GET /?id=42&lat=51.5&lon=-0.1&timestamp=1700000000&speed=10 HTTP/1.1");

        Assert.Equal(0, result.ExitCode);
        var position = JsonDocument.Parse(result.Output).RootElement.GetProperty("messages")[0].GetProperty("positions")[0];
        Assert.Equal(18.52, position.GetProperty("speed_kmh").GetDouble());
        Assert.Equal("2023-11-14T22:13:20Z", position.GetProperty("time").GetString());
    }

    [Fact]
    public async Task Decode_UnknownProtocol_IsAUsageError()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("decode", "--protocol", "tk103", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gt06, h02, osmand, nmea", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_UnknownProtocol_ListsEveryRegisteredProtocolWithWhatItTakes()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("decode", "--protocol", "tk103", "x");

        foreach (var protocol in Protocols.Devices.DeviceProtocols.All)
        {
            Assert.Contains($"{protocol.Name}: {protocol.CaptureDescription}", result.Output + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Decode_ProtocolInCapitals_IsTheRegisteredProtocol()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("decode", "--protocol", "OsmAnd", "GET /?id=42&lat=51.5&lon=-0.1&timestamp=1700000000 HTTP/1.1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("osmand", JsonDocument.Parse(result.Output).RootElement.GetProperty("protocol").GetString());
    }
}
