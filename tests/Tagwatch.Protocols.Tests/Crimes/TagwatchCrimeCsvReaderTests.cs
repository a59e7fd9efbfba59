using NodaTime;
using Tagwatch.Core.Crimes;
using Tagwatch.Protocols.Crimes;

namespace Tagwatch.Protocols.Tests.Crimes;

public sealed class TagwatchCrimeCsvReaderTests
{
    private const string Header = "crime_ref,category,lat,lon,committed_from,committed_to";

    private static List<ParsedRow<Crime>> Read(string lines) =>
        TagwatchCrimeCsvReader.Read(new StringReader(Header + "\n" + lines), PoliceForce.Metropolitan).ToList();

    [Theory]
    [InlineData("robbery", CrimeCategory.Robbery)]
    [InlineData("RB", CrimeCategory.Robbery)]
    [InlineData("burglary_dwelling", CrimeCategory.BurglaryDwelling)]
    [InlineData("weapon_possession", CrimeCategory.WeaponPossession)]
    [InlineData("TFMV", CrimeCategory.TheftFromMotorVehicle)]
    public void Read_CategoryNamesAndMojCodes_AreAccepted(string text, CrimeCategory category)
    {
        var crime = Assert.Single(Read($"C1,{text},51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z\n")).Value!;

        Assert.Equal(category, crime.Category);
        Assert.Equal(Instant.FromUtc(2019, 2, 18, 8, 30), crime.CommittedTo);
        Assert.Equal("METROPOLITAN", crime.Force);
    }

    [Theory]
    [InlineData("C1,arson2,51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z", "category")]
    [InlineData("C1,7,51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z", "category")]
    [InlineData(",robbery,51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z", "crime_ref")]
    [InlineData("C1,robbery,51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T07:30:00Z", "committed_to")]
    [InlineData("C1,robbery,40.0,20.0,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z", "lat")]
    public void Read_BadRow_NamesTheField(string line, string field)
    {
        Assert.Equal(field, Assert.Single(Assert.Single(Read(line + "\n")).Errors).Field);
    }

    [Fact]
    public void Read_ReferenceGuardedByTheCsvWriter_ComesBackAsSent()
    {
        var crime = Assert.Single(Read("\"'=HYPERLINK(\"\"http://x\"\")\",robbery,51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z\n")).Value!;

        Assert.Equal("=HYPERLINK(\"http://x\")", crime.Reference);
    }

    [Fact]
    public void Read_RowWhoseReferenceStartsWithHash_IsARowNotASkippedComment()
    {
        var rows = Read("#42,robbery,51.5,-0.1,2019-02-18T08:00:00Z,2019-02-18T08:30:00Z\n# not a crime\n");

        Assert.Equal("#42", rows[0].Value!.Reference);
        Assert.Equal(2, rows.Count); // the second line is reported, with its row number, not dropped unseen
        Assert.NotEmpty(rows[1].Errors);
    }
}
