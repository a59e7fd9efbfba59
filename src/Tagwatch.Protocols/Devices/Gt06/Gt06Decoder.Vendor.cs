using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace Tagwatch.Protocols.Devices.Gt06;

// The Concox-family variants beyond the standard GT06 set: each carries the common GPS block somewhere, told apart by
// protocol number and, where one number means several layouts, by the content's length — never by a model setting,
// which a frame does not carry.
public sealed partial class Gt06Decoder
{
    private const int ImeiBytes = 8;
    private const int GpsBytes = 18;

    // GPS block and LBS block of a plain 0x12 location (date, satellites, latitude, longitude, speed, course; MCC, MNC, LAC, cell).
    private const int PlainLocationContent = 26;

    // GPS, LBS with its length byte, and status of a standard 0x16 message.
    private const int StandardStatusContent = 32;

    // Module 0x33: Unix time, satellites, altitude, latitude, longitude, speed, course/status.
    private const int ModularFixBytes = 4 + 1 + 2 + 4 + 4 + 1 + 2;

    /// <summary>Where the GPS block starts in a location whose layout puts the IMEI first: 0 for the plain layout.</summary>
    /// <remarks>
    /// Decided by length and content together: a plain message dated 2000–2009 (a clock reset after a flat battery)
    /// also begins with a byte ≤ 0x09, so a first byte alone cannot tell it from a BCD IMEI.
    /// </remarks>
    private static int GpsPrefix(byte type, ReadOnlySpan<byte> content)
    {
        if (IsDate(content[..Math.Min(6, content.Length)]))
        {
            return 0;
        }

        // 0x12 with the IMEI before the date (QH302R and similar): exactly the plain layout and 8 bytes more.
        if (type == 0x12 && content.Length == PlainLocationContent + ImeiBytes && IsBcd(content[..ImeiBytes]) && IsDate(content.Slice(ImeiBytes, 6)))
        {
            return ImeiBytes;
        }

        // 0x22 and 0x25 of the NT and XT40 models: location source, IMEI, the device's date, then the GPS block.
        const int NtGpsAt = 1 + ImeiBytes + 6;
        if (type is 0x22 or 0x25 && content.Length >= NtGpsAt + GpsBytes && IsBcd(content.Slice(1, ImeiBytes))
            && IsDate(content.Slice(1 + ImeiBytes, 6)) && IsDate(content.Slice(NtGpsAt, 6)))
        {
            return NtGpsAt;
        }

        return 0;
    }

    private DeviceMessage? VendorMessage(byte type, ReadOnlySpan<byte> content, int serial, bool extended)
    {
        var c = new ByteCursor(content);
        switch (type)
        {
            // One protocol number, several layouts: the GPS-first ones are told by their length.
            case 0x17 when content.Length == 35: // RFID reader models (0x17 is otherwise a Wi-Fi report)
            case 0x24 when content.Length == 41: // SR411 mini (0x24 is otherwise a multi-cell report)
            case 0xA2 when content.Length == 59: // LW 4G models (0xA2 is otherwise a Wi-Fi report)
            case 0xA3 when content.Length is not 7 and not 19: // single-fence alarm (SeeWorld's status reports are 7 or 19)
            case 0x32 when !extended: // AZ735 and SL4X GPS+LBS+status
            case 0x38: // GPS+LBS with upload-mode bytes
                return Location(ref c, type, serial, extended, 0, hasStatus: false);
            case 0x34 when content.Length != 50: // X1: data and alarm word, then the GPS block (SL4X uses 0x34 for cells)
                c.Skip(4, "data and alarm");
                return Location(ref c, type, serial, extended, 0, hasStatus: false);
            case 0x61: // iButton driver message: IMEI, then the GPS block
                return Location(ref c, type, serial, extended, ImeiBytes, hasStatus: false);
            case 0x36 when content.Length == 48:
                return RfidLocation(ref c, type, serial, extended);
            case 0x32 or 0x33 when extended:
                return LocationWithGpsLength(ref c, type, serial);
            case 0x95:
                return Alarm(ref c, type, serial, extended, content.Length);
            case 0x70:
                return Modular(ref c, serial);
            case 0x21:
                return TextReply(ref c, type, serial, extended);
            default:
                return null;
        }
    }

    // TRX16i 0x36: GPS, LBS with a 4-byte cell, ignition, upload mode, archive, odometer, power, battery (0.1 V).
    private DeviceMessage RfidLocation(ref ByteCursor c, byte type, int serial, bool extended)
    {
        var position = ReadGps(ref c);
        c.Skip(9 + 3 + 4, "LBS, ignition, upload mode, archive and odometer");
        double power = c.U16("power") / 100.0;
        double battery = c.U8("battery") / 10.0;
        return LocationMessage(type, serial, extended, position) with { PowerVolts = power, BatteryVolts = battery };
    }

