using FsCheck.Xunit;
using NodaTime;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.OsmAnd;

namespace Tagwatch.Protocols.Tests.Devices;

public sealed class OsmAndDecoderTests
{
    private static readonly Instant Received = Instant.FromUtc(2024, 1, 1, 0, 0);

    public static TheoryData<int> PositionSamples() =>
        [.. ProtocolSample.Load("osmand").Where(s => s.Verify == "verifyPosition").Select(s => s.Line)];

    [Theory]
    [MemberData(nameof(PositionSamples))]
    public void DecodeCaptured_TraccarPositionSample_GivesPosition(int line)
    {
        var sample = ProtocolSample.Load("osmand").Single(s => s.Line == line);

        var result = OsmAndDecoder.DecodeCaptured(Body(sample.Payload), Received);

        Assert.True(result.IsSuccess, result.Error);
        var p = Assert.Single(result.Message!.Positions);
        Assert.InRange(p.Latitude, -90, 90);
        Assert.NotNull(result.Message.DeviceId);
    }

    [Fact]
    public void DecodeCaptured_QueryWithIsoTimeAndHdop_ReadsEveryField()
    {
        var message = Decode("/?id=902064&lat=42.06288&lon=-88.23412&timestamp=2016-01-27T18%3A55%3A47Z&hdop=6.0&altitude=224.0&speed=10.0&bearing=45&batt=87&charge=true");

        var p = Assert.Single(message.Positions);
        Assert.Equal("902064", message.DeviceId);
        Assert.Equal(Instant.FromUtc(2016, 1, 27, 18, 55, 47), p.Time);
        Assert.Equal(42.06288, p.Latitude);
        Assert.Equal(-88.23412, p.Longitude);
        Assert.Null(p.AccuracyMetres); // HDOP is not a radius: ingest estimates one and flags it
        Assert.Equal(6, p.Hdop);
        Assert.Equal(18.52, p.SpeedKmh!.Value, 9);
        Assert.Equal(45, p.HeadingDegrees);
        Assert.Equal(224, p.AltitudeMetres);
        Assert.Equal(87, message.BatteryPercent);
        Assert.True(message.Charging);
        Assert.False(p.TimeAssumed);
    }

    [Theory]
    [InlineData("1377177267")]
    [InlineData("1377177267000")]
    [InlineData("2013-08-22T13:14:27Z")]
    [InlineData("2013-08-22T14:14:27+01:00")]
    [InlineData("2013-08-22 13:14:27")]
    public void ParseTime_EveryAcceptedForm_GivesTheSameInstant(string text) =>
        Assert.Equal(Instant.FromUtc(2013, 8, 22, 13, 14, 27), OsmAndDecoder.ParseTime(text));

    [Fact]
    public void DecodeCaptured_LocationParameterAndRequestLine_AreAccepted()
    {
        var p = Decode("GET /?deviceid=abc&location=51.5,-0.12&timestamp=1377177267&accuracy=12 HTTP/1.1").Positions[0];

        Assert.Equal(51.5, p.Latitude);
        Assert.Equal(-0.12, p.Longitude);
        Assert.Equal(12, p.AccuracyMetres);
    }

    [Fact]
    public void DecodeCaptured_CellsWithoutPosition_GivesNoPositionAndSaysWhy()
    {
        var message = Decode("/?id=123456&timestamp=1377177267&cell=257,02,16,2224&cell=257,02,16,2223,-90&wifi=00-14-22-01-23-45,-80");

        Assert.Empty(message.Positions);
        Assert.Equal("2 cell and 1 Wi-Fi observations not geolocated", message.Note);
    }

    [Fact]
    public void DecodeJson_TraccarClientBody_ReadsCoordsAndBattery()
    {
        var sample = ProtocolSample.Load("osmand").Single(s => s.Line == 15);

        var message = Decode(Body(sample.Payload));

        var p = Assert.Single(message.Positions);
        Assert.Equal("48241179", message.DeviceId);
        Assert.Equal(Instant.FromUtc(2025, 6, 15, 13, 45, 12).PlusNanoseconds(862_000_000), p.Time);
        Assert.Equal(37.4219983, p.Latitude);
        Assert.Equal(5, p.AccuracyMetres);
        Assert.Null(p.HeadingDegrees);
        Assert.Equal(100, message.BatteryPercent);
        Assert.False(message.Charging);
    }

    [Fact]
    public void DecodeJson_ArrayOfBufferedLocations_GivesEveryPosition()
    {
        const string body = """{"device_id":"p1","location":[{"timestamp":"2026-01-01T10:00:00Z","coords":{"latitude":51.5,"longitude":-0.1,"speed":2}},{"timestamp":"2026-01-01T10:01:00Z","coords":{"latitude":51.501,"longitude":-0.1}}]}""";

        var message = Decode(body);

        Assert.Equal(2, message.Positions.Count);
        Assert.Equal(7.2, message.Positions[0].SpeedKmh!.Value, 9);
    }

    [Theory]
    [InlineData("/?lat=51&lon=0", "'id' or 'deviceid'")]
    [InlineData("/?id=1&lat=95&lon=0", "lat '95'")]
    [InlineData("/?id=1&lat=51&lon=abc", "lon 'abc'")]
    [InlineData("/?id=1&lat=51&lon=0&timestamp=yesterday", "timestamp 'yesterday'")]
    [InlineData("/?id=1&location=51", "location '51'")]
    [InlineData("/?id=1&lat=51&lon=0&valid=maybe", "valid 'maybe'")]
    [InlineData("""{"device_id":"1","location":{"coords":{"latitude":"x","longitude":0}}}""", "location.coords.latitude \"x\"")]
    [InlineData("""{"location":{}}""", "'device_id'")]
    [InlineData("""{"device_id":"1",""", "not valid JSON")]
    public void DecodeCaptured_BadRequest_NamesTheField(string payload, string expected)
    {
        var result = OsmAndDecoder.DecodeCaptured(payload, Received);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Property(MaxTest = 2000)]
    public bool DecodeCaptured_RandomText_NeverThrows(string text)
    {
        var result = OsmAndDecoder.DecodeCaptured(text ?? "", Received);
        return result.IsSuccess || result.Error is not null;
    }

    [Property(MaxTest = 1000)]
    public bool DecodeJson_RandomBytes_NeverThrows(byte[] bytes)
    {
        var result = OsmAndDecoder.DecodeJson(bytes, Received);
        return result.IsSuccess || result.Error is not null;
    }

    // The captured POST samples are stored as "/Content-Typeapplication/json{…}": the body follows the content type.
    private static string Body(string payload)
    {
        int json = payload.IndexOf('{', StringComparison.Ordinal);
        return payload.Contains("application/json", StringComparison.Ordinal) ? payload[json..] : payload;
    }

    private static DeviceMessage Decode(string payload)
    {
        var result = OsmAndDecoder.DecodeCaptured(payload, Received);
        Assert.True(result.IsSuccess, result.Error);
        return result.Message!;
    }
}
