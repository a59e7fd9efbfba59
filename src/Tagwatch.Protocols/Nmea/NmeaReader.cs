using System.Globalization;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Nmea;

/// <summary>Reads NMEA 0183 receiver logs (RMC, GGA, GNS, GLL, VTG, ZDA from any talker) as fixes of one tag.</summary>
/// <remarks>
/// Sentences of one epoch (the same time of day) are merged into one fix: the most precise position of the epoch
/// (RMC, then GGA or GNS, then GLL when equally precise); accuracy from the HDOP of GGA or GNS (× 5 m); speed and course from RMC or VTG. Dates come from
/// RMC or ZDA and roll over at midnight; RMC's two-digit years 80–99 are 1980–1999 (GPS time begins in 1980). The
/// checksum of every sentence read is verified: a bad one rejects that sentence with its line number, and so does a
/// missing one in a log whose sentences carry checksums (the sentence was cut off). A receiver that sends no
/// checksums at all is read, its fixes flagged <see cref="FixFlags.BadChecksum"/> as unverified. A void fix that
/// still carries a position is kept, flagged invalid. Capture text before a sentence's <c>$</c> on its line (a
/// sentence cut off by the next one, a logger's marker) or after its checksum is not part of the sentence. Comment
/// lines (<c>#</c>), proprietary (<c>$P…</c>), other sentences and sentences with neither time nor position are
/// passed over.
/// </remarks>
public static class NmeaReader
{
    /// <summary>User equivalent range error turning HDOP into an accuracy radius, metres.</summary>
    public const double UereMetres = 5.0;

    /// <summary>Reads the log lazily; rows are line numbers.</summary>
    public static IEnumerable<ParsedRow<FixRecord>> Read(TextReader input, TagId tag, Instant received)
    {
        var epoch = new Epoch();
        var date = new DateTracker();
        var undated = new List<EpochData>();
        var checksums = new NmeaChecksum();
        long line = 0;
        while (input.ReadLine() is { } text)
        {
            line++;
            if (SentenceIn(text) is not { } sentence || sentence.StartsWith("$P", StringComparison.Ordinal))
            {
                continue;
            }

            int star = sentence.IndexOf('*', StringComparison.Ordinal);
            var fields = sentence[1..(star < 0 ? sentence.Length : star)].Split(',');
            string type = fields[0].Length >= 5 ? fields[0][^3..] : "";
            if (type is not ("RMC" or "GGA" or "GNS" or "GLL" or "VTG" or "ZDA"))
            {
                continue;
            }

            if (!checksums.Accepts(sentence, star, out bool verified, out string? checksumError))
            {
                yield return ParsedRow<FixRecord>.Rejected(line, [new RowError(line, "checksum", checksumError!)]);
                continue;
            }

            // Without a checksum only the field count tells a whole sentence from one cut off in the capture.
            if (!verified && fields.Length < FieldCount(type))
            {
                yield return ParsedRow<FixRecord>.Rejected(line, [new RowError(line, "checksum", string.Create(CultureInfo.InvariantCulture,
                    $"{type} sentence without a checksum has {fields.Length - 1} of its {FieldCount(type) - 1} fields: it was cut off"))]);
                continue;
            }

            if (type == "VTG")
            {
                epoch.AddMotion(Number(fields, 5), Number(fields, 1));
                continue;
            }

            // A sentence's date belongs to its own epoch: it is applied after the previous epoch is written.
            LocalDate? sentenceDate = null;
            if (type == "ZDA" && fields.Length > 4 && TryDate(fields[2], fields[3], fields[4], out var zdaDate))
            {
                sentenceDate = zdaDate;
            }

            string timeText = type == "GLL" ? Field(fields, 5) : Field(fields, 1);
            if (!TryTime(timeText, out var timeOfDay))
            {
                // A receiver without a fix sends its sentences empty: nothing is lost by passing them over.
                if (type != "ZDA" && !HasNoPosition(fields, type))
                {
                    yield return ParsedRow<FixRecord>.Rejected(line, [new RowError(line, "time", $"{type} time '{FieldParsers.Quote(timeText)}' is not hhmmss[.sss]")]);
                }

                continue;
            }

            if (type == "RMC" && fields.Length > 9 && fields[9].Length == 6
                && TryDate(fields[9][..2], fields[9][2..4], FullYear(fields[9][4..]), out var rmcDate))
            {
                sentenceDate = rmcDate;
            }

            if (epoch.TimeOfDay is { } current && current != timeOfDay && epoch.Take() is { } finished)
            {
                if (date.Date is null)
                {
                    undated.Add(finished);
                }
                else
                {
                    yield return ToRow(finished, date.For(finished.TimeOfDay)!.Value, tag, received);
                }
            }

            if (sentenceDate is { } known)
            {
                // Epochs logged before the first date take it (or the day before, if their time of day is later).
                foreach (var early in undated)
                {
                    yield return ToRow(early, early.TimeOfDay <= timeOfDay ? known : known.PlusDays(-1), tag, received);
                }

                undated.Clear();
                date.Set(known);
            }

            epoch.Start(timeOfDay, line);
            if (!verified)
            {
                epoch.MarkUnverified();
            }

            switch (type)
            {
                case "RMC":
                    epoch.AddPosition(fields, 3, priority: 3, valid: Field(fields, 2) == "A");
                    epoch.AddMotion(Number(fields, 7) * 1.852, Number(fields, 8));
                    break;
                case "GGA":
                    epoch.AddPosition(fields, 2, priority: 2, valid: Field(fields, 6) is not ("" or "0"));
                    epoch.AddHdop(Number(fields, 8));
                    break;
                case "GNS":
                    epoch.AddPosition(fields, 2, priority: 2, valid: Field(fields, 6).Any(c => c is not 'N'));
                    epoch.AddHdop(Number(fields, 8));
                    break;
                case "GLL":
                    epoch.AddPosition(fields, 1, priority: 1, valid: Field(fields, 6) == "A");
                    break;
                default:
                    break;
            }
        }

        if (epoch.Take() is { } last)
        {
            if (date.Date is null)
            {
                undated.Add(last);
            }
            else
            {
                yield return ToRow(last, date.For(last.TimeOfDay)!.Value, tag, received);
            }
        }

        foreach (var never in undated)
        {
            yield return ParsedRow<FixRecord>.Rejected(never.Line, [new RowError(never.Line, "date", "the log has no RMC or ZDA sentence to date this fix")]);
        }
    }

