using System.Globalization;
using System.Text;
using NodaTime;

namespace Tagwatch.Protocols.Devices.H02;

/// <summary>Decodes H02 messages: the text form <c>*HQ,IMEI,V1,hhmmss,A,DDMM.MMMM,N,DDDMM.MMMM,E,knots,course,ddmmyy,status#</c>
/// (and V4/V8/V19 variants, heartbeats, LINK) and the binary <c>$</c> location form.</summary>
/// <remarks>
/// Stateless: every H02 message names its device. Coordinates are accepted as <c>DDMM.MMMM</c>, without a decimal
/// point (<c>DDMMMMMM</c>, four decimals of minutes) and in the signed <c>-DD-MM.MMMM</c> form some firmware sends.
/// The status word is active-low: a cleared bit raises its alarm. Messages without a time (an empty time or date
/// field) keep their position with the received time, marked <see cref="DecodedPosition.TimeAssumed"/>.
/// </remarks>
public static class H02Decoder
{
    /// <summary>Protocol name used in messages and tag records.</summary>
    public const string ProtocolName = "h02";

    /// <summary>Length of the binary form that carries a 15-digit IMEI.</summary>
    public const int LongIdBinaryBytes = 42;

    /// <summary>Decodes one message as found by <see cref="H02Framer"/>.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> message, Instant received)
    {
        try
        {
            if (message.Length > 0 && message[0] == (byte)'$')
            {
                return DecodeResult.Ok(DecodeBinary(message));
            }

            if (message.Length == 0 || message[0] != (byte)'*')
            {
                return DecodeResult.Fail("message starts with neither '*' (text) nor '$' (binary)");
            }

            return DecodeResult.Ok(DecodeText(Encoding.ASCII.GetString(message), received));
        }
        catch (FrameFormatException e)
        {
            return DecodeResult.Fail(e.Message);
        }
    }

    private static DeviceMessage DecodeText(string text, Instant received)
    {
        string body = text.TrimEnd('\r', '\n', ' ');
        if (!body.EndsWith('#'))
        {
            throw new FrameFormatException("text message does not end with '#'");
        }

        var fields = body[1..^1].Split(',');
        if (fields.Length < 3)
        {
            throw new FrameFormatException($"text message has {fields.Length} fields; at least maker, device ID and type are needed");
        }

        string id = fields[1].Trim();
        string type = fields[2].Trim().ToUpperInvariant();
        var message = new DeviceMessage { Protocol = ProtocolName, Kind = type, DeviceId = id.Length == 0 ? null : id };
        switch (type)
        {
            case "HTBT":
                return message with { Kind = "heartbeat", BatteryPercent = Percent(fields, 3) };
            case "LINK":
                return message with { Kind = "heartbeat", BatteryPercent = Percent(fields, 6) };
            case "NBR" or "V3":
                return message with { Kind = "cells", Note = "cell-tower report without a position; not geolocated" };
        }

        if (type == "VP1")
        {
            return VisitedPlace(fields, message, received);
        }

        int validity = FindValidityField(fields);
        if (validity < 0)
        {
            return message with { Note = $"message type {type} carries no position Tagwatch reads" };
        }

        string timeText = fields[validity - 1].Trim();
        string flag = fields[validity].Trim();
        bool valid = flag == "A" || (flag.Length > 0 && flag.All(char.IsAsciiDigit)); // digits: a coding scheme, sent with a fix
        string latText = Field(fields, validity + 1), latHemisphere = Field(fields, validity + 2);
        string lonText = Field(fields, validity + 3), lonHemisphere = Field(fields, validity + 4);
        int dateIndex = validity + 7;
        if (!IsSixDigits(Field(fields, dateIndex)) && IsSixDigits(Field(fields, dateIndex + 1)))
        {
            dateIndex++; // some firmware puts an extra field (satellites) between course and date
        }

        string dateText = Field(fields, dateIndex);
        var status = ParseStatus(Field(fields, dateIndex + 1));
        var alarms = status is { } s ? AlarmsFromStatus(s) : [];
        if (latText.Length == 0 || lonText.Length == 0)
        {
            return message with { Kind = "location", Alarms = alarms, Note = "the device reported no position (no fix)" };
        }

        double latitude = Coordinate(latText, latHemisphere, 'S', "latitude", 90);
        double longitude = Coordinate(lonText, lonHemisphere, 'W', "longitude", 180);
        bool timeAssumed = timeText.Length == 0 || dateText.Length == 0;
        var position = new DecodedPosition
        {
            Time = timeAssumed ? received : Time(dateText, timeText),
            TimeAssumed = timeAssumed,
            Latitude = latitude,
            Longitude = longitude,
            Valid = valid,
            SpeedKmh = OptionalNumber(Field(fields, validity + 5), "speed", 0, 1000) * 1.852,
            HeadingDegrees = OptionalNumber(Field(fields, validity + 6), "course", 0, 360),
        };
        return message with { Kind = "location", Positions = [position], Alarms = alarms };
    }

