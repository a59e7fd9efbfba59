using NodaTime;
using NodaTime.Text;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols.Crimes;

namespace Tagwatch.Protocols.Tests.Crimes;

public sealed class MojCrimeBatchReaderTests
{
    // policeForce, crimeTypeId, crimeDescription, batchId, crimeReference, from, to, easting, northing, lat, lon, datum, crimeText
    private const string ValidWgs84 = "METROPOLITAN,RB,Robbery,MPS20190220,CRI00000001,20190220083000,20190220084500,,,51.4613,-0.1156,WGS84,Phone taken at knifepoint";
    private const string ValidGrid = "Metropolitan,BIAD,Burglary in a dwelling,MPS20190220-2-R,CRI00000002,20190219220000,20190220060000,531000,175500,,,OSGB36,";

    private static IReadOnlyList<ParsedRow<Crime>> Read(params string[] lines) => MojCrimeBatchReader.Read(new StringReader(string.Join("\n", lines))).ToList();

    private static RowError SingleError(string line)
    {
        var row = Assert.Single(Read(line));
        Assert.False(row.IsValid);
        return Assert.Single(row.Errors);
    }

    private static string With(int column, string value)
    {
        var fields = ValidWgs84.Split(',');
        fields[column] = value;
        return string.Join(',', fields);
    }

    [Fact]
    public void Read_ValidWgs84Row_DecodesEveryField()
    {
        var crime = Assert.Single(Read(ValidWgs84)).Value!;

        Assert.Equal("METROPOLITAN", crime.Force);
        Assert.Equal("CRI00000001", crime.Reference);
        Assert.Equal(CrimeCategory.Robbery, crime.Category);
        Assert.Equal("MPS20190220", crime.BatchId);
        Assert.Equal(Instant.FromUtc(2019, 2, 20, 8, 30), crime.CommittedFrom); // February: GMT = UTC
        Assert.Equal(Instant.FromUtc(2019, 2, 20, 8, 45), crime.CommittedTo);
        Assert.Equal(51.4613, crime.Position.Latitude);
        Assert.False(crime.ReceivedAsGrid);
        Assert.Equal("Phone taken at knifepoint", crime.Text);
        Assert.InRange(crime.Grid.Easting, 530000, 532000);
    }

    [Fact]
    public void Read_ValidGridRow_KeepsTheGridAndDerivesWgs84()
    {
        var crime = Assert.Single(Read(ValidGrid)).Value!;

        Assert.True(crime.ReceivedAsGrid);
        Assert.Equal(531000, crime.Grid.Easting);
        Assert.Equal(175500, crime.Grid.Northing);
        Assert.InRange(crime.Position.Latitude, 51.45, 51.47);
        Assert.Equal(CrimeCategory.BurglaryDwelling, crime.Category);
    }

    [Fact]
    public void Read_GridRowAtAnOsTestPoint_DerivesWgs84ByOstn15ToTheMillimetreWithAMetrePrecision()
    {
        // OS test point TP09 (Vauxhall): OSGB36 530624.974, 178388.464 is ETRS89 51.48936564950, -0.11992557180.
        var line = ValidGrid.Replace("531000,175500", "530624.974,178388.464", StringComparison.Ordinal);
        var crime = Assert.Single(Read(line)).Value!;

        Assert.True(Geodesic.DistanceMetres(crime.Position, new GeoPoint(51.48936564950, -0.11992557180)) < 0.001);
        Assert.Equal(NationalGrid.Ostn15AccuracyMetres, crime.LocationPrecisionMetres);
    }

