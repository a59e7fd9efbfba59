using System.Globalization;

namespace Tagwatch.Protocols.Devices.Gt06;

/// <summary>Finds GT06 frames in a TCP byte stream: <c>78 78 len8 … 0D 0A</c> and <c>79 79 len16 … 0D 0A</c>.</summary>
/// <remarks>
/// Noise before a start marker and frames without stop bits are skipped a byte at a time, so one corrupt frame costs
/// only itself: the framer resynchronises on the next start marker. A frame whose length field disagrees with its
/// bytes ends at its first stop bits (the decoder reports its integrity as failed).
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
        if (total > MaxFrameBytes)
        {
            return FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"length field {lengthField} exceeds the {MaxFrameBytes}-byte frame limit"));
        }

        bool consistent = lengthField >= MinLengthField && buffer.Length >= total && buffer[total - 2] == 0x0D && buffer[total - 1] == 0x0A;
        if (consistent)
        {
            return FrameScan.Whole(total);
        }

        // Some firmware writes a length field that disagrees with the frame it sends (0x69 Wi-Fi reports say 0). As
        // Traccar does, such a frame ends at its first stop bits — once the claimed end is in hand without them, or
        // the bytes in hand end with them — unless a well-formed frame starts first (then this one is corrupt).
        bool claimedEndInHand = lengthField < MinLengthField || buffer.Length >= total;
        bool endsWithStopBits = buffer.Length >= 2 && buffer[^2] == 0x0D && buffer[^1] == 0x0A;
        if ((claimedEndInHand || endsWithStopBits) && FirstStopBits(buffer, headerBytes) is { } end)
        {
            return FrameScan.Whole(end);
        }

        if (lengthField < MinLengthField)
        {
            return FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"length field {lengthField} is shorter than the minimum {MinLengthField} and no stop bits follow"));
        }

        return buffer.Length < total
            ? FrameScan.NeedMore
            : FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"no stop bits 0D 0A at byte {total - 2} where the length field {lengthField} puts the end"));
    }

    // The end of the first 0D 0A after the header, if it comes before any well-formed frame.
    private static int? FirstStopBits(ReadOnlySpan<byte> buffer, int headerBytes)
    {
        int limit = Math.Min(buffer.Length, MaxFrameBytes);
        for (int i = headerBytes + 1; i + 1 < limit; i++)
        {
            if (buffer[i] == 0x0D && buffer[i + 1] == 0x0A)
            {
                return i + 2;
            }

            if (buffer[i] is 0x78 or 0x79 && StartsWellFormedFrame(buffer[i..]))
            {
                return null;
            }
        }

        return null;
    }

    private static bool StartsWellFormedFrame(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < 5 || buffer[1] != buffer[0])
        {
            return false;
        }

        int total = buffer[0] == 0x78 ? 3 + buffer[2] + 2 : 4 + ((buffer[2] << 8) | buffer[3]) + 2;
        return total - (buffer[0] == 0x78 ? 5 : 6) >= MinLengthField && buffer.Length >= total && buffer[total - 2] == 0x0D && buffer[total - 1] == 0x0A;
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
