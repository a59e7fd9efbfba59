using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.Nmea;

namespace Tagwatch.Protocols.Tests.Nmea;

/// <summary>What real captures hold around and instead of clean sentences (gpsd's regression captures show each):
/// a sentence cut off by the next on one line, text after a checksum, empty sentences from a receiver without a fix,
/// receivers without checksums, and two-digit years of the last century.</summary>
public sealed class NmeaCaptureNoiseTests
{
    private static readonly TagId Tag = TagId.Parse("T1");
    private static readonly Instant Received = Instant.FromUtc(2025, 1, 1, 0, 0);
    private const string Rmc = "$GNRMC,081411.000,A,5541.1955,N,03737.2872,E,0.60,301.29,260514,,,A*74";

    private static List<ParsedRow<FixRecord>> Read(string log) => [.. NmeaReader.Read(new StringReader(log), Tag, Received)];

    [Fact]
    public void Read_SentenceAfterACutOffOneOnTheSameLine_IsRead()
    {
        // isync.log line 54: "$GPGSV,4,1,15,02,11,115,36,0$PTNTA,…*18".
        var fix = Assert.Single(Read("$GPGSV,4,1,15,02,11,115,36,0" + Rmc)).Value!.Fix;

        Assert.Equal(Instant.FromUtc(2014, 5, 26, 8, 14, 11), fix.Time);
    }

    [Fact]
    public void Read_EmptySentencesOfAReceiverWithoutAFix_ArePassedOver()
    {
        // hemi.log and foretrex-201.log: a receiver without a fix sends its sentences with every field empty.
        var rows = Read("$GPGGA,,,,,,0,,,,M,,M,,*66\n$GPGLL,,,,,,V,N*64\n" + Rmc);

        Assert.Equal(3L, Assert.Single(rows).Row);
    }

    [Fact]
    public void Read_SentenceWithAPositionButNoTime_IsStillRefused()
    {
        var row = Assert.Single(Read(Checksummed("$GPGGA,,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,")));

        Assert.Equal("time", Assert.Single(row.Errors).Field);
    }

    [Fact]
    public void Read_ReceiverWithoutChecksums_IsReadFlaggedUnverified()
    {
        // hp58534a.log: an HP 58534A sends no checksums at all; the GGA takes the date of the ZDA after it.
        const string log = """
            $GPGGA,222449,3349.0337,S,01843.9282,E,1,07,02.31,000115.4,M,0033.3,M,,
            $GPZDA,222449,25,10,2010,+00,00
            """;

        var fix = Assert.Single(Read(log)).Value!.Fix;

        Assert.Equal(Instant.FromUtc(2010, 10, 25, 22, 24, 49), fix.Time);
        Assert.Equal(-(33 + 49.0337 / 60), fix.Latitude, 6);
        Assert.True(fix.Flags.HasFlag(FixFlags.BadChecksum));
    }

    [Fact]
    public void Read_RmcYear99_IsInTheLastCentury()
    {
        // april6_2019.log: a Telit receiver after the April 2019 week rollover reports 1999, as gpsd reads it.
        var fix = Assert.Single(Read("$GPRMC,000231.42,A,4829.0005,N,00022.0016,E,0.16,212.28,220899,,,A*59")).Value!.Fix;

        Assert.Equal(Instant.FromUtc(1999, 8, 22, 0, 2, 31) + Duration.FromMilliseconds(420), fix.Time);
    }

    [Fact]
    public void Read_AnyTextBeforeTheDollarOrAfterTheChecksum_GivesTheCleanSentencesFix()
    {
        var clean = Assert.Single(Read(Rmc)).Value!.Fix;
        var noise = Gen.Elements("0123456789,ABCDEFGHNPRSVWXYZ.-# \t".ToCharArray()).ArrayOf().Select(c => new string(c));
        var gen = from before in noise
                  from after in noise
                  from markEnd in Gen.Elements("", "$", "\r")
                  select (Before: before, After: after + markEnd);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            // A line that opens with '#' is a comment, whatever follows.
            var rows = Read(c.Before + Rmc + c.After);
            return c.Before.TrimStart().StartsWith('#')
                ? rows.Count == 0
                : rows.Count == 1 && rows[0].IsValid && rows[0].Value!.Fix == clean;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void Read_SentenceCutOffAnywhereInALogWithChecksums_NeverGivesAFixOfItsOwn()
    {
        string first = Checksummed("$GPGGA,081410.000,5541.1955,N,03737.2872,E,1,5,4.87,66.2,M,14.5,M,,");
        Prop.ForAll(Gen.Choose(1, Rmc.Length - 3).ToArbitrary(), cut =>
        {
            var rows = Read(first + "\n" + Rmc[..cut]);
            return rows.All(r => !r.IsValid);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Read_SentenceWithoutAChecksumCutOffAnywhere_NeverGivesAFix()
    {
        // Without a checksum, a sentence cut off in the capture (its longitude "0113" of "01131.000") would read as a
        // wrong place: it must have all its fields.
        const string gga = "$GPGGA,222449,3349.0337,S,01843.9282,E,1,07,02.31,000115.4,M,0033.3,M,,";
        const string zda = "$GPZDA,222449,25,10,2010,+00,00";
        Prop.ForAll(Gen.Choose(1, gga.Length - 1).ToArbitrary(), cut =>
            Read(gga[..cut] + "\n" + zda).All(r => !r.IsValid)).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    private static string Checksummed(string sentence)
    {
        int checksum = sentence[1..].Aggregate(0, (c, ch) => c ^ ch);
        return sentence + "*" + checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
