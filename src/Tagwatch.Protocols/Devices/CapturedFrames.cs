using System.Globalization;
using NodaTime;

namespace Tagwatch.Protocols.Devices;

/// <summary>Captured payloads of stream protocols: the pasted text read as bytes, cut into frames, each decoded.</summary>
public static class CapturedFrames
{
    /// <summary>Reads a pasted payload as the bytes a device sent, or says why it cannot.</summary>
    public delegate bool PayloadReader(string text, out byte[] bytes, out string? error);

    /// <summary>A capture decoder: <paramref name="read"/> turns the payload into bytes, <paramref name="scan"/> cuts
    /// them into frames, <paramref name="decode"/> (one connection's decoder) decodes each.</summary>
    public static CaptureDecoder Decoder(PayloadReader read, FrameScanner scan, FrameDecoder decode) =>
        (payload, received) => read(payload.Trim(), out byte[] bytes, out string? error) ? Frames(bytes, scan, decode, received) : [DecodeResult.Fail(error!)];

    /// <summary>Hex digits, with or without <c>0x</c>, spaces or colons.</summary>
    public static bool Hex(string text, out byte[] bytes, out string? error)
    {
        string hex = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != ':'));
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        bytes = [];
        if (hex.Length == 0 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            error = "payload is not an even number of hex digits";
            return false;
        }

        bytes = Convert.FromHexString(hex);
        error = null;
        return true;
    }

    /// <summary>A text message (starting with <paramref name="textStart"/>) as its ASCII bytes, anything else as hex.</summary>
    public static PayloadReader TextOrHex(string textStart, string textDescription) =>
        (string text, out byte[] bytes, out string? error) =>
        {
            bytes = text.StartsWith(textStart, StringComparison.Ordinal) ? System.Text.Encoding.ASCII.GetBytes(text)
                : Hex(text, out byte[] binary, out _) ? binary
                : [];
            error = bytes.Length == 0 ? $"payload is neither {textDescription} nor hex" : null;
            return bytes.Length > 0;
        };

    private static List<DecodeResult> Frames(byte[] bytes, FrameScanner scan, FrameDecoder decode, Instant received)
    {
        var results = new List<DecodeResult>();
        int at = 0;
        while (at < bytes.Length)
        {
            var found = scan(bytes.AsSpan(at));
            switch (found.Status)
            {
                case FrameScanStatus.Frame:
                    results.Add(decode(bytes.AsSpan(at, found.Length), received));
                    at += found.Length;
                    break;
                case FrameScanStatus.Skip:
                    results.Add(DecodeResult.Fail(string.Create(CultureInfo.InvariantCulture, $"at byte {at}: {found.Reason}")));
                    at += found.Length;
                    break;
                default:
                    // A capture ends where the payload ends: what is left is the last frame, however short its
                    // framing (a missing stop bit, an H02 binary message of an unusual length). The decoder says
                    // what it can read of it.
                    var last = decode(bytes.AsSpan(at), received);
                    results.Add(last.IsSuccess ? last : DecodeResult.Fail(string.Create(CultureInfo.InvariantCulture, $"at byte {at}: incomplete frame ({bytes.Length - at} bytes): {last.Error}")));
                    at = bytes.Length;
                    break;
            }
        }

        return results;
    }
}
