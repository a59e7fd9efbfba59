using System.Globalization;

namespace Tagwatch.Protocols.Devices.Gt06;

/// <summary>Finds GT06 frames in a TCP byte stream: <c>78 78 len8 … 0D 0A</c> and <c>79 79 len16 … 0D 0A</c>.</summary>
/// <remarks>
/// Noise before a start marker and frames without stop bits are skipped a byte at a time, so one corrupt frame costs
/// only itself: the framer resynchronises on the next start marker.
/// </remarks>
public static class Gt06Framer
{
    /// <summary>Longest frame accepted; real GT06 messages are a few hundred bytes at most.</summary>
    public const int MaxFrameBytes = 2048;

    /// <summary>Shortest length field: protocol number, serial and CRC.</summary>
    private const int MinLengthField = 5;

    /// <summary>Looks for a frame at the start of <paramref name="buffer"/>.</summary>
    public static FrameScan Scan(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length == 0)
        {
            return FrameScan.NeedMore;
        }

        bool shortFrame = buffer[0] == 0x78;
        if (!shortFrame && buffer[0] != 0x79)
        {
            return SkipToMarker(buffer);
        }

        if (buffer.Length < 2)
        {
            return FrameScan.NeedMore;
        }

        if (buffer[1] != buffer[0])
        {
            return SkipToMarker(buffer);
        }

        int headerBytes = shortFrame ? 3 : 4;
        if (buffer.Length < headerBytes)
        {
            return FrameScan.NeedMore;
        }

        int lengthField = shortFrame ? buffer[2] : (buffer[2] << 8) | buffer[3];
        int total = headerBytes + lengthField + 2;
        if (lengthField < MinLengthField)
        {
            return FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"length field {lengthField} is shorter than the minimum {MinLengthField}"));
        }

        if (total > MaxFrameBytes)
        {
            return FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"length field {lengthField} exceeds the {MaxFrameBytes}-byte frame limit"));
        }

        if (buffer.Length < total)
        {
            return FrameScan.NeedMore;
        }

        if (buffer[total - 2] != 0x0D || buffer[total - 1] != 0x0A)
        {
            return FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"no stop bits 0D 0A at byte {total - 2} where the length field {lengthField} puts the end"));
        }

        return FrameScan.Whole(total);
    }

    private static FrameScan SkipToMarker(ReadOnlySpan<byte> buffer)
    {
        for (int i = 1; i < buffer.Length; i++)
        {
            if (buffer[i] is 0x78 or 0x79)
            {
                return FrameScan.SkipBytes(i, string.Create(CultureInfo.InvariantCulture, $"{i} bytes before a start marker"));
            }
        }

        return FrameScan.SkipBytes(buffer.Length, string.Create(CultureInfo.InvariantCulture, $"{buffer.Length} bytes without a start marker"));
    }
}