    private static DeviceMessage DecodeBinary(ReadOnlySpan<byte> message)
    {
        var c = new ByteCursor(message);
        c.Skip(1, "marker");
        // The 42-byte form carries a 15-digit IMEI in 8 bytes instead of the 10-digit ID in 5.
        string id = message.Length == LongIdBinaryBytes ? Convert.ToHexString(c.Take(8, "device ID"))[..15] : Convert.ToHexString(c.Take(5, "device ID"));
        string time = Bcd(c.Take(3, "time"), "time");
        string date = Bcd(c.Take(3, "date"), "date");
        string latDigits = Bcd(c.Take(4, "latitude"), "latitude");
        byte battery = c.U8("battery");
        string lonAndFlags = Convert.ToHexString(c.Take(5, "longitude"));
        string motion = Convert.ToHexString(c.Take(3, "speed and course"));
        uint status = c.U32("status");
        string lonDigits = lonAndFlags[..9];
        if (!lonDigits.All(char.IsAsciiDigit) || !motion.All(char.IsAsciiDigit))
        {
            throw new FrameFormatException($"longitude {lonDigits} or speed/course {motion} is not BCD");
        }

        int flags = Convert.ToInt32(lonAndFlags[9..], 16);
        double latitude = Degrees(latDigits, 2, "latitude", 90);
        double longitude = Degrees(lonDigits, 3, "longitude", 180);
        var position = new DecodedPosition
        {
            Time = Time(date, time),
            Latitude = (flags & 0x04) != 0 ? latitude : -latitude,
            Longitude = (flags & 0x08) != 0 ? longitude : -longitude,
            Valid = (flags & 0x02) != 0,
            SpeedKmh = int.Parse(motion[..3], CultureInfo.InvariantCulture) * 1.852,
            HeadingDegrees = Math.Min(int.Parse(motion[3..], CultureInfo.InvariantCulture), 359),
        };
        return new DeviceMessage
        {
            Protocol = ProtocolName,
            Kind = "location",
            DeviceId = id,
            Positions = [position],
            Alarms = AlarmsFromStatus(status),
            BatteryPercent = battery switch { 6 => 100, 5 => 80, 4 => 60, 3 => 20, 2 => 10, _ => null },
        };
    }

    // VP1: "*hq,IMEI,VP1,A|B,DDMM.MMMM,N,DDDMM.MMMM,E,knots,course,ddmmyy#" with a fix, or "VP1,V,MCC,MNC,cells" without.
    // It carries a date but no time of day: the received time stands in, marked assumed.
    private static DeviceMessage VisitedPlace(string[] fields, DeviceMessage message, Instant received)
    {
        if (Field(fields, 3) is not ("A" or "B") || Field(fields, 5) is not ("N" or "S") || Field(fields, 7) is not ("E" or "W"))
        {
            return message with { Kind = "cells", Note = "cell-tower report without a position; not geolocated" };
        }

        var position = new DecodedPosition
        {
            Time = received,
            TimeAssumed = true,
            Latitude = Coordinate(Field(fields, 4), Field(fields, 5), 'S', "latitude", 90),
            Longitude = Coordinate(Field(fields, 6), Field(fields, 7), 'W', "longitude", 180),
            SpeedKmh = OptionalNumber(Field(fields, 8), "speed", 0, 1000) * 1.852,
            HeadingDegrees = OptionalNumber(Field(fields, 9), "course", 0, 360),
        };
        return message with { Kind = "location", Positions = [position], Note = $"VP1 gives the date {Field(fields, 10)} but no time of day: the received time stands in" };
    }

    // The position block starts at the time field before a validity flag (A, V, B, empty, or a numeric coding scheme)
    // that is followed by a coordinate and its hemisphere: V1, V2, VI1, V8, V19 and V4 (command replies with extra
    // fields in front) all share it.
    private static int FindValidityField(string[] fields)
    {
        for (int i = 4; i + 4 < fields.Length; i++)
        {
            string flag = fields[i].Trim();
            bool isFlag = flag is "A" or "V" or "B" or "" || flag.All(char.IsAsciiDigit);
            if (isFlag && Field(fields, i + 2) is "N" or "S" && Field(fields, i + 4) is "E" or "W"
                && (fields[i - 1].Trim().Length == 0 || IsSixDigits(fields[i - 1].Trim())))
            {
                return i;
            }
        }

        return -1;
    }

