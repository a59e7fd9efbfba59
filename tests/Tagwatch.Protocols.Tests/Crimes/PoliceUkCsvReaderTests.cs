using Tagwatch.Protocols.Crimes;

namespace Tagwatch.Protocols.Tests.Crimes;

public sealed class PoliceUkCsvReaderTests
{
    [Fact]
    public void Read_MetSampleFile_ReadsEveryRowIncludingAntiSocialBehaviourWithoutId()
    {
        using var reader = File.OpenText(TestData.Path("crimes", "policeuk-met-2019-02-sample.csv"));
        var rows = PoliceUkCsvReader.Read(reader).ToList();

        Assert.Equal(202, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        Assert.Contains(rows, r => r.Value!.CrimeId is null && r.Value.CrimeType == "Anti-social behaviour");
        Assert.All(rows, r => Assert.Equal(new NodaTime.YearMonth(2019, 2), r.Value!.Month));
    }

    [Fact]
    public void Read_BurglarySubset_ReadsEveryRow()
    {
        // Rows chosen to cover every month, borough, outcome category and LSOA name of the 26-month file, and Crime IDs
        // that repeat (see tests/TestData/crimes/README.md).
        using var reader = File.OpenText(TestData.Path("crimes", "policeuk-met-burglary-pilot-boroughs-2023-01_2025-02-subset.csv"));
        var rows = PoliceUkCsvReader.Read(reader).ToList();

        Assert.Equal(1263, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        Assert.Equal(26, rows.Select(r => r.Value!.Month).Distinct().Count());
    }

    [Theory]
    [InlineData("abc,2019-13,Met,Met,-0.1,51.5,On or near X,E1,L 1,Burglary,,", "Month")]
    [InlineData("abc,2019-02,Met,Met,-0.1,95,On or near X,E1,L 1,Burglary,,", "Latitude")]
    [InlineData("abc,2019-02,Met,Met,-0.1,51.5,On or near X,E1,L 1,,,", "Crime type")]
    public void Read_BadRow_NamesTheField(string line, string field)
    {
        const string header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
        var row = Assert.Single(PoliceUkCsvReader.Read(new StringReader(header + "\n" + line + "\n")));

        Assert.Equal(field, Assert.Single(row.Errors).Field);
    }

    [Fact]
    public void Read_WrongHeader_Throws()
    {
        Assert.Throws<InputFormatException>(() => PoliceUkCsvReader.Read(new StringReader("a,b,c\n1,2,3\n")).ToList());
    }
}
