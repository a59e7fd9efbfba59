using System.Text;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.H02;

namespace Tagwatch.Protocols.Tests.Devices;

public sealed class H02DecoderTests
{
    private static readonly Instant Received = Instant.FromUtc(2024, 1, 1, 0, 0);

    public static TheoryData<int> ExpectedPositionSamples() =>
        [.. ProtocolSample.Load("h02").Where(s => s.Latitude is not null).Select(s => s.Line)];

    [Theory]
    [MemberData(nameof(ExpectedPositionSamples))]
    public void Decode_TraccarSampleWithExpectedPosition_MatchesIt(int line)
    {
        var sample = ProtocolSample.Load("h02").Single(s => s.Line == line);

        var p = Assert.Single(Decode(sample.Bytes).Positions);

        Assert.Equal(sample.Latitude!.Value, p.Latitude, 5);
        Assert.Equal(sample.Longitude!.Value, p.Longitude, 5);
        Assert.Equal(sample.Valid, p.Valid);
        Assert.Equal(LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss.fff").Parse(sample.TimeUtc!).Value.InUtc().ToInstant(), p.Time);
    }

    public static TheoryData<int> PositionSamples() =>
        [.. ProtocolSample.Load("h02").Where(s => s.Verify == "verifyPosition").Select(s => s.Line)];

    [Theory]
    [MemberData(nameof(PositionSamples))]
    public void Decode_TraccarPositionSample_GivesPlausiblePosition(int line)
    {
        var sample = ProtocolSample.Load("h02").Single(s => s.Line == line);

        var result = H02Decoder.Decode(sample.Bytes, Received);

        Assert.True(result.IsSuccess, result.Error);
        var p = Assert.Single(result.Message!.Positions);
        Assert.InRange(p.Latitude, -90, 90);
        Assert.InRange(p.Longitude, -180, 180);
        Assert.True(Math.Abs(p.Latitude) + Math.Abs(p.Longitude) > 1, $"position {p.Latitude},{p.Longitude} is at null island");
    }

    [Fact]
    public void Decode_TraccarNullSamples_GiveNoPosition()
    {
        foreach (var sample in ProtocolSample.Load("h02").Where(s => s.Verify == "verifyNull"))
        {
            var result = H02Decoder.Decode(sample.Bytes, Received);
            Assert.True(result.Message is null || result.Message.Positions.Count == 0, sample.ToString());
        }
    }

    [Fact]
    public void Decode_BinaryLocation_GivesHandCheckedValues()
    {
        var message = Decode(Convert.FromHexString("2491802711800850240512192350143206090249758e000001ffffbbff00bdf0900000000001d60161cc4b9a35"));

        var p = Assert.Single(message.Positions);
        Assert.Equal("9180271180", message.DeviceId);
        Assert.Equal(Instant.FromUtc(2019, 12, 5, 8, 50, 24), p.Time);
        Assert.Equal(23 + (50.1432 / 60), p.Latitude, 6);
        Assert.Equal(90 + (24.9758 / 60), p.Longitude, 6);
        Assert.Equal(1, p.HeadingDegrees);
        Assert.Equal(100, message.BatteryPercent);
        Assert.True(p.Valid);
    }

    [Fact]
    public void Decode_TextLocation_ConvertsKnotsAndReadsAllFields()
    {
        var message = Decode("*HQ,865205035331981,V1,132926,A,1935.3933,N,07920.4134,E,  3.34,342,280519,FFFFFFFF#"u8.ToArray());

        var p = Assert.Single(message.Positions);
        Assert.Equal("865205035331981", message.DeviceId);
        Assert.Equal(Instant.FromUtc(2019, 5, 28, 13, 29, 26), p.Time);
        Assert.Equal(3.34 * 1.852, p.SpeedKmh!.Value, 9);
        Assert.Equal(342, p.HeadingDegrees);
        Assert.Empty(message.Alarms);
    }

    [Fact]
    public void Decode_CoordinatesWithoutDecimalPoint_ReadFourDecimalsOfMinutes()
    {
        var p = Decode("*HQ,5905101893,V1,105759,A,37573392,S,145037022,E,000.00,173,280122,FF7FFBFF,,,9059e2c,8232,4#"u8.ToArray()).Positions[0];

        Assert.Equal(-(37 + (57.3392 / 60)), p.Latitude, 6);
        Assert.Equal(145 + (3.7022 / 60), p.Longitude, 6);
    }

    [Fact]
    public void Decode_ClearedSosBit_RaisesSos()
    {
        var message = Decode("*HQ,865205035331981,V1,132926,A,5130.0000,N,00007.0000,W,0,0,280519,FFFFFFFD#"u8.ToArray());

        Assert.Equal([DeviceAlarm.Sos], message.Alarms);
        Assert.Equal(-7.0 / 60, message.Positions[0].Longitude, 9);
    }

    [Fact]
    public void Decode_Heartbeat_ReadsBattery()
    {
        var message = Decode("*HQ,135790246811220,HTBT,100#"u8.ToArray());

        Assert.Equal("heartbeat", message.Kind);
        Assert.Equal(100, message.BatteryPercent);
    }

    [Fact]
    public void Decode_EmptyTime_KeepsPositionAtReceivedTimeMarkedAssumed()
    {
        var p = Decode("*HQ,353505220873067,V1,,V,4605.75732,N,01430.73863,E,0.00,0,,FFFFFFEF,125,194,  64,d3#"u8.ToArray()).Positions[0];

        Assert.True(p.TimeAssumed);
        Assert.Equal(Received, p.Time);
        Assert.False(p.Valid);
    }

    // Firmware that sends V2 and VI1 reports, and a numeric coding scheme or nothing where A/V stands: the position is
    // still there (Traccar reads it too; a coding scheme comes with a fix, an empty flag does not).
    [Theory]
    [InlineData("*HQ,4210209006,V1,054048,0,2828.2297,N,07733.4332,E,000.5,047,080918,EEE7FBDF#", true)]
    [InlineData("*HQ,4210209006,V2,054048,,2828.2297,N,07733.4332,E,000.5,047,080918,FFFFFBFF#", false)]
    [InlineData("*HQ,4210209006,VI1,054048,A,2828.2297,N,07733.4332,E,000.5,047,080918,FFFFFBFF#", true)]
    public void Decode_ValidityFieldZeroEmptyOrNewType_KeepsThePosition(string text, bool valid)
    {
        var p = Assert.Single(Decode(Encoding.ASCII.GetBytes(text)).Positions);

        Assert.Equal(Instant.FromUtc(2018, 9, 8, 5, 40, 48), p.Time);
        Assert.Equal(28 + (28.2297 / 60), p.Latitude, 6);
        Assert.Equal(77 + (33.4332 / 60), p.Longitude, 6);
        Assert.Equal(valid, p.Valid);
    }

    [Fact]
    public void Decode_Vp1WithFix_GivesThePositionAtTheReceivedTime()
    {
        var message = Decode("*hq,356327081001239,VP1,A,2228.1234,N,11402.5678,E,0.50,120.00,081118#"u8.ToArray());

        var p = Assert.Single(message.Positions);
        Assert.Equal(22 + (28.1234 / 60), p.Latitude, 6);
        Assert.Equal(114 + (2.5678 / 60), p.Longitude, 6);
        Assert.True(p.TimeAssumed);
        Assert.Equal(Received, p.Time);
    }

    // The 42-byte binary form carries a 15-digit IMEI in 8 bytes; the rest is the 32-byte form's.
    private const string LongIdBinary = "24" + "3563270810012390" + "1245431311165035313006004318210e000000fffffbff" + "ff002400000000000000";

    [Fact]
    public void DecodeCaptured_BinaryWithImei_ReadsThe42ByteForm()
    {
        var results = new CapturedPayloadDecoder("h02").Decode(LongIdBinary, Received);

        var message = Assert.Single(results).Message!;
        Assert.Equal(42, Convert.FromHexString(LongIdBinary).Length);
        Assert.Equal("356327081001239", message.DeviceId);
        Assert.Equal(Instant.FromUtc(2016, 11, 13, 12, 45, 43), Assert.Single(message.Positions).Time);
    }

    [Fact]
    public void Framer_42ByteBinaryFollowedByText_IsSplitAtTheNextMessage()
    {
        byte[] stream = [.. Convert.FromHexString(LongIdBinary), .. "*HQ,1,HTBT,90#"u8.ToArray()];

        Assert.Equal(FrameScan.Whole(42), H02Framer.Scan(stream));
    }

    [Theory]
    [InlineData("*HQ,1,V1,132926,A,9935.3933,N,07920.4134,E,0,0,280519,FFFFFFFF#", "latitude")]
    [InlineData("*HQ,1,V1,132926,A,1935.3933,N,07920.4134,E,0,0,310219,FFFFFFFF#", "not a valid date")]
    [InlineData("*HQ,1,V1,132926,A,1935.3933,N,07920.4134,E,fast,0,280519,FFFFFFFF#", "speed 'fast'")]
    [InlineData("*HQ,1,V1,132926,A,1935.3933,N,07920.4134,E,0,0,280519,FFFFFFFF", "'#'")]
    [InlineData("HQ,1,V1#", "starts with neither")]
    public void Decode_MalformedText_NamesTheProblem(string text, string expected)
    {
        var result = H02Decoder.Decode(Encoding.ASCII.GetBytes(text), Received);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Framer_TextMessagesWithLineBreaksAndABinaryMessage_AreSplit()
    {
        byte[] text = "*HQ,1,HTBT,90#"u8.ToArray();
        byte[] binary = Convert.FromHexString("2441060116601245431311165035313006004318210e000000fffffbffff0024");
        byte[] stream = [.. text, (byte)'\r', (byte)'\n', .. binary, .. text];

        var scans = new List<FrameScan>();
        var rest = stream.AsSpan();
        while (rest.Length > 0)
        {
            var scan = H02Framer.Scan(rest);
            scans.Add(scan);
            if (scan.Status == FrameScanStatus.NeedMore)
            {
                break;
            }

            rest = rest[scan.Length..];
        }

        Assert.Equal([FrameScan.Whole(text.Length), FrameScanStatus.Skip, FrameScan.Whole(32), FrameScan.Whole(text.Length)], scans.Select(s => s.Status == FrameScanStatus.Skip ? (object)s.Status : s));
    }

    [Property(MaxTest = 2000)]
    public bool Decode_RandomBytes_NeverThrows(byte[] bytes)
    {
        var result = H02Decoder.Decode(bytes, Received);
        return result.IsSuccess || result.Error is not null;
    }

    [Property(MaxTest = 2000)]
    public bool Decode_MutatedTextMessage_NeverThrows(int position, char value)
    {
        var text = "*HQ,865205035331981,V1,132926,A,1935.3933,N,07920.4134,E,  3.34,342,280519,FFFFFFFF#".ToCharArray();
        text[(int)((uint)position % (uint)text.Length)] = value;
        var result = H02Decoder.Decode(Encoding.UTF8.GetBytes(text), Received);
        return result.IsSuccess || result.Error is not null;
    }

    // The newer forms too: the 42-byte binary with an IMEI and the VP1 report.
    [Property(MaxTest = 2000)]
    public bool Decode_MutatedLongIdBinaryOrVp1_NeverThrows(int position, byte value, bool vp1)
    {
        byte[] message = vp1 ? "*hq,356327081001239,VP1,A,2228.1234,N,11402.5678,E,0.50,120.00,081118#"u8.ToArray() : Convert.FromHexString(LongIdBinary);
        message[(int)((uint)position % (uint)message.Length)] = value;
        var result = H02Decoder.Decode(message, Received);
        return result.IsSuccess || result.Error is not null;
    }

    [Property(MaxTest = 1000)]
    public bool Framer_RandomStream_AlwaysMakesProgressOrWaits(byte[] bytes)
    {
        var rest = bytes.AsSpan();
        while (rest.Length > 0)
        {
            var scan = H02Framer.Scan(rest);
            if (scan.Status == FrameScanStatus.NeedMore)
            {
                return true;
            }

            if (scan.Length < 1 || scan.Length > rest.Length)
            {
                return false;
            }

            rest = rest[scan.Length..];
        }

        return true;
    }

    private static DeviceMessage Decode(byte[] bytes)
    {
        var result = H02Decoder.Decode(bytes, Received);
        Assert.True(result.IsSuccess, result.Error);
        return result.Message!;
    }
}
