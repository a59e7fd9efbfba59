using System.Globalization;
using NodaTime;

namespace Tagwatch.Protocols.Devices.Gt06;

/// <summary>Decodes GT06 (Concox family) frames of one device connection.</summary>
/// <remarks>
/// Stateful per connection: the login message names the device (BCD IMEI) and may set the time zone of the device's
/// clock; later messages are attributed to that device. Every frame is decoded even when its CRC-16/X-25 does not
/// match — <see cref="DeviceMessage.ChecksumValid"/> says so and the listener applies its policy. Malformed frames
/// give an error result naming the field; no exception escapes <see cref="Decode"/>.
/// Coordinates are u32 ÷ 1,800,000 degrees; hemisphere, validity and course are bits of the course/status word.
/// </remarks>
public sealed partial class Gt06Decoder
{
    /// <summary>Protocol name used in messages and tag records.</summary>
    public const string ProtocolName = "gt06";

    private const double CoordinateDivisor = 1_800_000;

    /// <summary>The device this connection logged in as, once it has.</summary>
    public string? DeviceId { get; private set; }

    /// <summary>The offset of the device's clock from UTC, from its login message (UTC unless it says otherwise).</summary>
    public Offset ClockOffset { get; private set; } = Offset.Zero;

    /// <summary>Decodes one whole frame (as found by <see cref="Gt06Framer"/>), received at <paramref name="received"/>.</summary>
    public DecodeResult Decode(ReadOnlySpan<byte> frame, Instant received)
    {
        try
        {
            return DecodeFrame(frame, received);
        }
        catch (FrameFormatException e)
        {
            return DecodeResult.Fail(e.Message);
        }
    }

    private DecodeResult DecodeFrame(ReadOnlySpan<byte> frame, Instant received)
    {
        var header = new ByteCursor(frame);
        ushort start = header.U16("start bits");
        bool extended = start == 0x7979;
        if (!extended && start != 0x7878)
        {
            return DecodeResult.Fail(string.Create(CultureInfo.InvariantCulture, $"start bits {start:X4} are neither 7878 nor 7979"));
        }

        int lengthField = extended ? header.U16("length") : header.U8("length");
        int headerBytes = header.Position;

        // The frame's own bytes decide where it ends, as Traccar reads it: some firmware writes a length field that
        // disagrees with what it sends, and a capture may lack the stop bits. Such a frame is decoded, and its
        // integrity is reported as failed (ChecksumValid false), like a bad CRC.
        bool stopBits = frame.Length >= headerBytes + 2 && frame[^2] == 0x0D && frame[^1] == 0x0A;
        int bodyEnd = stopBits ? frame.Length - 2 : frame.Length;
        int actualLength = bodyEnd - headerBytes;
        if (actualLength < 5)
        {
            return DecodeResult.Fail(lengthField < 5
                ? string.Create(CultureInfo.InvariantCulture, $"length field {lengthField} is shorter than protocol number, serial and CRC (5)")
                : string.Create(CultureInfo.InvariantCulture, $"frame of {frame.Length} bytes holds fewer than the 5 bytes of protocol number, serial and CRC"));
        }

        string? irregularity = !stopBits ? "frame does not end with stop bits 0D 0A"
            : actualLength != lengthField ? string.Create(CultureInfo.InvariantCulture, $"length field {lengthField} disagrees with the {actualLength} bytes the frame holds")
            : null;

        byte type = frame[headerBytes];
        int crcAt = bodyEnd - 2;
        int serial = (frame[crcAt - 2] << 8) | frame[crcAt - 1];
        ushort crc = (ushort)((frame[crcAt] << 8) | frame[crcAt + 1]);
        bool crcValid = Gt06Crc.Compute(frame[2..crcAt]) == crc;
        var content = frame.Slice(headerBytes + 1, actualLength - 5);
        if (irregularity is not null && content.Length < GpsBytes && actualLength - 1 >= GpsBytes)
        {
            // A malformed frame too short for its GPS block once serial and CRC are set aside: Traccar reads the block
            // on into them, and so does Tagwatch (the integrity is reported failed all the same).
            content = frame.Slice(headerBytes + 1, actualLength - 1);
        }

        var message = DecodeContent(type, content, serial, extended, received) with { ChecksumValid = crcValid && irregularity is null, Serial = serial };
        return DecodeResult.Ok(irregularity is null ? message : message with { Note = message.Note is null ? irregularity : $"{irregularity}; {message.Note}" });
    }

