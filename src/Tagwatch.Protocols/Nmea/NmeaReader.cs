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
/// RMC or ZDA and roll over at midnight. Every sentence's checksum is verified: a bad or missing one rejects that
/// sentence with its line number. A void fix that still carries a position is kept, flagged invalid. Comment lines
/// (<c>#</c>), proprietary (<c>$P…</c>) and other sentences are passed over.
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
        long line = 0;
        while (input.ReadLine() is { } text)
        {
            line++;
            string sentence = text.Trim();
            if (sentence.Length == 0 || sentence[0] != '$' || sentence.StartsWith("$P", StringComparison.Ordinal))
            {
                continue;
            }

            if (!TryCheck(sentence, out string body, out string? checksumError))
            {
                yield return ParsedRow<FixRecord>.Rejected(line, [new RowError(line, "checksum", checksumError!)]);
                continue;
            }

            var fields = body.Split(',');
            string type = fields[0].Length >= 5 ? fields[0][^3..] : "";
            if (type is not ("RMC" or "GGA" or "GNS" or "GLL" or "VTG" or "ZDA"))
            {
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
                if (type != "ZDA")
                {
                    yield return ParsedRow<FixRecord>.Rejected(line, [new RowError(line, "time", $"{type} time '{FieldParsers.Quote(timeText)}' is not hhmmss[.sss]")]);
                }

                continue;
            }

            if (type == "RMC" && fields.Length > 9 && fields[9].Length == 6
                && TryDate(fields[9][..2], fields[9][2..4], "20" + fields[9][4..], out var rmcDate))
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

    private static ParsedRow<FixRecord> ToRow(EpochData epoch, LocalDate day, TagId tag, Instant received)
    {
        if (!GeoPoint.TryCreate(epoch.Latitude, epoch.Longitude, out var point, out var error))
        {
            return ParsedRow<FixRecord>.Rejected(epoch.Line, [new RowError(epoch.Line, "position", error!)]);
        }

        var time = day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + epoch.TimeOfDay;
        // NMEA carries HDOP, not a radius: the radius derived from it is an estimate and is flagged as one.
        var flags = (epoch.Valid ? FixFlags.None : FixFlags.Invalid) | (epoch.Hdop is null ? FixFlags.None : FixFlags.AccuracyEstimated);
        var fix = Fix.Create(time, received, point, epoch.Hdop is { } h ? Math.Min(h * UereMetres, 6553.4) : null, epoch.SpeedKmh, epoch.Course, FixSource.Gps, flags);
        return ParsedRow<FixRecord>.Ok(epoch.Line, new FixRecord(tag, fix));
    }

    /// <summary>One epoch's merged position and motion.</summary>
    private sealed record EpochData(Duration TimeOfDay, long Line, double Latitude, double Longitude, double? Hdop, double? SpeedKmh, double? Course, bool Valid);

    private static bool TryCheck(string sentence, out string body, out string? error)
    {
        int star = sentence.IndexOf('*', StringComparison.Ordinal);
        body = "";
        if (star < 0 || star + 3 > sentence.Length)
        {
            error = "sentence has no *hh checksum";
            return false;
        }

        byte computed = 0;
        for (int i = 1; i < star; i++)
        {
            computed ^= (byte)sentence[i];
        }

        if (!byte.TryParse(sentence.AsSpan(star + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte stated) || stated != computed)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"checksum {sentence[(star + 1)..(star + 3)]} does not match the sentence ({computed:X2})");
            return false;
        }

        body = sentence[1..star];
        error = null;
        return true;
    }

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
        private bool _valid;

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
                ? new EpochData(timeOfDay, Line, lat, lon, _hdop, _speedKmh, _course, _valid)
                : null;
            (TimeOfDay, _lat, _lon, _hdop, _speedKmh, _course, _priority, _valid) = (null, null, null, null, null, null, 0, false);
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