    private static double Coordinate(string text, string hemisphere, char negative, string name, double limit)
    {
        if (hemisphere.Length != 1)
        {
            throw new FrameFormatException($"{name} hemisphere '{hemisphere}' is not one letter");
        }

        double value;
        if (text.StartsWith('-'))
        {
            // "-DD-MM.MMMM": already signed; the hemisphere letter repeats the sign.
            var parts = text[1..].Split('-');
            if (parts.Length != 2)
            {
                throw new FrameFormatException($"{name} '{text}' is not -DD-MM.MMMM");
            }

            value = -(Number(parts[0], name, 0, limit) + (Number(parts[1], name, 0, 60) / 60));
            return value;
        }

        if (text.Contains('.', StringComparison.Ordinal))
        {
            double raw = Number(text, name, 0, limit * 100 + 60);
            double degrees = Math.Floor(raw / 100);
            value = degrees + ((raw - (degrees * 100)) / 60);
        }
        else
        {
            if (text.Length < 7 || !text.All(char.IsAsciiDigit))
            {
                throw new FrameFormatException($"{name} '{text}' is not DDMM.MMMM");
            }

            value = Degrees(text, text.Length - 6, name, limit);
        }

        if (value > limit)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is {value:F6}°, beyond ±{limit}°"));
        }

        return hemisphere[0] == negative ? -value : value;
    }

    // Whole degrees in the first digits, then minutes with four decimals.
    private static double Degrees(string digits, int degreeDigits, string name, double limit)
    {
        int degrees = int.Parse(digits.AsSpan(0, degreeDigits), CultureInfo.InvariantCulture);
        double minutes = int.Parse(digits.AsSpan(degreeDigits), CultureInfo.InvariantCulture) / 10_000.0;
        if (minutes >= 60 || degrees + (minutes / 60) > limit)
        {
            throw new FrameFormatException($"{name} {digits} is not a valid DDMM.MMMM value");
        }

        return degrees + (minutes / 60);
    }

    private static Instant Time(string ddmmyy, string hhmmss)
    {
        if (!IsSixDigits(ddmmyy) || hhmmss.Length < 6 || !hhmmss.AsSpan(0, 6).ToString().All(char.IsAsciiDigit))
        {
            throw new FrameFormatException($"date '{ddmmyy}' or time '{hhmmss}' is not ddmmyy / hhmmss");
        }

        int day = Two(ddmmyy, 0), month = Two(ddmmyy, 2), year = 2000 + Two(ddmmyy, 4);
        int hour = Two(hhmmss, 0), minute = Two(hhmmss, 2), second = Two(hhmmss, 4);
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            throw new FrameFormatException($"date {ddmmyy} time {hhmmss} is not a valid date and time");
        }

        return new LocalDateTime(year, month, day, hour, minute, second).InUtc().ToInstant();
    }

    private static DeviceAlarm[] AlarmsFromStatus(uint status)
    {
        var alarms = new List<DeviceAlarm>();
        if ((status & (1u << 1)) == 0)
        {
            alarms.Add(DeviceAlarm.Sos);
        }

        if ((status & (1u << 2)) == 0)
        {
            alarms.Add(DeviceAlarm.Overspeed);
        }

        if ((status & (1u << 19)) == 0)
        {
            alarms.Add(DeviceAlarm.PowerCut);
        }

        if ((status & 1u) == 0)
        {
            alarms.Add(DeviceAlarm.Vibration);
        }

        return [.. alarms];
    }

    private static uint? ParseStatus(string text) =>
        text.Length == 8 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint status) ? status : null;

    private static int? Percent(string[] fields, int index) =>
        int.TryParse(Field(fields, index), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= 100 ? value : null;

    private static double Number(string text, string name, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a number from {min} to {max}"));
        }

        return value;
    }

    private static double? OptionalNumber(string text, string name, double min, double max) =>
        text.Length == 0 ? null : Number(text, name, min, max);

    private static string Bcd(ReadOnlySpan<byte> bytes, string name)
    {
        string digits = Convert.ToHexString(bytes);
        return digits.All(char.IsAsciiDigit) ? digits : throw new FrameFormatException($"{name} bytes {digits} are not BCD digits");
    }

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index].Trim() : "";

    private static bool IsSixDigits(string text) => text.Length == 6 && text.All(char.IsAsciiDigit);

    private static int Two(string text, int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');
}
