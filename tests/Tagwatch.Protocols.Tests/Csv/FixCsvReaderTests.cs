using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Tests.Csv;

public sealed class FixCsvReaderTests
{
    private static readonly Instant Received = Instant.FromUtc(2019, 3, 1, 0, 0);

    private static List<ParsedRow<FixRecord>> Read(string text) => FixCsvReader.Read(new StringReader(text), Received).ToList();

    [Fact]
    public void Read_MinimalAndFullRows_DecodeEveryField()
    {
        var rows = Read("""
            tag_id,timestamp,lat,lon,accuracy_m,speed_kmh,heading_deg,source
            T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8,4.5,270,gps
            T1,2019-02-18T08:01:00.250+01:00,51.4614,-0.1157,,,,
            """);

        Assert.All(rows, r => Assert.True(r.IsValid));
        var first = rows[0].Value!.Fix;
        Assert.Equal(Instant.FromUtc(2019, 2, 18, 8, 0), first.Time);
        Assert.Equal(51.4613, first.Latitude);
        Assert.Equal(8, first.AccuracyMetres);
        Assert.Equal(4.5, first.SpeedKmh);
        Assert.Equal(270, first.HeadingDegrees);
        Assert.Equal(FixSource.Gps, first.Source);
        var second = rows[1].Value!.Fix;
        Assert.Equal(Instant.FromUtc(2019, 2, 18, 7, 1).PlusNanoseconds(250_000_000), second.Time);
        Assert.Null(second.AccuracyMetres);
        Assert.Equal(FixSource.Unknown, second.Source);
        Assert.Equal(Received, second.Received);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrder_AreFoundByName()
    {
        var row = Assert.Single(Read("lat,lon,tag_id,accuracy_m,timestamp\n51.5,-0.1,T9,5,2019-02-18T08:00:00Z\n"));

        Assert.Equal("T9", row.Value!.Tag.Value);
    }

    [Theory]
    [InlineData("T1,2019-02-18T08:00:00,51.5,-0.1,5", "timestamp", "no UTC offset")]
    [InlineData("T1,18/02/2019 08:00,51.5,-0.1,5", "timestamp", "not an ISO-8601 time")]
    [InlineData("T1,,51.5,-0.1,5", "timestamp", "is empty")]
    [InlineData("T1,2019-02-18T08:00:00Z,91,-0.1,5", "lat", "outside -90..90")]
    [InlineData("T1,2019-02-18T08:00:00Z,51.5,-180.5,5", "lon", "outside -180..180")]
    [InlineData("T1,2019-02-18T08:00:00Z,NaN,-0.1,5", "lat", "not a number")]
    [InlineData("T1,2019-02-18T08:00:00Z,51.5,abc,5", "lon", "not a number")]
    [InlineData("T1,2019-02-18T08:00:00Z,51.5,-0.1,-3", "accuracy_m", "outside 0..6553.4")]
    [InlineData(",2019-02-18T08:00:00Z,51.5,-0.1,5", "tag_id", "empty")]
    [InlineData("T 1,2019-02-18T08:00:00Z,51.5,-0.1,5", "tag_id", "contains ' '")]
    [InlineData("T1,2019-02-18T08:00:00Z,51.5,-0.1", "row", "has 4 fields; the header has 5")]
    public void Read_BadRow_NamesFieldAndReason(string line, string field, string reason)
    {
        var row = Assert.Single(Read("tag_id,timestamp,lat,lon,accuracy_m\n" + line + "\n"));

        var error = Assert.Single(row.Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownSource_IsRejected()
    {
        var row = Assert.Single(Read("tag_id,timestamp,lat,lon,accuracy_m,source\nT1,2019-02-18T08:00:00Z,51.5,-0.1,5,radar\n"));

        Assert.Equal("source", Assert.Single(row.Errors).Field);
    }

    [Fact]
    public void Read_HeaderWithoutRequiredColumns_ThrowsNamingThem()
    {
        var error = Assert.Throws<InputFormatException>(() => Read("tag,time,lat,lon\nT1,2019-02-18T08:00:00Z,51.5,-0.1\n"));

        Assert.Contains("tag_id, timestamp, accuracy_m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<InputFormatException>(() => Read("tag_id,timestamp,lat,lon,accuracy_m\nT1,2019-02-18T08:00:00Z,51.5,-0.1,5\n\"T1,2019\n"));

        Assert.Contains("malformed at row 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsSayingSo()
    {
        Assert.Contains("empty", Assert.Throws<InputFormatException>(() => Read("")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RecordOfSeveralMegabytes_ThrowsInsteadOfGrowingWithoutBound()
    {
        string hostile = "tag_id,timestamp,lat,lon,accuracy_m\nT1," + new string('x', 3_000_000) + ",51.5,-0.1,5\n";

        Assert.Throws<InputFormatException>(() => Read(hostile));
    }

    [Fact]
    public void WriteThenRead_AnyFix_RoundTripsExactly()
    {
        var gen = from latE7 in Gen.Choose(-900_000_000, 900_000_000)
                  from lonE7 in Gen.Choose(-1_800_000_000, 1_800_000_000)
                  from seconds in Gen.Choose(0, 2_000_000_000)
                  from millis in Gen.Choose(0, 999)
                  from accuracy in Gen.Choose(-1, 65534)
                  from speed in Gen.Choose(-1, 65534)
                  from heading in Gen.Choose(-1, 3599)
                  from source in Gen.Elements(FixSource.Unknown, FixSource.Gps, FixSource.Lbs, FixSource.Wifi)
                  select Fix.FromStored(seconds * 1000L + millis, Received.ToUnixTimeSeconds(), latE7, lonE7,
                      accuracy < 0 ? ushort.MaxValue : (ushort)accuracy, speed < 0 ? ushort.MaxValue : (ushort)speed,
                      heading < 0 ? ushort.MaxValue : (ushort)heading, source, FixFlags.None);
        Prop.ForAll(gen.ToArbitrary(), fix =>
        {
            var output = new StringWriter();
            var writer = new FixCsvWriter(output);
            writer.WriteHeader();
            writer.Write(TagId.Parse("359881030000001"), fix);
            var back = Assert.Single(Read(output.ToString()));
            return back.IsValid && back.Value!.Fix == fix;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Write_TagIdLikeAFormula_IsGuardedAndReadsBack()
    {
        var output = new StringWriter { NewLine = "\n" };
        var fix = Fix.Create(Received, Received, new GeoPoint(51.4613, -0.1156), accuracyMetres: 8);
        new FixCsvWriter(output).Write(TagId.Parse("-A1"), fix);

        Assert.StartsWith("'-A1,2019-03-01T00:00:00Z,51.4613000,-0.1156000,8.0,", output.ToString(), StringComparison.Ordinal);
        var back = Assert.Single(Read(FixCsvWriter.Header + "\n" + output));
        Assert.Equal("-A1", back.Value!.Tag.Value);
    }

    [Fact]
    public void Create_ValuesOutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fix.Create(Received, Received, new GeoPoint(0, 0), accuracyMetres: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fix.Create(Received, Received, new GeoPoint(0, 0), speedKmh: double.NaN));
    }
}
