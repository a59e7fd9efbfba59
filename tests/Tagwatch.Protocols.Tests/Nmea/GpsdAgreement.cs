using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Nmea;

namespace Tagwatch.Protocols.Tests.Nmea;

/// <summary>One gpsd regression capture (tests/TestData/nmea/*.log) read as <c>tagwatch import fixes --format nmea</c>
/// reads it, compared with the positions gpsd reports for it in the capture's <c>.chk</c> file.</summary>
internal sealed record GpsdAgreement(string File, int GpsdPositions, int Matched, IReadOnlyList<string> Differences, IReadOnlyList<string> Rejections)
{
    /// <summary>How close a position must be: gpsd prints 9 decimals, NMEA carries about 1e-6°.</summary>
    public const double ToleranceDegrees = 1e-6;

    /// <summary>A capture's line in the differences file saying gpsd moved the receiver's date on by 1024 GPS weeks
    /// (its guard against the week-number rollover, for dates before its own release): its times are compared with
    /// that shift taken back.</summary>
    public const string WeekRolloverRule = "gpsd dates every fix 1024 GPS weeks after the receiver's date";

    private static readonly Duration GpsWeekRollover = Duration.FromDays(1024 * 7);

    private static readonly TagId Tag = TagId.Parse("T1");
    private static readonly Instant Received = Instant.FromUtc(2025, 1, 1, 0, 0);

    public static IReadOnlyList<string> Captures() =>
        [.. Directory.GetFiles(TestData.Path("nmea"), "*.log").Where(f => System.IO.File.Exists(f + ".chk")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>The differences expected and documented (docs/formats.md, "Agreement with gpsd"): one per line,
    /// <c>file | difference</c>, as <see cref="Differences"/> words them.</summary>
    public static IReadOnlySet<string> Expected() =>
        System.IO.File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Nmea", "gpsd-differences.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToHashSet(StringComparer.Ordinal);

    public static GpsdAgreement Measure(string file)
    {
        string path = TestData.Path("nmea", file);
        using var reader = System.IO.File.OpenText(path);
        var rows = NmeaReader.Read(reader, Tag, Received).ToList();
        var fixes = rows.Where(r => r.IsValid).Select(r => r.Value!.Fix).ToList();
        var rejections = rows.Where(r => !r.IsValid).SelectMany(r => r.Errors).Select(e => $"{file} | refused line {e.Row}: {e.Field}: {e.Reason}").ToList();
        var reports = Reports(path + ".chk");
        var positions = reports.Where(r => r.Time is not null).Select(r => (Time: r.Time!.Value, r.Lat, r.Lon)).ToList();
        var untimed = reports.Where(r => r.Time is null).ToList();
        var differences = new List<string>();
        if (Expected().Contains($"{file} | {WeekRolloverRule}"))
        {
            positions = [.. positions.Select(p => (p.Time - GpsWeekRollover, p.Lat, p.Lon))];
            differences.Add($"{file} | {WeekRolloverRule}");
        }

        int matched = 0;
        foreach (var (time, lat, lon) in positions.Distinct())
        {
            if (fixes.Any(f => f.Time == time && Near(f, lat, lon)))
            {
                matched++;
            }
            else
            {
                var atTime = fixes.Where(f => f.Time == time).ToList();
                differences.Add(atTime.Count == 0
                    ? $"{file} | gpsd {Describe(time, lat, lon)}: no fix at that time"
                    : $"{file} | gpsd {Describe(time, lat, lon)}: ours {Describe(atTime[0].Time, atTime[0].Latitude, atTime[0].Longitude)}");
            }
        }

        foreach (var fix in fixes.Where(f => !positions.Any(p => p.Time == f.Time && Near(f, p.Lat, p.Lon))))
        {
            string validity = fix.Flags.HasFlag(FixFlags.Invalid) ? "flagged invalid" : fix.Flags.HasFlag(FixFlags.BadChecksum) ? "flagged unverified" : "valid";
            string gpsd = untimed.Any(p => Near(fix, p.Lat, p.Lon)) ? "gpsd reports the position without a time" : "gpsd reports no such position";
            differences.Add($"{file} | ours {Describe(fix.Time, fix.Latitude, fix.Longitude)} ({validity}): {gpsd}");
        }

        // A refused sentence is a difference too: gpsd reads every sentence of its captures.
        differences.AddRange(rejections);
        return new GpsdAgreement(file, positions.Distinct().Count(), matched, differences, rejections);
    }

    /// <summary>gpsd's TPV reports with a position (mode 2 or 3), and their times where gpsd knew one.</summary>
    private static List<(Instant? Time, double Lat, double Lon)> Reports(string chk) =>
        [.. System.IO.File.ReadLines(chk)
            .Where(l => l.StartsWith("{\"class\":\"TPV\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("mode", out var mode) && mode.GetInt32() >= 2
                && e.TryGetProperty("lat", out _) && e.TryGetProperty("lon", out _))
            .Select(e => (
                e.TryGetProperty("time", out var time)
                    ? Instant.FromDateTimeOffset(DateTimeOffset.Parse(time.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                    : (Instant?)null,
                e.GetProperty("lat").GetDouble(),
                e.GetProperty("lon").GetDouble()))];

    private static bool Near(Fix fix, double lat, double lon) =>
        Math.Abs(fix.Latitude - lat) <= ToleranceDegrees && Math.Abs(fix.Longitude - lon) <= ToleranceDegrees;

    private static string Describe(Instant time, double lat, double lon) =>
        string.Create(CultureInfo.InvariantCulture, $"{InstantPattern.ExtendedIso.Format(time)} {lat:0.0000000},{lon:0.0000000}");
}
