using System.Globalization;
using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Protocols.Devices.H02;
using Tagwatch.Protocols.Devices.OsmAnd;
using Tagwatch.Protocols.Nmea;

namespace Tagwatch.Protocols.Devices;

/// <summary>Decodes captured payloads as a support engineer pastes them: hex for GT06 (and binary H02), text for H02,
/// a request line, URL or JSON body for OsmAnd, a sentence for NMEA.</summary>
/// <remarks>
/// One instance stands for one device connection: a GT06 login decoded first names the device for the payloads after
/// it. A payload holding several frames gives a result per frame; bytes that are not a frame give an error result.
/// </remarks>
public sealed class CapturedPayloadDecoder
{
    /// <summary>Protocols this decoder reads.</summary>
    public static readonly IReadOnlyList<string> Protocols = ["gt06", "h02", "osmand", "nmea"];

    private readonly string _protocol;
    private readonly Gt06Decoder _gt06 = new();

    /// <summary>A decoder for <paramref name="protocol"/>, one of <see cref="Protocols"/>.</summary>
    public CapturedPayloadDecoder(string protocol)
    {
        _protocol = protocol.ToLowerInvariant();
        if (!Protocols.Contains(_protocol))
        {
            throw new ArgumentException($"protocol '{protocol}' is not one of {string.Join(", ", Protocols)}", nameof(protocol));
        }
    }

    /// <summary>Decodes one payload received at <paramref name="received"/>.</summary>
    public IReadOnlyList<DecodeResult> Decode(string payload, Instant received)
    {
        string text = payload.Trim();
        switch (_protocol)
        {
            case "gt06":
                return TryHex(text, out byte[] bytes, out string? error)
                    ? Frames(bytes, Gt06Framer.Scan, frame => _gt06.Decode(frame, received))
                    : [DecodeResult.Fail(error!)];
            case "h02":
                byte[] h02 = text.StartsWith('*') ? System.Text.Encoding.ASCII.GetBytes(text)
                    : TryHex(text, out byte[] binary, out string? hexError) ? binary
                    : [];
                return h02.Length == 0
                    ? [DecodeResult.Fail("payload is neither a text message (*…#) nor hex")]
                    : Frames(h02, b => H02Framer.Scan(b), frame => H02Decoder.Decode(frame, received));
            case "osmand":
                return [OsmAndDecoder.DecodeCaptured(text, received)];
            default:
                return Nmea(text, received);
        }
    }

    private static List<DecodeResult> Frames(byte[] bytes, FrameScanner scan, FrameDecoder decode)
    {
        var results = new List<DecodeResult>();
        int at = 0;
        while (at < bytes.Length)
        {
            var found = scan(bytes.AsSpan(at));
            switch (found.Status)
            {
                case FrameScanStatus.Frame:
                    results.Add(decode(bytes.AsSpan(at, found.Length)));
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
                    var last = decode(bytes.AsSpan(at));
                    results.Add(last.IsSuccess ? last : DecodeResult.Fail(string.Create(CultureInfo.InvariantCulture, $"at byte {at}: incomplete frame ({bytes.Length - at} bytes): {last.Error}")));
                    at = bytes.Length;
                    break;
            }
        }

        return results;
    }

    private static List<DecodeResult> Nmea(string sentence, Instant received)
    {
        var results = new List<DecodeResult>();
        foreach (var row in NmeaReader.Read(new StringReader(sentence), TagId.Parse("capture"), received))
        {
            if (!row.IsValid)
            {
                results.Add(DecodeResult.Fail(string.Join("; ", row.Errors.Select(e => $"{e.Field}: {e.Reason}"))));
                continue;
            }

            var fix = row.Value!.Fix;
            results.Add(DecodeResult.Ok(new DeviceMessage
            {
                Protocol = "nmea",
                Kind = "location",
                Positions =
                [
                    new DecodedPosition
                    {
                        Time = fix.Time,
                        Latitude = fix.Latitude,
                        Longitude = fix.Longitude,
                        Valid = (fix.Flags & Core.Fixes.FixFlags.Invalid) == 0,
                        AccuracyMetres = fix.AccuracyMetres,
                        SpeedKmh = fix.SpeedKmh,
                        HeadingDegrees = fix.HeadingDegrees,
                    },
                ],
            }));
        }

        return results.Count > 0 ? results : [DecodeResult.Fail("no RMC, GGA, GNS or GLL sentence with a position")];
    }

    private static bool TryHex(string text, out byte[] bytes, out string? error)
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

    private delegate FrameScan FrameScanner(ReadOnlySpan<byte> buffer);

    private delegate DecodeResult FrameDecoder(ReadOnlySpan<byte> frame);
}
