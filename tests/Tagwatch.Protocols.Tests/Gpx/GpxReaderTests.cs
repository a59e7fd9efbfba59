using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Gpx;

namespace Tagwatch.Protocols.Tests.Gpx;

public sealed class GpxReaderTests
{
    private static readonly TagId Tag = TagId.Parse("T1");
    private static readonly Instant Received = Instant.FromUtc(2025, 1, 1, 0, 0);

    private static List<ParsedRow<Tagwatch.Protocols.Csv.FixRecord>> ReadFile(string name)
    {
        using var reader = File.OpenText(TestData.Path("gpx", name));
        return GpxReader.Read(reader, Tag, Received).ToList();
    }

    [Fact]
    public void Read_Gpx10Track_ReadsEveryPointWithItsTime()
    {
        var rows = ReadFile("gpxpy_Mojstrovka.gpx");

        Assert.Equal(184, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid));
        var first = rows[0].Value!.Fix;
        Assert.Equal(46.434981, first.Latitude, 7);
        Assert.Equal(13.748273, first.Longitude, 7);
    }

    [Fact]
    public void Read_TrackWithAnEmptySegment_ReadsThePointsOfEverySegment()
    {
        var rows = ReadFile("gpxpy_track-with-empty-segment.gpx");

        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Equal(rows.Count, rows.Select(r => r.Row).Distinct().Count());
    }

    [Fact]
    public void Read_MultipleSegments_ReadsAllInOrder()
    {
        const string gpx = """
            <?xml version="1.0"?>
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="51.5" lon="-0.1"><time>2019-02-18T08:00:00Z</time><hdop>1.2</hdop></trkpt>
                <trkpt lat="51.5001" lon="-0.1001"><time>2019-02-18T08:01:00Z</time></trkpt>
              </trkseg><trkseg>
                <trkpt lat="51.51" lon="-0.11"><time>2019-02-18T09:00:00Z</time></trkpt>
              </trkseg></trk>
              <trk><trkseg><trkpt lat="51.52" lon="-0.12"><time>2019-02-18T10:00:00Z</time></trkpt></trkseg></trk>
            </gpx>
            """;
        var rows = GpxReader.Read(new StringReader(gpx), Tag, Received).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(6, rows[0].Value!.Fix.AccuracyMetres);
        Assert.Equal(FixFlags.AccuracyEstimated, rows[0].Value!.Fix.Flags); // HDOP × 5 m is an estimate, not a reported radius
        Assert.Equal(FixFlags.None, rows[1].Value!.Fix.Flags);
        Assert.Null(rows[1].Value!.Fix.AccuracyMetres);
        Assert.Equal(Instant.FromUtc(2019, 2, 18, 10, 0), rows[3].Value!.Fix.Time);
    }

    [Fact]
    public void Read_RouteWithoutTimes_RejectsEveryPointNamingTheMissingTime()
    {
        var rows = ReadFile("london-marathon-2025-course_garmin-connect.gpx");

        Assert.Equal(909, rows.Count);
        Assert.All(rows, r => Assert.Equal("time", Assert.Single(r.Errors).Field));
    }

    [Fact]
    public void Read_AllFieldsFile_ReadsItsTrackPoint()
    {
        var rows = ReadFile("gpxpy_gpx1.1_with_all_fields.gpx");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
    }

    [Theory]
    [InlineData("<gpx><trk><trkseg><trkpt lat=\"51.5\" lon=\"-0.1\"><time>2019-02-18T08:00:00Z</time></trkpt>", "not well-formed")]
    [InlineData("<kml></kml>", "root element is <kml>")]
    [InlineData("this is not xml", "not well-formed")]
    [InlineData("<!DOCTYPE gpx [<!ENTITY x \"y\">]><gpx/>", "not well-formed")]
    public void Read_MalformedInput_ThrowsInputFormatException(string text, string reason)
    {
        var error = Assert.Throws<InputFormatException>(() => GpxReader.Read(new StringReader(text), Tag, Received).ToList());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadCoordinates_NameTheAttribute()
    {
        const string gpx = "<gpx><trk><trkseg><trkpt lat=\"95\" lon=\"x\"><time>2019-02-18T08:00:00Z</time></trkpt><trkpt lon=\"1\"><time>2019-02-18T08:00:00Z</time></trkpt></trkseg></trk></gpx>";
        var rows = GpxReader.Read(new StringReader(gpx), Tag, Received).ToList();

        Assert.Equal(["lat", "lon"], rows[0].Errors.Select(e => e.Field));
        Assert.Equal("lat", Assert.Single(rows[1].Errors).Field);
    }
}
