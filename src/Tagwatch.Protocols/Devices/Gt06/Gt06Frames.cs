using NodaTime;

namespace Tagwatch.Protocols.Devices.Gt06;

/// <summary>Builds GT06 frames: the server's answers, and device messages for simulators, load tests and tests.</summary>
public static class Gt06Frames
{
    /// <summary>The acknowledgement of message <paramref name="type"/> with the device's serial number, in the frame form the device used.</summary>
    public static byte[] Ack(byte type, int serial, bool extended) => Build(type, [], serial, extended);

    /// <summary>The answer to a time request (0x8A): the server's UTC date and time.</summary>
    public static byte[] Time(int serial, bool extended, Instant now)
    {
        var utc = now.InUtc();
        return Build(0x8A, [(byte)(utc.Year % 100), (byte)utc.Month, (byte)utc.Day, (byte)utc.Hour, (byte)utc.Minute, (byte)utc.Second], serial, extended);
    }

    /// <summary>A login message (0x01) for a 15-digit IMEI, without a time zone.</summary>
    public static byte[] Login(string imei, int serial)
    {
        if (imei.Length is 0 or > 16 || !imei.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"IMEI '{imei}' is not 1 to 16 digits", nameof(imei));
        }

        return Build(0x01, Convert.FromHexString(imei.PadLeft(16, '0')), serial, extended: false);
    }

    /// <summary>A GPS+LBS location (0x12), or with <paramref name="alarm"/> a GPS+LBS+status message (0x16) carrying that alarm code.</summary>
    public static byte[] Location(Instant time, double latitude, double longitude, int speedKmh, int courseDegrees, bool valid, int serial, byte? alarm = null)
    {
        var utc = time.InUtc();
        var content = new List<byte> { (byte)(utc.Year % 100), (byte)utc.Month, (byte)utc.Day, (byte)utc.Hour, (byte)utc.Minute, (byte)utc.Second, 0xC9 };
        AddU32(content, (uint)Math.Round(Math.Abs(latitude) * 1_800_000));
        AddU32(content, (uint)Math.Round(Math.Abs(longitude) * 1_800_000));
        content.Add((byte)Math.Clamp(speedKmh, 0, 255));
        int status = (courseDegrees % 360) | (valid ? 0x1000 : 0) | (latitude >= 0 ? 0x0400 : 0) | (longitude < 0 ? 0x0800 : 0);
        content.Add((byte)(status >> 8));
        content.Add((byte)status);
        if (alarm is { } code)
        {
            content.AddRange([0x09, 0x00, 0xEA, 0x0A, 0x00, 0x01, 0x00, 0x00, 0x01]); // LBS: length, MCC 234 (UK), MNC, LAC, cell
            content.AddRange([0x06, 0x04, 0x04, code, 0x02]); // terminal info, voltage level, GSM signal, alarm, language
            return Build(0x16, [.. content], serial, extended: false);
        }

        content.AddRange([0x00, 0xEA, 0x0A, 0x00, 0x01, 0x00, 0x00, 0x01]);
        return Build(0x12, [.. content], serial, extended: false);
    }

    /// <summary>Any frame: start bits, length, protocol number, content, serial, CRC-16/X-25 and stop bits.</summary>
    public static byte[] Build(byte type, ReadOnlySpan<byte> content, int serial, bool extended)
    {
        int lengthField = 1 + content.Length + 2 + 2;
        if (lengthField > (extended ? ushort.MaxValue : byte.MaxValue))
        {
            throw new ArgumentException($"content of {content.Length} bytes does not fit a {(extended ? "7979" : "7878")} frame", nameof(content));
        }

        int header = extended ? 4 : 3;
        var frame = new byte[header + lengthField + 2];
        frame[0] = frame[1] = extended ? (byte)0x79 : (byte)0x78;
        if (extended)
        {
            frame[2] = (byte)(lengthField >> 8);
            frame[3] = (byte)lengthField;
        }
        else
        {
            frame[2] = (byte)lengthField;
        }

        int at = header;
        frame[at++] = type;
        content.CopyTo(frame.AsSpan(at));
        at += content.Length;
        frame[at++] = (byte)(serial >> 8);
        frame[at++] = (byte)serial;
        ushort crc = Gt06Crc.Compute(frame.AsSpan(2, at - 2));
        frame[at++] = (byte)(crc >> 8);
        frame[at++] = (byte)crc;
        frame[at++] = 0x0D;
        frame[at] = 0x0A;
        return frame;
    }

    private static void AddU32(List<byte> bytes, uint value)
    {
        bytes.Add((byte)(value >> 24));
        bytes.Add((byte)(value >> 16));
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }
}