    // AZ735 0x32 and 0x33 in the extended frame: date, then a GPS length byte that is 0 when there is no fix.
    private DeviceMessage LocationWithGpsLength(ref ByteCursor c, byte type, int serial)
    {
        var dateTime = c.Take(6, "date and time");
        bool hasFix = c.U8("GPS length") != 0;
        var position = hasFix ? ReadFix(ref c, hasSatellites: true, hasSpeed: true) with { Time = DeviceTime(dateTime) } : null;
        return LocationMessage(type, serial, extended: true, position);
    }

    // JC100 0x95: date and event (short form), or date, position and event; the event codes are the vendor's.
    private DeviceMessage Alarm(ref ByteCursor c, byte type, int serial, bool extended, int contentLength)
    {
        DecodedPosition? position = null;
        if (contentLength > 7)
        {
            position = ReadGps(ref c, hasSatellites: false, hasSpeed: false);
        }
        else
        {
            c.Skip(6, "date and time");
        }

        byte code = c.U8("event");
        DeviceAlarm? alarm = code switch
        {
            0x01 => DeviceAlarm.Sos,
            0x0E => DeviceAlarm.LowBattery,
            0x80 => DeviceAlarm.Vibration,
            0x87 => DeviceAlarm.Overspeed,
            0x88 => DeviceAlarm.PowerCut,
            0x76 or 0x90 or 0x91 or 0x92 or 0x93 => DeviceAlarm.Other, // temperature, harsh driving, collision
            _ => null,
        };
        return LocationMessage(type, serial, extended, position) with { Kind = "alarm", Alarms = alarm is { } a ? [a] : [] };
    }

    // 0x70: a list of (type, length, value) modules; module 0x33 holds the fix with a Unix time (0 = no fix).
    private DeviceMessage Modular(ref ByteCursor c, int serial)
    {
        DecodedPosition? position = null;
        while (c.Remaining >= 4)
        {
            int module = c.U16("module type");
            int length = c.U16("module length");
            if (module != 0x33 || length < ModularFixBytes)
            {
                c.Skip(length, string.Create(CultureInfo.InvariantCulture, $"module 0x{module:X2}"));
                continue;
            }

            uint unixTime = c.U32("module time");
            byte satellites = c.U8("satellites");
            short altitude = (short)c.U16("altitude");
            var fix = ReadFix(ref c, hasSatellites: false, hasSpeed: true);
            c.Skip(length - ModularFixBytes, "rest of the module");
            position = unixTime == 0 ? null : fix with { Time = Instant.FromUnixTimeSeconds(unixTime), Satellites = satellites, AltitudeMetres = altitude };
        }

        // Answered in the short frame, as these devices expect.
        return LocationMessage(0x70, serial, extended: false, position);
    }

    // 0x21: a command reply; "Current position!Lat:N…,Lon:E…,Course:…,Speed:…,DateTime:yyyy-MM-dd HH:mm:ss" carries a fix.
    private DeviceMessage TextReply(ref ByteCursor c, byte type, int serial, bool extended)
    {
        c.Skip(4, "server flag");
        bool ascii = c.U8("encoding") == 1;
        var bytes = c.Take(c.Remaining, "text");
        string text = ascii ? Encoding.ASCII.GetString(bytes) : Encoding.BigEndianUnicode.GetString(bytes);
        var match = CurrentPosition().Match(text);
        if (!match.Success)
        {
            return Message("reply") with { Note = $"command reply: {text}" };
        }

        double Number(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var local = new LocalDateTime((int)Number(7), (int)Number(8), (int)Number(9), (int)Number(10), (int)Number(11), (int)Number(12));
        var position = new DecodedPosition
        {
            Time = local.WithOffset(ClockOffset).ToInstant(),
            Latitude = match.Groups[1].Value == "S" ? -Number(2) : Number(2),
            Longitude = match.Groups[3].Value == "W" ? -Number(4) : Number(4),
            HeadingDegrees = Number(5),
            SpeedKmh = Number(6),
        };
        return LocationMessage(type, serial, extended, position) with { Kind = "reply" };
    }

    private DeviceMessage LocationMessage(byte type, int serial, bool extended, DecodedPosition? position) => Message("location") with
    {
        Positions = position is null ? [] : [position],
        Response = Gt06Frames.Ack(type, serial, extended),
        Note = position is null ? "the device reported no fix" : null,
    };

    private static bool IsBcd(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if ((b >> 4) > 9 || (b & 0x0F) > 9)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDate(ReadOnlySpan<byte> b) =>
        b.Length == 6 && b[1] is >= 1 and <= 12 && b[2] >= 1 && b[2] <= CalendarSystem.Iso.GetDaysInMonth(2000 + b[0], b[1]) && b[3] <= 23 && b[4] <= 59 && b[5] <= 59;

    [GeneratedRegex(@"Current position!Lat:([NS])(\d+\.\d+),Lon:([EW])(\d+\.\d+),Course:(\d+\.\d+),Speed:(\d+\.\d+),DateTime:(\d{4})-(\d\d)-(\d\d) +(\d\d):(\d\d):(\d\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentPosition();
}