    private DeviceMessage DecodeContent(byte type, ReadOnlySpan<byte> content, int serial, bool extended, Instant received)
    {
        var c = new ByteCursor(content);
        switch (type)
        {
            case 0x01:
                return Login(ref c, serial, extended);
            case 0x10 or 0x12 or 0x1E or 0x22 or 0x25 or 0x37 or 0xA0:
                return Location(ref c, type, serial, extended, GpsPrefix(type, content), hasStatus: false);
            case 0x11 when content.Length >= GpsBytes:
                return Location(ref c, type, serial, extended, 0, hasStatus: false);
            case 0x16 or 0x26 or 0x27 or 0xA4:
                return Location(ref c, type, serial, extended, 0, hasStatus: true);
            case 0x13 or 0x23:
                return Status(ref c, type, serial, extended);
            case 0x8A:
                return Message("time-request") with { Response = Gt06Frames.Time(serial, extended, received) };
            case 0x94:
                return Information(ref c, type);
            default:
                return VendorMessage(type, content, serial, extended) ?? Message("unsupported") with
                {
                    Note = string.Create(CultureInfo.InvariantCulture, $"protocol number 0x{type:X2} carries nothing Tagwatch uses; not acknowledged"),
                };
        }
    }

    private DeviceMessage Login(ref ByteCursor c, int serial, bool extended)
    {
        var imeiBytes = c.Take(8, "IMEI");
        string digits = Convert.ToHexString(imeiBytes);
        if (!digits.All(char.IsAsciiDigit))
        {
            throw new FrameFormatException($"IMEI bytes {digits} are not BCD digits");
        }

        string imei = digits.TrimStart('0');
        if (imei.Length == 0)
        {
            throw new FrameFormatException("IMEI is all zeros");
        }

        if (c.Remaining >= 4)
        {
            c.Skip(2, "type identifier");
            int extension = c.U16("time zone");
            int hhmm = extension >> 4;
            int minutes = (hhmm / 100 * 60) + (hhmm % 100);
            if (minutes > 14 * 60 || hhmm % 100 >= 60)
            {
                throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"time zone {hhmm / 100}:{hhmm % 100:D2} is not a UTC offset"));
            }

