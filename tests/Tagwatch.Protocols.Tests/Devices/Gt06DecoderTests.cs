using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.Gt06;

namespace Tagwatch.Protocols.Tests.Devices;

public sealed class Gt06DecoderTests
{
    private static readonly Instant Received = Instant.FromUtc(2024, 1, 1, 0, 0);

    [Fact]
    public void Crc_StandardCheckString_IsX25CheckValue() =>
        Assert.Equal(0x906E, Gt06Crc.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Decode_LoginFrame_NamesDeviceAndAcknowledgesWithSerial()
    {
        var decoder = new Gt06Decoder();
        var result = decoder.Decode(Convert.FromHexString("787811010863586038760942a0010000010aa4000d0a"), Received);

        var message = Assert.IsType<DeviceMessage>(result.Message);
        Assert.Equal("login", message.Kind);
        Assert.Equal("863586038760942", message.DeviceId);
        Assert.Equal("863586038760942", decoder.DeviceId);
        Assert.Equal(0x010a, message.Serial);
        Assert.Equal("78780501010A7ED70D0A", Convert.ToHexString(message.Response!)); // ack: type 01, serial 010A, CRC-16/X-25 7ED7
    }

    [Fact]
    public void Decode_GpsMessageFromTraccarSample_GivesHandCheckedPosition()
    {
        var decoder = LoggedIn();
        var message = decoder.Decode(Convert.FromHexString("787819100B031A0B1B31CC027AC7FD0C4657BF0115210001001CC6070D0A"), Received).Message!;

        var p = Assert.Single(message.Positions);
        Assert.Equal(Instant.FromUtc(2011, 3, 26, 11, 27, 49), p.Time);
        Assert.Equal(23.111678, p.Latitude, 6);
        Assert.Equal(114.409208, p.Longitude, 6);
        Assert.Equal(1, p.SpeedKmh);
        Assert.Equal(289, p.HeadingDegrees);
        Assert.Equal(12, p.Satellites);
        Assert.True(p.Valid);
        Assert.True(message.ChecksumValid);
        Assert.Equal("123456789012345", message.DeviceId);
    }

    public static TheoryData<int> PositionSamples() =>
        [.. ProtocolSample.Load("gt06").Where(s => s.Verify == "verifyPosition").Select(s => s.Line)];

    // Line 154's length field is one byte short of its frame, which is also too short for its GPS block: Traccar reads
    // the position all the same, and so does Tagwatch, reporting the frame's integrity as failed.
    [Fact]
    public void Decode_FrameLongerThanItsLengthField_IsDecodedWithItsIntegrityFailed()
    {
        var sample = ProtocolSample.Load("gt06").Single(s => s.Line == 154);

        var message = LoggedIn().Decode(sample.Bytes, Received).Message!;

        Assert.False(message.ChecksumValid);
        Assert.StartsWith("length field 21 disagrees with the 22 bytes the frame holds", message.Note, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2023, 1, 3, 16, 14, 31), Assert.Single(message.Positions).Time);
    }

    [Fact]
    public void Decode_LocationWithImeiBeforeDate_TakesDeviceFromMessage()
    {
        var sample = ProtocolSample.Load("gt06").Single(s => s.Line == 623);

        var message = new Gt06Decoder().Decode(sample.Bytes, Received).Message!;

        Assert.Equal("866703066502297", message.DeviceId);
        Assert.Equal(Instant.FromUtc(2026, 2, 12, 10, 30, 50), Assert.Single(message.Positions).Time);
    }

    // A tag whose clock reset after a flat battery sends dates from 2000: the first byte (the year) is then ≤ 0x09 like
    // an IMEI's, but the frame is a plain location and must be decoded (and so acknowledged).
    [Theory]
    [InlineData(2000, 1, 1)]
    [InlineData(2009, 12, 31)]
    public void Decode_LocationDatedBefore2010_IsAPlainLocationNotAnImei(int year, int month, int day)
    {
        var time = Instant.FromUtc(year, month, day, 0, 0);

        var message = LoggedIn().Decode(Gt06Frames.Location(time, 51.4613, -0.1156, 0, 0, false, 2), Received).Message!;

        Assert.Equal("123456789012345", message.DeviceId);
        Assert.Equal(time, Assert.Single(message.Positions).Time);
        Assert.Equal(Gt06Frames.Ack(0x12, 2, extended: false), message.Response);
    }

