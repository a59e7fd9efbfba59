using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class ImportCommandsTests
{
    [Fact]
    public async Task ImportCrimes_MojBatchWithBadRows_PrintsJsonSummaryAndExits3()
    {
        using var tagwatch = new Tagwatch();
        string file = tagwatch.Write("batch.csv", """
            METROPOLITAN,RB,Robbery,MPS20190220,CRI00000001,20190220083000,20190220084500,,,51.4613,-0.1156,WGS84,
            METROPOLITAN,RB,Robbery,MPS20190220,CRI00000002,20190220083000,20190221084500,,,51.4613,-0.1156,WGS84,
            METROPOLITAN,BIAD,Burglary,MPS20190220,CRI00000003,20190219220000,20190220060000,531000,175500,,,OSGB36,
            """);

        var result = await tagwatch.RunAsync("import", "crimes", file, "--format", "moj", "--json", "--db", tagwatch.DatabasePath);

        Assert.Equal(3, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("rejected").GetInt32());
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal("crimeDateTimeTo", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task ImportFixes_UnknownTagThenCreateTags_RejectsThenAccepts()
    {
        using var tagwatch = new Tagwatch();
        string file = tagwatch.Write("fixes.csv", "tag_id,timestamp,lat,lon,accuracy_m\n359881030000001,2019-02-18T08:00:00Z,51.4613,-0.1156,8\n");

        var refused = await tagwatch.RunAsync("--db", tagwatch.DatabasePath, "import", "fixes", file, "--json");
        var accepted = await tagwatch.RunAsync("--db", tagwatch.DatabasePath, "import", "fixes", file, "--json", "--create-tags");
        var again = await tagwatch.RunAsync("--db", tagwatch.DatabasePath, "import", "fixes", file, "--json");

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("not a registered tag", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(accepted.Output).RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(1, JsonDocument.Parse(again.Output).RootElement.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task ExportFixes_TagIdLikeAFormula_IsWrittenAsTextAndImportsBack()
    {
        using var tagwatch = new Tagwatch();
        tagwatch.Write("fixes.csv", "tag_id,timestamp,lat,lon,accuracy_m\n-A1,2019-02-18T08:00:00Z,51.4613,-0.1156,8\n");
        Assert.Equal(0, (await tagwatch.RunAsync("import", "fixes", "fixes.csv", "--create-tags", "--no-correlate")).ExitCode);

        var export = await tagwatch.RunAsync("export", "fixes", "--tag=-A1", "--from", "2019-02-18T00:00:00Z", "--to", "2019-02-19T00:00:00Z", "--out", "out.csv");
        var again = await tagwatch.RunAsync("import", "fixes", "out.csv", "--json", "--no-correlate");

        Assert.Equal(0, export.ExitCode);
        Assert.Equal("'-A1,2019-02-18T08:00:00Z,51.4613000,-0.1156000,8.0,,,", File.ReadAllLines(Path.Combine(tagwatch.WorkingDirectory, "out.csv"))[1]);
        Assert.Equal(1, JsonDocument.Parse(again.Output).RootElement.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task ImportFixes_Help_ShowsTheOptionalColumnsInBrackets()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("import", "fixes", "--help");

        Assert.Equal(0, result.ExitCode);
        // The help wraps to the console's width: compare without the wrapping.
        string unwrapped = string.Concat(result.Output.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("accuracy_m[,speed_kmh,heading_deg,source]", unwrapped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFixes_MissingFile_FailsNamingIt()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("import", "fixes", "nowhere.csv", "--db", tagwatch.DatabasePath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFixes_BadHeader_FailsAndWritesNothing()
    {
        using var tagwatch = new Tagwatch();
        string file = tagwatch.Write("fixes.csv", "when,where\n1,2\n");

        var result = await tagwatch.RunAsync("import", "fixes", file, "--db", tagwatch.DatabasePath, "--create-tags");
        var stats = await tagwatch.RunAsync("stats", "--json", "--db", tagwatch.DatabasePath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("lacks column(s) tag_id", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(stats.Output).RootElement.GetProperty("fixes").GetInt32());
    }

    [Fact]
    public async Task ImportCrimes_PoliceUkSample_IsStoredAsAreaContext()
    {
        using var tagwatch = new Tagwatch();
        string file = TestData.Path("crimes", "policeuk-met-2019-02-sample.csv");

        var result = await tagwatch.RunAsync("import", "crimes", file, "--format", "policeuk", "--json", "--db", tagwatch.DatabasePath);
        var stats = await tagwatch.RunAsync("stats", "--json", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(202, JsonDocument.Parse(stats.Output).RootElement.GetProperty("area_crimes").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(stats.Output).RootElement.GetProperty("crimes").GetInt32());
    }

    [Fact]
    public async Task Database_ChosenByEnvironmentWhenNoOption()
    {
        using var tagwatch = new Tagwatch();
        string other = Path.Combine(tagwatch.WorkingDirectory, "from-env.db");
        var environment = new Dictionary<string, string> { ["TAGWATCH_DB"] = other };

        await tagwatch.RunAsync(["tags", "add", "T-ENV"], environment: environment);
        var stats = await tagwatch.RunAsync(["stats", "--json"], environment: environment);

        Assert.True(File.Exists(other));
        Assert.False(File.Exists(tagwatch.DatabasePath));
        Assert.Equal(1, JsonDocument.Parse(stats.Output).RootElement.GetProperty("tags").GetInt32());
    }

    [Fact]
    public async Task ImportFixes_NmeaReceiverLog_StoresItsFixes()
    {
        using var tagwatch = new Tagwatch();
        string file = TestData.Path("nmea", "bu353-glonass.log");

        var result = await tagwatch.RunAsync("import", "fixes", file, "--tag", "BU353", "--create-tags", "--json", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(9, JsonDocument.Parse(result.Output).RootElement.GetProperty("accepted").GetInt32()); // nine epochs in the capture
    }

    [Fact]
    public async Task ExportFixes_AsCsvGpxAndGeoJson_ReadBackToTheSameFixes()
    {
        using var tagwatch = new Tagwatch();
        string file = tagwatch.Write("fixes.csv", """
            tag_id,timestamp,lat,lon,accuracy_m,speed_kmh,heading_deg,source
            T1,2019-02-18T08:00:00Z,51.4613000,-0.1156000,8.0,4.5,270.0,gps
            T1,2019-02-18T08:01:00.250Z,51.4614000,-0.1157000,9.0,,,gps
            T1,2019-02-18T09:00:00Z,51.4700000,-0.1200000,12.0,0.0,,lbs
            """);
        await tagwatch.RunAsync("import", "fixes", file, "--create-tags", "--json");

        var csv = await tagwatch.RunAsync("export", "fixes", "--tag", "T1", "--to", "2019-02-18T08:30:00Z");
        var gpx = await tagwatch.RunAsync("export", "fixes", "--tag", "T1", "--format", "gpx");
        var geojson = await tagwatch.RunAsync("export", "fixes", "--tag", "T1", "--format", "geojson");
        var unknown = await tagwatch.RunAsync("export", "fixes", "--tag", "NOPE");
        var toFile = await tagwatch.RunAsync("export", "fixes", "--tag", "T1", "--format", "gpx", "--out", "t1.gpx");

        Assert.Equal(
            File.ReadAllLines(file).Take(3).Select(l => l.Trim()),
            csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, System.Xml.Linq.XDocument.Parse(gpx.Output).Descendants().Count(e => e.Name.LocalName == "trkpt"));
        var features = JsonDocument.Parse(geojson.Output).RootElement.GetProperty("features");
        Assert.Equal(3, features.GetArrayLength());
        Assert.Equal(-0.1156, features[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal("lbs", features[2].GetProperty("properties").GetProperty("source").GetString());
        Assert.Equal(1, unknown.ExitCode); // an unknown subject, as for every use case
        Assert.Contains("NOPE is not registered", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal(gpx.Output, await File.ReadAllTextAsync(Path.Combine(tagwatch.WorkingDirectory, "t1.gpx")));
    }
}