    /// <summary>The sentence a captured line holds, from its last <c>$</c> before the checksum to the checksum's two
    /// digits, or null when the line holds none (a comment, a fragment of a sentence begun on an earlier line).</summary>
    private static string? SentenceIn(string line)
    {
        string text = line.Trim();
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        int star = text.LastIndexOf('*');
        int start = text.LastIndexOf('$', star < 0 ? text.Length - 1 : star);
        if (start < 0)
        {
            return null;
        }

        int end = star >= start && star + 3 <= text.Length ? star + 3 : text.Length;
        return text[start..end];
    }

    /// <summary>How many comma-separated parts (the address among them) a whole sentence of NMEA 0183 2.0 has.</summary>
    private static int FieldCount(string type) => type switch
    {
        "RMC" => 12,
        "GGA" => 15,
        "GNS" => 13,
        "GLL" => 7,
        "VTG" => 9,
        _ => 7, // ZDA
    };

    /// <summary>RMC's two-digit year: GPS time begins in 1980, so 80–99 are the twentieth century.</summary>
    private static string FullYear(string twoDigits) =>
        (string.CompareOrdinal(twoDigits, "80") >= 0 ? "19" : "20") + twoDigits;

    /// <summary>Whether a sentence's latitude field is empty (a receiver without a fix).</summary>
    private static bool HasNoPosition(string[] fields, string type) => Field(fields, type == "GLL" ? 1 : type == "RMC" ? 3 : 2).Length == 0;

    private static ParsedRow<FixRecord> ToRow(EpochData epoch, LocalDate day, TagId tag, Instant received)
    {
        if (!GeoPoint.TryCreate(epoch.Latitude, epoch.Longitude, out var point, out var error))
        {
            return ParsedRow<FixRecord>.Rejected(epoch.Line, [new RowError(epoch.Line, "position", error!)]);
        }

        var time = day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + epoch.TimeOfDay;
        // NMEA carries HDOP, not a radius: the radius derived from it is an estimate and is flagged as one.
        var flags = (epoch.Valid ? FixFlags.None : FixFlags.Invalid) | (epoch.Hdop is null ? FixFlags.None : FixFlags.AccuracyEstimated)
            | (epoch.Unverified ? FixFlags.BadChecksum : FixFlags.None);
        var fix = Fix.Create(time, received, point, epoch.Hdop is { } h ? Math.Min(h * UereMetres, 6553.4) : null, epoch.SpeedKmh, epoch.Course, FixSource.Gps, flags);
        return ParsedRow<FixRecord>.Ok(epoch.Line, new FixRecord(tag, fix));
    }

