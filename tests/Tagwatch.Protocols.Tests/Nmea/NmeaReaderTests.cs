using System.Text.Json;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Nmea;

namespace Tagwatch.Protocols.Tests.Nmea;

public sealed class NmeaReaderTests
{
    private static readonly TagId Tag = TagId.Parse("T1");
    private static readonly Instant Received = Instant.FromUtc(2025, 1, 1, 0, 0);

    public static TheoryData<string> Captures() =>
        [.. Directory.GetFiles(TestData.Path("nmea"), "*.log").Where(f => File.Exists(f + ".chk")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Read_RealReceiverCapture_EveryPositionGpsdReportedIsAFix(string file)
    {
        string path = TestData.Path("nmea", file);
        using var reader = File.OpenText(path);
        var fixes = NmeaReader.Read(reader, Tag, Received).Where(r => r.IsValid).Select(r => r.Value!.Fix).ToList();
        var reported = File.ReadLines(path + ".chk")
            .Where(l => l.StartsWith("{\"class\":\"TPV\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("lat", out _) && e.TryGetProperty("lon", out _))
            .Select(e => (Lat: e.GetProperty("lat").GetDouble(), Lon: e.GetProperty("lon").GetDouble()))
            .ToList();

        // gpsd (the reference decoder) reports a position per sentence for some of the epochs it decodes: each must be
        // one of ours, to 1e-6° (10 cm: sentences of one epoch may round the same position to different decimals).
        foreach (var (lat, lon) in reported)
        {
            Assert.True(
                fixes.Any(f => Math.Abs(lat - f.Latitude) <= 1e-6 && Math.Abs(lon - f.Longitude) <= 1e-6),
                $"{file}: gpsd's position {lat:0.0000000},{lon:0.0000000} is not among our {fixes.Count} fixes");
        }
    }

    [Fact]
    public void Read_MixedTalkersOfOneEpoch_GiveOneFixWithRmcPositionGgaAccuracyAndDate()
    {
        const string log = """
            $GNRMC,081411.000,A,5541.1955,N,03737.2872,E,0.60,301.29,260514,,,A*74
            $GPGGA,081411.000,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,*6F
            $GPGSV,3,1,12,01,02,003,04*4C
            """;

        var rows = NmeaReader.Read(new StringReader(log), Tag, Received).ToList();

        var fix = Assert.Single(rows).Value!.Fix;
        Assert.Equal(Instant.FromUtc(2014, 5, 26, 8, 14, 11), fix.Time);
        Assert.Equal(55 + 41.1955 / 60, fix.Latitude, 7);
        Assert.Equal(37 + 37.2872 / 60, fix.Longitude, 7);
        Assert.Equal(24.4, fix.AccuracyMetres);
        Assert.True(fix.Flags.HasFlag(FixFlags.AccuracyEstimated)); // HDOP × 5 m is an estimate, not a reported radius
        Assert.Equal(1.1, fix.SpeedKmh);
        Assert.Equal(301.3, fix.HeadingDegrees);
    }

    [Fact]
    public void Read_BadAndMissingChecksums_RejectThoseSentencesNamingTheLine()
    {
        const string log = """
            $GPRMC,081411.000,A,5541.1955,N,03737.2872,E,0.60,301.29,260514,,,A*00
            $GPGGA,081412.000,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,
            """;

        var rows = NmeaReader.Read(new StringReader(log), Tag, Received).ToList();

        Assert.Equal([1L, 2L], rows.Select(r => r.Row));
        Assert.All(rows, r => Assert.Equal("checksum", Assert.Single(r.Errors).Field));
        Assert.Contains("does not match", rows[0].Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GgaBeforeTheFirstDate_TakesIt_AndMidnightRollsTheDate()
    {
        const string log = """
            $GPGGA,235958.000,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,*62
            $GPRMC,235959.000,A,5541.1955,S,03737.2872,W,0.00,0.00,311219,,,A*6B
            $GPGGA,000001.000,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,*63
            """;

        var rows = NmeaReader.Read(new StringReader(log), Tag, Received).ToList();

        Assert.Equal(Instant.FromUtc(2019, 12, 31, 23, 59, 58), rows[0].Value!.Fix.Time);
        Assert.Equal(Instant.FromUtc(2019, 12, 31, 23, 59, 59), rows[1].Value!.Fix.Time);
        Assert.True(rows[1].Value!.Fix.Latitude < 0 && rows[1].Value!.Fix.Longitude < 0);
        Assert.Equal(Instant.FromUtc(2020, 1, 1, 0, 0, 1), rows[2].Value!.Fix.Time);
    }

    [Fact]
    public void Read_LogWithNoDateAtAll_RejectsItsFixesNamingTheDate()
    {
        const string log = "$GPGGA,235958.000,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,*XX\n";
        string body = log[1..log.IndexOf('*', StringComparison.Ordinal)];
        int checksum = body.Aggregate(0, (c, ch) => c ^ ch);
        string sentence = log.Replace("XX", checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var row = Assert.Single(NmeaReader.Read(new StringReader(sentence), Tag, Received));

        Assert.Equal("date", Assert.Single(row.Errors).Field);
    }

    [Fact]
    public void Read_VoidFixWithAPosition_IsKeptFlaggedInvalid()
    {
        const string log = "$GPRMC,081411.000,V,5541.1955,N,03737.2872,E,0.60,301.29,260514,,,N*72\n";

        var fix = Assert.Single(NmeaReader.Read(new StringReader(log), Tag, Received)).Value!.Fix;

        Assert.Equal(FixFlags.Invalid, fix.Flags);
    }
}