    [Fact]
    public void Framer_WifiReportWithZeroLengthField_EndsAtItsStopBits()
    {
        var sample = ProtocolSample.Load("gt06").Single(s => s.Line == 288);
        byte[] stream = [.. sample.Bytes, .. Gt06Frames.Login("123456789012345", 1)];

        Assert.Equal(FrameScan.Whole(sample.Bytes.Length), Gt06Framer.Scan(stream));
    }

    [Fact]
    public void Framer_FrameWithoutStopBitsBeforeAGoodFrame_SkipsOnlyTheBadOne()
    {
        var bad = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, true, 1);
        bad[^1] = 0x00;
        var good = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 1), 51.47, -0.11, 5, 90, true, 2);
        byte[] stream = [.. bad, .. good];

        int at = 0;
        while (Gt06Framer.Scan(stream.AsSpan(at)) is { Status: FrameScanStatus.Skip } skip)
        {
            at += skip.Length;
        }

        Assert.Equal(bad.Length, at);
        Assert.Equal(FrameScan.Whole(good.Length), Gt06Framer.Scan(stream.AsSpan(at)));
    }

    [Theory]
    [MemberData(nameof(PositionSamples))]
    public void Decode_TraccarPositionSample_GivesPlausiblePosition(int line)
    {
        var sample = ProtocolSample.Load("gt06").Single(s => s.Line == line);
        var result = LoggedIn().Decode(sample.Bytes, Received);

        Assert.True(result.IsSuccess, result.Error);
        var p = Assert.Single(result.Message!.Positions);
        Assert.InRange(p.Latitude, -90, 90);
        Assert.InRange(p.Longitude, -180, 180);
        Assert.True(Math.Abs(p.Latitude) + Math.Abs(p.Longitude) > 1, $"position {p.Latitude},{p.Longitude} is at null island");
        Assert.InRange(p.Time, Instant.FromUtc(2010, 1, 1, 0, 0), Instant.FromUtc(2030, 1, 1, 0, 0));
        Assert.NotNull(result.Message.Response);
    }

    [Fact]
    public void Decode_EveryTraccarSample_NeverThrowsAndGivesMessageOrReason()
    {
        var decoder = new Gt06Decoder();
        foreach (var sample in ProtocolSample.Load("gt06"))
        {
            var result = decoder.Decode(sample.Bytes, Received);
            Assert.True(result.IsSuccess || !string.IsNullOrWhiteSpace(result.Error), sample.ToString());
        }
    }

    [Fact]
    public void Decode_TraccarNullSamples_GiveNoPosition()
    {
        foreach (var sample in ProtocolSample.Load("gt06").Where(s => s.Verify == "verifyNull"))
        {
            var result = LoggedIn().Decode(sample.Bytes, Received);
            Assert.True(result.Message is null || result.Message.Positions.Count == 0, sample.ToString());
        }
    }

    [Fact]
    public void Decode_SampleWithBadCrc_IsDecodedAndMarked()
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, valid: true, serial: 7);
        frame[^3] ^= 0xFF;

        var message = LoggedIn().Decode(frame, Received).Message!;

        Assert.False(message.ChecksumValid);
        Assert.Single(message.Positions);
    }

    [Theory]
    [InlineData(0x18, DeviceAlarm.StrapTamper)]
    [InlineData(0x13, DeviceAlarm.CaseTamper)]
    [InlineData(0x01, DeviceAlarm.Sos)]
    [InlineData(0x0E, DeviceAlarm.LowBattery)]
    [InlineData(0x02, DeviceAlarm.PowerCut)]
    public void Decode_StatusMessageWithAlarmCode_ReportsAlarm(byte code, DeviceAlarm expected)
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, valid: true, serial: 8, alarm: code);

        var message = LoggedIn().Decode(frame, Received).Message!;

        Assert.Equal(expected, Assert.Single(message.Alarms));
        Assert.Single(message.Positions);
        Assert.Equal(66, message.BatteryPercent);
        Assert.Equal(Gt06Frames.Ack(0x16, 8, extended: false), message.Response);
    }

    [Fact]
    public void Decode_WesternAndSouthernHemispheres_AreSignedFromStatusBits()
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), -33.5, -70.25, 0, 0, valid: false, serial: 1);

        var p = Assert.Single(LoggedIn().Decode(frame, Received).Message!.Positions);

        Assert.Equal(-33.5, p.Latitude, 6);
        Assert.Equal(-70.25, p.Longitude, 6);
        Assert.False(p.Valid);
    }

    [Fact]
    public void Decode_LoginWithTimeZone_ShiftsLaterTimesToUtc()
    {
        var decoder = new Gt06Decoder();
        // Type identifier 0x3602, then the time zone: +1:00 is 100 << 4 = 0x0640 (bit 3 clear: east of Greenwich).
        var login = Gt06Frames.Build(0x01, Convert.FromHexString("0123456789012345" + "3602" + "0640"), 1, extended: false);
        Assert.True(decoder.Decode(login, Received).IsSuccess);

        var p = decoder.Decode(Gt06Frames.Location(Instant.FromUtc(2026, 6, 1, 12, 0), 51.5, -0.1, 0, 0, true, 2), Received).Message!.Positions[0];

        Assert.Equal(Instant.FromUtc(2026, 6, 1, 11, 0), p.Time);
    }

    [Fact]
    public void Decode_TimeRequest_AnswersServerUtcTime()
    {
        var message = LoggedIn().Decode(Gt06Frames.Build(0x8A, [], 5, extended: false), Instant.FromUtc(2026, 11, 25, 10, 30, 15)).Message!;

        Assert.Equal(Gt06Frames.Build(0x8A, [26, 11, 25, 10, 30, 15], 5, extended: false), message.Response);
    }

    [Fact]
    public void Decode_TruncatedContent_NamesMissingField()
    {
        var frame = Gt06Frames.Build(0x12, [0x1A, 0x03, 0x01, 0x0C, 0x00, 0x00, 0xC9, 0x01], 1, extended: false);

        var result = LoggedIn().Decode(frame, Received);

        Assert.False(result.IsSuccess);
        Assert.Contains("latitude", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ImpossibleDate_IsRefused()
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, true, 1);
        frame[5] = 13; // month

        var result = LoggedIn().Decode(frame, Received);

        Assert.Contains("not a valid date", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LocationBeforeLogin_HasNoDevice()
    {
        var message = new Gt06Decoder().Decode(Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, true, 1), Received).Message!;

        Assert.Null(message.DeviceId);
    }

    [Property(MaxTest = 300)]
    public Property Location_EncodeThenDecode_RoundTripsToFrameResolution() =>
        Prop.ForAll(
            Gen.Choose(-89_000_000, 89_000_000).Zip(Gen.Choose(-179_000_000, 179_000_000)).Zip(Gen.Choose(0, 359)).ToArbitrary(),
            t =>
            {
                var ((latE6, lonE6), course) = t;
                double lat = latE6 / 1e6, lon = lonE6 / 1e6;
                var time = Instant.FromUtc(2026, 2, 28, 23, 59, 59);
                var p = LoggedIn().Decode(Gt06Frames.Location(time, lat, lon, 12, course, true, 3), Received).Message!.Positions[0];
                return Math.Abs(p.Latitude - lat) <= 0.5 / 1_800_000 && Math.Abs(p.Longitude - lon) <= 0.5 / 1_800_000
                    && p.Time == time && p.HeadingDegrees == course && p.SpeedKmh == 12;
            });

    [Property(MaxTest = 2000)]
    public bool Decode_RandomBytes_NeverThrows(byte[] bytes)
    {
        var result = LoggedIn().Decode(bytes, Received);
        return result.IsSuccess || result.Error is not null;
    }

    [Property(MaxTest = 2000)]
    public bool Decode_MutatedValidFrame_NeverThrows(int position, byte value, bool truncate)
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, true, 1, alarm: 0x18);
        int at = (int)((uint)position % (uint)frame.Length);
        frame[at] = value;
        var input = truncate ? frame.AsSpan(0, at) : frame;
        var result = LoggedIn().Decode(input, Received);
        return result.IsSuccess || result.Error is not null;
    }

    private static readonly byte[][] TraccarFrames = [.. ProtocolSample.Load("gt06").Select(s => s.Bytes)];

    // Every message type of Traccar's vectors, the vendor layouts included, with one byte changed or cut short.
    [Property(MaxTest = 3000)]
    public bool Decode_MutatedTraccarVectorOfAnyType_NeverThrows(int sample, int position, byte value, bool truncate)
    {
        var frame = (byte[])TraccarFrames[(int)((uint)sample % (uint)TraccarFrames.Length)].Clone();
        int at = (int)((uint)position % (uint)frame.Length);
        frame[at] = value;
        var result = new Gt06Decoder().Decode(truncate ? frame.AsSpan(0, at) : frame, Received);
        return result.IsSuccess || result.Error is not null;
    }

    // Traccar's vectors of every type, with noise between them: the framer always moves on or waits, and finds every
    // vector whose framing is whole.
    [Property(MaxTest = 500)]
    public bool Framer_TraccarVectorsBetweenNoise_AreFoundAndTheStreamProgresses(int[] picks, byte[] noise)
    {
        var frames = (picks ?? []).Take(8).Select(p => TraccarFrames[(int)((uint)p % (uint)TraccarFrames.Length)]).ToList();
        var stream = new List<byte>();
        foreach (var frame in frames)
        {
            stream.AddRange((noise ?? []).Where(b => b is not 0x78 and not 0x79).Take(5));
            stream.AddRange(frame);
        }

        var rest = stream.ToArray().AsSpan();
        int found = 0;
        while (rest.Length > 0)
        {
            var scan = Gt06Framer.Scan(rest);
            if (scan.Status == FrameScanStatus.NeedMore)
            {
                break;
            }

            if (scan.Length < 1 || scan.Length > rest.Length)
            {
                return false;
            }

            found += scan.Status == FrameScanStatus.Frame ? 1 : 0;
            rest = rest[scan.Length..];
        }

        int whole = frames.Count(f => f[^2] == 0x0D && f[^1] == 0x0A);
        return found >= whole - 1; // the last may wait for more bytes when its length field claims more than it has
    }

    [Fact]
    public void Framer_NoiseThenFrameThenHalfFrame_SkipsFramesAndWaits()
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, true, 1);
        byte[] stream = [0x00, 0x42, .. frame, .. frame.AsSpan(0, 10)];

        var first = Gt06Framer.Scan(stream);
        var second = Gt06Framer.Scan(stream.AsSpan(first.Length));
        var third = Gt06Framer.Scan(stream.AsSpan(first.Length + second.Length));

        Assert.Equal(new FrameScan(FrameScanStatus.Skip, 2, first.Reason), first);
        Assert.Equal(FrameScan.Whole(frame.Length), second);
        Assert.Equal(FrameScanStatus.NeedMore, third.Status);
    }

    [Fact]
    public void Framer_FrameWithoutStopBits_IsSkippedAByteAtATime()
    {
        var frame = Gt06Frames.Location(Instant.FromUtc(2026, 3, 1, 12, 0), 51.47, -0.11, 5, 90, true, 1);
        frame[^1] = 0x00;

        var scan = Gt06Framer.Scan(frame);

        Assert.Equal(FrameScanStatus.Skip, scan.Status);
        Assert.Equal(1, scan.Length);
        Assert.Contains("stop bits", scan.Reason, StringComparison.Ordinal);
    }

    [Property(MaxTest = 1000)]
    public bool Framer_RandomStream_AlwaysMakesProgressOrWaits(byte[] bytes)
    {
        var rest = bytes.AsSpan();
        while (rest.Length > 0)
        {
            var scan = Gt06Framer.Scan(rest);
            if (scan.Status == FrameScanStatus.NeedMore)
            {
                return rest.Length < Gt06Framer.MaxFrameBytes;
            }

            if (scan.Length < 1 || scan.Length > rest.Length)
            {
                return false;
            }

            rest = rest[scan.Length..];
        }

        return true;
    }

    private static Gt06Decoder LoggedIn()
    {
        var decoder = new Gt06Decoder();
        decoder.Decode(Gt06Frames.Login("123456789012345", 1), Received);
        return decoder;
    }

}
