using System.Globalization;
using NodaTime;
using Sylvan.Data.Csv;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Csv;

/// <summary>Reads the fix CSV: header <c>tag_id,timestamp,lat,lon,accuracy_m</c>, optionally <c>speed_kmh,heading_deg,source</c>.</summary>
/// <remarks>Columns are found by header name, in any order. Every row is either a fix or a list of named errors.</remarks>
public static class FixCsvReader
{
    /// <summary>The required columns.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["tag_id", "timestamp", "lat", "lon", "accuracy_m"];

    /// <summary>Reads rows lazily. Fixes get <paramref name="received"/> as their received time.</summary>
    /// <exception cref="InputFormatException">The header lacks a required column.</exception>
    public static IEnumerable<ParsedRow<FixRecord>> Read(TextReader input, Instant received)
    {
        using var csv = CsvInput.Open(input, hasHeaders: true);
        var header = CsvHeader.Require(csv, RequiredColumns, "Fix CSV", $"expected {string.Join(",", RequiredColumns)} (optional speed_kmh,heading_deg,source)");
        int tagColumn = header["tag_id"], timeColumn = header["timestamp"], latColumn = header["lat"], lonColumn = header["lon"], accuracyColumn = header["accuracy_m"];
        int speedColumn = header["speed_kmh"], headingColumn = header["heading_deg"], sourceColumn = header["source"];
        long row = 1;
        TagId lastTag = default;
        string? lastTagText = null;
        while (CsvInput.Read(csv))
        {
            row++;
            if (CsvHeader.IsBlankLine(csv))
            {
                continue;
            }

            if (header.FieldCountError(csv, row) is { } countError)
            {
                yield return ParsedRow<FixRecord>.Rejected(row, [countError]);
                continue;
            }

            // The hot path allocates nothing per row but the record itself; errors are built only for bad rows.
            List<RowError>? errors = null;
            var tagSpan = CsvCell.Unguard(csv.GetFieldSpan(tagColumn)); // a tag ID such as '-1' comes back from an export guarded
            if (lastTagText is null || !tagSpan.SequenceEqual(lastTagText))
            {
                lastTagText = tagSpan.ToString();
                if (!TagId.TryParse(lastTagText, out lastTag, out var tagError))
                {
                    (errors ??= []).Add(new RowError(row, "tag_id", tagError!));
                    lastTagText = null;
                }
            }

            long timeMs = 0;
            if (FastIsoTime.TryParse(csv.GetFieldSpan(timeColumn).Trim(), out long fastMs))
            {
                timeMs = fastMs;
            }
            else if (FieldParsers.TryParseIsoInstant(csv.GetString(timeColumn), out var time, out var timeError))
            {
                timeMs = time.ToUnixTimeMilliseconds();
            }
            else
            {
                (errors ??= []).Add(new RowError(row, "timestamp", timeError!));
            }

            double lat = Required(csv, latColumn, "lat", -90, 90, row, ref errors);
            double lon = Required(csv, lonColumn, "lon", -180, 180, row, ref errors);
            double? accuracy = Optional(csv, accuracyColumn, "accuracy_m", 0, 6553.4, row, ref errors);
            double? speed = Optional(csv, speedColumn, "speed_kmh", 0, 6553.4, row, ref errors);
            double? heading = Optional(csv, headingColumn, "heading_deg", 0, 360, row, ref errors);
            var source = FixSource.Unknown;
            if (sourceColumn >= 0 && !TryParseSource(csv.GetString(sourceColumn), out source))
            {
                (errors ??= []).Add(new RowError(row, "source", $"'{FieldParsers.Quote(csv.GetString(sourceColumn))}' is not one of gps, lbs, wifi"));
            }

            yield return errors is not null
                ? ParsedRow<FixRecord>.Rejected(row, errors)
                : ParsedRow<FixRecord>.Ok(row, new FixRecord(lastTag, Fix.Create(Instant.FromUnixTimeMilliseconds(timeMs), received, new GeoPoint(lat, lon), accuracy, speed, heading, source)));
        }
    }

    /// <summary>Parses a source name; empty means unknown.</summary>
    public static bool TryParseSource(string text, out FixSource source)
    {
        source = text.Trim().ToUpperInvariant() switch
        {
            "" => FixSource.Unknown,
            "GPS" or "GNSS" => FixSource.Gps,
            "LBS" or "CELL" => FixSource.Lbs,
            "WIFI" or "WI-FI" => FixSource.Wifi,
            _ => (FixSource)255,
        };
        return source != (FixSource)255;
    }

    private static double Required(CsvDataReader csv, int column, string name, double min, double max, long row, ref List<RowError>? errors)
    {
        if (double.TryParse(csv.GetFieldSpan(column), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max)
        {
            return value;
        }

        FieldParsers.TryParseNumber(csv.GetString(column), min, max, out _, out var reason);
        (errors ??= []).Add(new RowError(row, name, reason!));
        return 0;
    }

    private static double? Optional(CsvDataReader csv, int column, string name, double min, double max, long row, ref List<RowError>? errors)
    {
        if (column < 0 || csv.GetFieldSpan(column).IsWhiteSpace())
        {
            return null;
        }

        return Required(csv, column, name, min, max, row, ref errors);
    }
}
