using System.Globalization;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Csv;

/// <summary>Writes fixes in the fix CSV format, exactly (latitude and longitude to 1e-7°, times to the millisecond), through <see cref="CsvWriter"/>.</summary>
/// <remarks>What it writes, <see cref="FixCsvReader"/> reads back to equal fixes (apart from the received time).</remarks>
public sealed class FixCsvWriter(TextWriter output)
{
    /// <summary>The header line.</summary>
    public const string Header = "tag_id,timestamp,lat,lon,accuracy_m,speed_kmh,heading_deg,source";

    private readonly CsvWriter _csv = new(output);
    private readonly char[] _buffer = new char[32];

    /// <summary>Writes the header.</summary>
    public void WriteHeader() => output.WriteLine(Header);

    /// <summary>Writes one fix.</summary>
    public void Write(TagId tag, in Fix fix)
    {
        var span = _buffer.AsSpan();
        _csv.Text(tag.Value);
        var time = DateTimeOffset.FromUnixTimeMilliseconds(fix.TimeUnixMs).UtcDateTime;
        time.TryFormat(span, out int written, time.Millisecond == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        _csv.Text(span[..written]);
        _csv.Number(span[..FormatE7(fix.LatitudeE7, span)]);
        _csv.Number(span[..FormatE7(fix.LongitudeE7, span)]);
        _csv.Number(span[..FormatTenths(fix.AccuracyDecimetres, span)]);
        _csv.Number(span[..FormatTenths(fix.SpeedDecikmh, span)]);
        _csv.Number(span[..FormatTenths(fix.HeadingDecidegrees, span)]);
        _csv.Text(fix.Source switch { FixSource.Gps => "gps", FixSource.Lbs => "lbs", FixSource.Wifi => "wifi", _ => "" });
        _csv.EndRow();
    }

    private static int FormatE7(int value, Span<char> destination)
    {
        int n = 0;
        long magnitude = value;
        if (magnitude < 0)
        {
            destination[n++] = '-';
            magnitude = -magnitude;
        }

        (magnitude / 10_000_000).TryFormat(destination[n..], out int written, default, CultureInfo.InvariantCulture);
        n += written;
        destination[n++] = '.';
        (magnitude % 10_000_000).TryFormat(destination[n..], out written, "0000000", CultureInfo.InvariantCulture);
        return n + written;
    }

    private static int FormatTenths(ushort value, Span<char> destination)
    {
        if (value == ushort.MaxValue)
        {
            return 0; // unknown: empty field
        }

        (value / 10).TryFormat(destination, out int n, default, CultureInfo.InvariantCulture);
        destination[n++] = '.';
        destination[n++] = (char)('0' + value % 10);
        return n;
    }
}