            ClockOffset = Offset.FromSeconds(((extension & 0x08) != 0 ? -minutes : minutes) * 60);
        }

        DeviceId = imei;
        return Message("login") with { Response = Gt06Frames.Ack(0x01, serial, extended) };
    }

    private DeviceMessage Location(ref ByteCursor c, byte type, int serial, bool extended, int gpsAt, bool hasStatus)
    {
        string? inlineImei = null;
        if (gpsAt > 0)
        {
            // The IMEI-prefixed layouts (see GpsPrefix): [location source byte,] BCD IMEI, [device date,] then the GPS block.
            c.Skip(gpsAt == ImeiBytes ? 0 : 1, "location source");
            var imeiBytes = c.Take(ImeiBytes, "IMEI");
            inlineImei = IsBcd(imeiBytes) ? Convert.ToHexString(imeiBytes).TrimStart('0') : throw new FrameFormatException($"IMEI bytes {Convert.ToHexString(imeiBytes)} are not BCD digits");
            c.Skip(gpsAt - c.Position, "device date");
        }

        var position = ReadGps(ref c);
        var alarms = new List<DeviceAlarm>();
        int? battery = null;
        bool? charging = null;
        if (hasStatus)
        {
            int lbsLength = c.U8("LBS length");
            // The length counts itself; SeeWorld models send a 4-byte cell ID in a block whose length says 9 (their
            // message is one byte longer than the standard 32-byte content).
            int lbsBytes = lbsLength == 9 && type == 0x16 && c.Position + c.Remaining == StandardStatusContent + 1 ? 9 : lbsLength - 1;
            c.Skip(Math.Max(lbsBytes, 0), "LBS information");
            ReadStatus(ref c, alarms, out battery, out charging);
        }

        return Message("location") with
        {
            DeviceId = inlineImei ?? DeviceId,
            Positions = position is null ? [] : [position],
            Alarms = alarms,
            BatteryPercent = battery,
            Charging = charging,
            Response = Gt06Frames.Ack(type, serial, extended),
            Note = position is null ? "the device reported no date (no fix yet)" : null,
        };
    }

    private DeviceMessage Status(ref ByteCursor c, byte type, int serial, bool extended)
    {
        var alarms = new List<DeviceAlarm>();
        ReadStatus(ref c, alarms, out int? battery, out bool? charging);
        return Message("heartbeat") with
        {
            Alarms = alarms,
            BatteryPercent = battery,
            Charging = charging,
            Response = Gt06Frames.Ack(type, serial, extended),
        };
    }

    private DeviceMessage Information(ref ByteCursor c, byte type)
    {
        byte subType = c.U8("information type");
        if (subType == 0x00)
        {
            return Message("information") with { PowerVolts = c.U16("external voltage") / 100.0 };
        }

        return Message("information") with
        {
            Note = string.Create(CultureInfo.InvariantCulture, $"information type 0x{subType:X2} carries nothing Tagwatch uses"),
        };
    }

    // The common GPS block: date and time (6), satellites (1), latitude (4), longitude (4), speed (1), course/status (2).
    // An all-zero date means the device has had no fix yet: no position.
    private DecodedPosition? ReadGps(ref ByteCursor c, bool hasSatellites = true, bool hasSpeed = true)
    {
        var dateTime = c.Take(6, "date and time");
        var position = ReadFix(ref c, hasSatellites, hasSpeed);
        return dateTime.IndexOfAnyExcept((byte)0) < 0 ? null : position with { Time = DeviceTime(dateTime) };
    }

    // Everything of the GPS block after its date; the time is the caller's to set.
    private static DecodedPosition ReadFix(ref ByteCursor c, bool hasSatellites, bool hasSpeed)
    {
        byte info = hasSatellites ? c.U8("GPS information length and satellites") : (byte)0;
        uint latitudeRaw = c.U32("latitude");
        uint longitudeRaw = c.U32("longitude");
        int? speedKmh = hasSpeed ? c.U8("speed") : null;
        ushort courseStatus = c.U16("course and status");
        double latitude = latitudeRaw / CoordinateDivisor;
        double longitude = longitudeRaw / CoordinateDivisor;
        if (latitude > 90 || longitude > 180)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"position {latitude:F6}, {longitude:F6} is outside the range of latitude and longitude"));
        }

        return new DecodedPosition
        {
            Time = Instant.MinValue,
            Latitude = (courseStatus & 0x0400) == 0 ? -latitude : latitude,
            Longitude = (courseStatus & 0x0800) != 0 ? -longitude : longitude,
            Valid = (courseStatus & 0x1000) != 0,
            SpeedKmh = speedKmh,
            HeadingDegrees = courseStatus & 0x03FF,
            Satellites = hasSatellites ? info & 0x0F : null,
        };
    }

    private Instant DeviceTime(ReadOnlySpan<byte> b)
    {
        int year = 2000 + b[0];
        if (b[1] is < 1 or > 12 || b[2] < 1 || b[2] > CalendarSystem.Iso.GetDaysInMonth(year, b[1]) || b[3] > 23 || b[4] > 59 || b[5] > 59)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"date and time {b[0]:D2}-{b[1]:D2}-{b[2]:D2} {b[3]:D2}:{b[4]:D2}:{b[5]:D2} is not a valid date"));
        }

        return new LocalDateTime(year, b[1], b[2], b[3], b[4], b[5]).WithOffset(ClockOffset).ToInstant();
    }

    private static void ReadStatus(ref ByteCursor c, List<DeviceAlarm> alarms, out int? battery, out bool? charging)
    {
        byte terminal = c.U8("terminal information");
        byte voltage = c.U8("voltage level");
        c.Skip(1, "GSM signal strength");
        byte alarm = c.Remaining >= 1 ? c.U8("alarm") : (byte)0;
        charging = (terminal & 0x04) != 0;
        battery = voltage switch
        {
            <= 6 => voltage * 100 / 6,
            <= 100 => voltage,
            _ => null,
        };

        var kind = AlarmFromCode(alarm) ?? AlarmFromTerminalBits(terminal);
        if (kind is { } k)
        {
            alarms.Add(k);
        }
    }

    // The alarm byte of GPS+LBS+status messages, as Concox-family firmware uses it.
    private static DeviceAlarm? AlarmFromCode(byte code) => code switch
    {
        0x00 => null,
        0x01 => DeviceAlarm.Sos,
        0x02 => DeviceAlarm.PowerCut,
        0x03 or 0x09 => DeviceAlarm.Vibration,
        0x04 or 0x05 => DeviceAlarm.DeviceGeofence,
        0x06 => DeviceAlarm.Overspeed,
        0x0E or 0x0F or 0x19 => DeviceAlarm.LowBattery,
        0x11 => DeviceAlarm.PowerOff,
        0x0C or 0x13 or 0x25 => DeviceAlarm.CaseTamper,
        0x18 => DeviceAlarm.StrapTamper,
        0x23 => DeviceAlarm.FallDown,
        _ => DeviceAlarm.Other,
    };

    // Bits 3–5 of the terminal information byte carry the older alarm code.
    private static DeviceAlarm? AlarmFromTerminalBits(byte terminal) => ((terminal >> 3) & 0x07) switch
    {
        0b100 => DeviceAlarm.Sos,
        0b011 => DeviceAlarm.LowBattery,
        0b010 => DeviceAlarm.PowerCut,
        0b001 => DeviceAlarm.Vibration,
        _ => null,
    };

    private DeviceMessage Message(string kind) => new() { Protocol = ProtocolName, Kind = kind, DeviceId = DeviceId };
}