    /// <summary>One epoch's merged position and motion.</summary>
    private sealed record EpochData(Duration TimeOfDay, long Line, double Latitude, double Longitude, double? Hdop, double? SpeedKmh, double? Course, bool Valid, bool Unverified);

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index].Trim() : "";

    private static double? Number(string[] fields, int index) =>
        double.TryParse(Field(fields, index), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    private static bool TryTime(string text, out Duration timeOfDay)
    {
        timeOfDay = default;
        if (text.Length < 6 || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(text.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !double.TryParse(text.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out double s)
            || h > 23 || m > 59 || s < 0 || s >= 61)
        {
            return false;
        }

        timeOfDay = Duration.FromHours(h) + Duration.FromMinutes(m) + Duration.FromMilliseconds(Math.Round(s * 1000));
        return true;
    }

    private static bool TryDate(string day, string month, string year, out LocalDate date)
    {
        date = default;
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out int d) || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out int mo)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y) || mo is < 1 or > 12 || y is < 1980 or > 2200 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, mo))
        {
            return false;
        }

        date = new LocalDate(y, mo, d);
        return true;
    }

    /// <summary>The current date: set by RMC and ZDA sentences, and moved on a day when the time of day wraps past
    /// midnight before the next dated sentence.</summary>
    private sealed class DateTracker
    {
        private bool _setSinceLastFix;
        private Duration? _lastTimeOfDay;

        public LocalDate? Date { get; private set; }

        public void Set(LocalDate date)
        {
            Date = date;
            _setSinceLastFix = true;
        }

        public LocalDate? For(Duration timeOfDay)
        {
            if (Date is { } day && !_setSinceLastFix && _lastTimeOfDay is { } previous && timeOfDay < previous - Duration.FromHours(12))
            {
                Date = day.PlusDays(1);
            }

            _lastTimeOfDay = timeOfDay;
            _setSinceLastFix = false;
            return Date;
        }
    }

    /// <summary>What the sentences of one epoch said.</summary>
    private sealed class Epoch
    {
        private double? _lat, _lon, _hdop, _speedKmh, _course;
        private int _priority;
        private bool _valid, _unverified;

        public Duration? TimeOfDay { get; private set; }

        public long Line { get; private set; }

        public void Start(Duration timeOfDay, long line)
        {
            if (TimeOfDay is null)
            {
                TimeOfDay = timeOfDay;
                Line = line;
            }
        }

        public void AddPosition(string[] fields, int index, int priority, bool valid)
        {
            // Receivers often give GGA more decimal places than RMC: the most precise position of the epoch wins,
            // RMC, then GGA or GNS, then GLL on a tie.
            string latitude = Field(fields, index);
            int dot = latitude.IndexOf('.', StringComparison.Ordinal);
            priority += 10 * (dot < 0 ? 0 : latitude.Length - dot - 1);
            if (priority <= _priority || !TryCoordinate(Field(fields, index), Field(fields, index + 1), 2, out double lat) || !TryCoordinate(Field(fields, index + 2), Field(fields, index + 3), 3, out double lon))
            {
                return;
            }

            (_lat, _lon, _priority, _valid) = (lat, lon, priority, valid);
        }

        public void MarkUnverified() => _unverified = true;

        public void AddHdop(double? hdop) => _hdop ??= hdop is > 0 and < 100 ? hdop : null;

        public void AddMotion(double? speedKmh, double? course)
        {
            _speedKmh ??= speedKmh is >= 0 and < 6553 ? speedKmh : null;
            _course ??= course is >= 0 and <= 360 ? course : null;
        }

        /// <summary>The epoch's data when it has a position (else null); resets for the next epoch either way.</summary>
        public EpochData? Take()
        {
            var data = TimeOfDay is { } timeOfDay && _lat is { } lat && _lon is { } lon
                ? new EpochData(timeOfDay, Line, lat, lon, _hdop, _speedKmh, _course, _valid, _unverified)
                : null;
            (TimeOfDay, _lat, _lon, _hdop, _speedKmh, _course, _priority, _valid, _unverified) = (null, null, null, null, null, null, 0, false, false);
            return data;
        }

        private static bool TryCoordinate(string value, string hemisphere, int degreeDigits, out double degrees)
        {
            degrees = 0;
            if (value.Length <= degreeDigits || !int.TryParse(value.AsSpan(0, degreeDigits), NumberStyles.None, CultureInfo.InvariantCulture, out int whole)
                || !double.TryParse(value.AsSpan(degreeDigits), NumberStyles.Float, CultureInfo.InvariantCulture, out double minutes) || minutes is < 0 or >= 60)
            {
                return false;
            }

            degrees = whole + minutes / 60;
            switch (hemisphere)
            {
                case "S" or "W":
                    degrees = -degrees;
                    return true;
                case "N" or "E":
                    return true;
                default:
                    return false;
            }
        }
    }
}
