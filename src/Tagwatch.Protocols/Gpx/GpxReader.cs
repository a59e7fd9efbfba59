using System.Xml;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Gpx;

/// <summary>Reads track points of GPX 1.0 and 1.1 files as fixes of one tag, across all tracks and segments.</summary>
/// <remarks>
/// Rows are numbered by the line of the point in the file. A point needs <c>lat</c>, <c>lon</c> and a <c>time</c>;
/// a route drawn without times (a planned course) yields only errors. Accuracy comes from <c>hdop</c> × 5 m when
/// present; GPX 1.0 <c>speed</c> (m/s) and <c>course</c> are kept. GPX times are UTC by definition, so a time
/// without an offset is read as UTC. DTDs are refused (no entity expansion).
/// </remarks>
public static class GpxReader
{
    /// <summary>User equivalent range error used to turn HDOP into an accuracy radius, in metres.</summary>
    public const double UereMetres = 5.0;

    /// <summary>Reads the file's track points lazily.</summary>
    /// <exception cref="InputFormatException">The input is not well-formed XML or not GPX.</exception>
    public static IEnumerable<ParsedRow<FixRecord>> Read(TextReader input, TagId tag, Instant received)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        using var xml = XmlReader.Create(input, settings);
        var enumerator = ReadPoints(xml, tag, received).GetEnumerator();
        while (true)
        {
            ParsedRow<FixRecord> current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                current = enumerator.Current;
            }
            catch (XmlException ex)
            {
                throw new InputFormatException($"GPX is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
            }

            yield return current;
        }
    }

    private static IEnumerable<ParsedRow<FixRecord>> ReadPoints(XmlReader xml, TagId tag, Instant received)
    {
        var lineInfo = (IXmlLineInfo)xml;
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "gpx")
        {
            throw new InputFormatException($"Input is not GPX: the root element is <{xml.LocalName}>, not <gpx>.");
        }

        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "trkpt")
            {
                continue;
            }

            long line = lineInfo.LineNumber;
            string? latText = xml.GetAttribute("lat");
            string? lonText = xml.GetAttribute("lon");
            string? timeText = null, hdopText = null, speedText = null, courseText = null;
            if (!xml.IsEmptyElement)
            {
                int depth = xml.Depth;
                xml.Read();
                while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName is "time" or "hdop" or "speed" or "course")
                    {
                        string name = xml.LocalName;
                        string value = xml.ReadElementContentAsString(); // moves past the element
                        switch (name)
                        {
                            case "time": timeText = value; break;
                            case "hdop": hdopText = value; break;
                            case "speed": speedText = value; break;
                            default: courseText = value; break;
                        }
                    }
                    else
                    {
                        xml.Read();
                    }
                }
            }

            yield return ToRow(line, tag, received, latText, lonText, timeText, hdopText, speedText, courseText);
        }
    }

    private static ParsedRow<FixRecord> ToRow(long line, TagId tag, Instant received, string? latText, string? lonText, string? timeText, string? hdopText, string? speedText, string? courseText)
    {
        var errors = new List<RowError>(0);
        double lat = 0, lon = 0;
        if (latText is null)
        {
            errors.Add(new RowError(line, "lat", "trkpt has no lat attribute"));
        }
        else if (!FieldParsers.TryParseNumber(latText, -90, 90, out lat, out var reason))
        {
            errors.Add(new RowError(line, "lat", reason!));
        }

        if (lonText is null)
        {
            errors.Add(new RowError(line, "lon", "trkpt has no lon attribute"));
        }
        else if (!FieldParsers.TryParseNumber(lonText, -180, 180, out lon, out var reason))
        {
            errors.Add(new RowError(line, "lon", reason!));
        }

        Instant time = default;
        if (timeText is null)
        {
            errors.Add(new RowError(line, "time", "trkpt has no <time>; a fix needs the time it was taken"));
        }
        else if (!FieldParsers.TryParseIsoInstant(timeText, out time, out var reason, noOffsetMeansUtc: true))
        {
            errors.Add(new RowError(line, "time", reason!));
        }

        double? accuracy = null, speedKmh = null, heading = null;
        if (hdopText is not null && FieldParsers.TryParseNumber(hdopText, 0, 99.99, out double hdop, out _))
        {
            accuracy = Math.Min(hdop * UereMetres, 6553.4);
        }

        if (speedText is not null && FieldParsers.TryParseNumber(speedText, 0, 1820, out double metresPerSecond, out _))
        {
            speedKmh = metresPerSecond * 3.6;
        }

        if (courseText is not null && FieldParsers.TryParseNumber(courseText, 0, 360, out double course, out _))
        {
            heading = course;
        }

        if (errors.Count > 0)
        {
            return ParsedRow<FixRecord>.Rejected(line, errors);
        }

        // GPX carries HDOP, not a radius: the radius derived from it is an estimate and is flagged as one.
        var fix = Fix.Create(time, received, new GeoPoint(lat, lon), accuracy, speedKmh, heading, FixSource.Gps, accuracy is null ? FixFlags.None : FixFlags.AccuracyEstimated);
        return ParsedRow<FixRecord>.Ok(line, new FixRecord(tag, fix));
    }
}