    [Theory]
    [InlineData("METROPOLITAN,RB,Robbery,MPS20190220,CRI1,20190220083000,20190220084500,,,51.46,-0.11,WGS84", "row", "12 columns")]
    [InlineData("METROPOLITAN,RB,Robbery,MPS20190220,CRI1,20190220083000,20190220084500,,,51.46,-0.11,WGS84,,extra", "row", "14 columns")]
    public void Read_WrongColumnCount_RejectsTheRow(string line, string field, string reason)
    {
        var error = SingleError(line);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "GOTHAM", "policeForce", "not a known force")]
    [InlineData(1, "MURDER", "crimeTypeId", "not one of RB, BIAD, AB, BOTD, TOMV, TFP, TFMV")]
    [InlineData(3, "", "batchId", "is missing")]
    [InlineData(3, "KNT20190220", "batchId", "does not start with MPS")]
    [InlineData(3, "MPS20190230", "batchId", "impossible date")]
    [InlineData(3, "MPS2019022", "batchId", "force code followed by yyyyMMdd")]
    [InlineData(4, "", "crimeReference", "is missing")]
    [InlineData(5, "2019-02-20 08:30", "crimeDateTimeFrom", "yyyyMMddHHmmss")]
    [InlineData(5, "", "crimeDateTimeFrom", "is missing")]
    [InlineData(6, "20190220256000", "crimeDateTimeTo", "yyyyMMddHHmmss")]
    [InlineData(6, "20190220080000", "crimeDateTimeTo", "is before crimeDateTimeFrom")]
    [InlineData(6, "20190220203001", "crimeDateTimeTo", "at most 12 are allowed")]
    [InlineData(9, "48.0", "latitude", "outside 49.5..61.5")]
    [InlineData(10, "3.1", "longitude", "outside -8.5..2.6")]
    [InlineData(10, "east", "longitude", "not a number")]
    [InlineData(11, "ED50", "datum", "not WGS84 or OSGB36")]
    [InlineData(11, "OSGB36", "datum", "given as latitude and longitude")]
    public void Read_OneBadField_RejectsNamingFieldAndReason(int column, string value, string field, string reason)
    {
        var error = SingleError(With(column, value));

        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Row);
    }

    [Fact]
    public void Read_WindowOfExactlyTwelveHours_IsAccepted()
    {
        Assert.True(Assert.Single(Read(With(6, "20190220203000"))).IsValid);
    }

    [Theory]
    [InlineData("531000,,51.46,", "location", "send exactly one kind")]
    [InlineData("531000,175500,51.46,-0.11", "location", "send exactly one kind")]
    [InlineData(",,,", "location", "no location")]
    [InlineData("531000,,,", "northing", "missing while easting is given")]
    [InlineData(",175500,,", "easting", "missing while northing is given")]
    [InlineData(",,51.46,", "longitude", "missing while latitude is given")]
    [InlineData("600001,175500,,", "easting", "outside 0..600000")]
    [InlineData("-1,175500,,", "easting", "outside 0..600000")]
    [InlineData("531000,1300001,,", "northing", "outside 0..1300000")]
    public void Read_LocationProblems_AreNamed(string location, string field, string reason)
    {
        var fields = ValidWgs84.Split(',');
        var parts = location.Split(',');
        for (int i = 0; i < 4; i++)
        {
            fields[7 + i] = parts[i];
        }

        fields[11] = "";
        var row = Assert.Single(Read(string.Join(',', fields)));
        var error = Assert.Single(row.Errors, e => e.Field == field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralBadFields_ReportsEveryOne()
    {
        var line = "GOTHAM,MURDER,x,,CRI1,bad,bad,,,51.46,-0.11,WGS84,";
        var fields = Assert.Single(Read(line)).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["policeForce", "crimeTypeId", "batchId", "crimeDateTimeFrom", "crimeDateTimeTo"], fields);
    }

    [Fact]
    public void Read_RowNumbers_CountEveryLineButBlankOnesAreSkipped()
    {
        var rows = Read(ValidWgs84, "", With(1, "XX"), ValidGrid);

        Assert.Equal([1L, 3L, 4L], rows.Select(r => r.Row));
        Assert.Equal(3, Assert.Single(rows, r => !r.IsValid).Errors[0].Row);
    }

    [Theory]
    // Winter (GMT): local = UTC.
    [InlineData("20190220120000", "20190220121000", "2019-02-20T12:00:00Z", "2019-02-20T12:10:00Z")]
    // Summer (BST): local = UTC+1.
    [InlineData("20190701120000", "20190701121000", "2019-07-01T11:00:00Z", "2019-07-01T11:10:00Z")]
    // Clocks go forward 31 March 2019 at 01:00 GMT: 01:30 local never happens and moves on by the gap to 02:30 BST.
    [InlineData("20190331013000", "20190331030000", "2019-03-31T01:30:00Z", "2019-03-31T02:00:00Z")]
    // Clocks go back 27 October 2019 at 02:00 BST: 01:30 happens twice; the window takes the earliest start and latest end.
    [InlineData("20191027013000", "20191027013000", "2019-10-27T00:30:00Z", "2019-10-27T01:30:00Z")]
    [InlineData("20191027003000", "20191027023000", "2019-10-26T23:30:00Z", "2019-10-27T02:30:00Z")]
    public void Read_UkLocalTimesAcrossBstChanges_ResolveToTheRightInstants(string from, string to, string expectedFrom, string expectedTo)
    {
        var crime = Assert.Single(Read(With(6, to).Replace("20190220083000", from, StringComparison.Ordinal))).Value!;

        Assert.Equal(InstantPattern.ExtendedIso.Parse(expectedFrom).Value, crime.CommittedFrom);
        Assert.Equal(InstantPattern.ExtendedIso.Parse(expectedTo).Value, crime.CommittedTo);
    }

    [Fact]
    public void Read_QuotedTextWithCommas_IsOneField()
    {
        var crime = Assert.Single(Read(ValidWgs84.Replace("Phone taken at knifepoint", "\"Suspect, male, 20s\"", StringComparison.Ordinal))).Value!;

        Assert.Equal("Suspect, male, 20s", crime.Text);
    }
}
