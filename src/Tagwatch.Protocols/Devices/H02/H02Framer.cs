using System.Globalization;

namespace Tagwatch.Protocols.Devices.H02;

/// <summary>Finds H02 messages in a TCP byte stream: text <c>*XX,…#</c> and binary <c>$…</c> of a fixed length.</summary>
/// <remarks>
/// Binary messages carry no length: devices send 32, 42 (a 15-digit IMEI) or 45 bytes. With <c>binaryLength</c> 0 the
/// framer takes 45 bytes unless a new message starts at byte 32 or 42 (or only 32 bytes have arrived and nothing
/// follows yet).
/// </remarks>
public static class H02Framer
{
    /// <summary>Longest text message accepted.</summary>
    public const int MaxTextBytes = 1024;

    /// <summary>Looks for a message at the start of <paramref name="buffer"/>.</summary>
    public static FrameScan Scan(ReadOnlySpan<byte> buffer, int binaryLength = 0)
    {
        if (buffer.Length == 0)
        {
            return FrameScan.NeedMore;
        }

        if (buffer[0] is (byte)'\r' or (byte)'\n' or (byte)' ')
        {
            int blanks = buffer.IndexOfAnyExcept((byte)'\r', (byte)'\n', (byte)' ');
            return FrameScan.SkipBytes(blanks < 0 ? buffer.Length : blanks, "line breaks between messages");
        }

        if (buffer[0] == (byte)'*')
        {
            int end = buffer.IndexOf((byte)'#');
            if (end < 0)
            {
                return buffer.Length > MaxTextBytes
                    ? FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"text message longer than {MaxTextBytes} bytes without its closing '#'"))
                    : FrameScan.NeedMore;
            }

            return end + 1 > MaxTextBytes
                ? FrameScan.SkipBytes(1, string.Create(CultureInfo.InvariantCulture, $"text message longer than {MaxTextBytes} bytes"))
                : FrameScan.Whole(end + 1);
        }

        if (buffer[0] == (byte)'$')
        {
            int length = binaryLength > 0 ? binaryLength : AutoBinaryLength(buffer);
            return length == 0 || buffer.Length < length ? FrameScan.NeedMore : FrameScan.Whole(length);
        }

        int next = buffer[1..].IndexOfAny((byte)'*', (byte)'$');
        int skip = next < 0 ? buffer.Length : next + 1;
        return FrameScan.SkipBytes(skip, string.Create(CultureInfo.InvariantCulture, $"{skip} bytes before a message start ('*' or '$')"));
    }

    private static int AutoBinaryLength(ReadOnlySpan<byte> buffer)
    {
        const int Short = 32, Long = 45;
        if (buffer.Length > Short && buffer[Short] is (byte)'*' or (byte)'$')
        {
            return Short;
        }

        if (buffer.Length > H02Decoder.LongIdBinaryBytes && buffer[H02Decoder.LongIdBinaryBytes] is (byte)'*' or (byte)'$')
        {
            return H02Decoder.LongIdBinaryBytes;
        }

        if (buffer.Length >= Long)
        {
            return Long;
        }

        return buffer.Length == Short ? Short : 0;
    }
}
