using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class AccuracySettingsTests
{
    [Fact]
    public async Task Correlate_TagModelWithAConfiguredDefault_EvidenceCarriesThatEstimateMarkedEstimated()
    {
        using var tagwatch = new Tagwatch();
        await File.WriteAllTextAsync(Path.Combine(tagwatch.WorkingDirectory, "appsettings.json"), """{ "Tagwatch": { "Accuracy": { "Models": { "AnkleTag X1": 12 } } } }""");
        var lines = Enumerable.Range(0, 30).Select(i => $"359881030000001,2019-03-01T12:{i:00}:00Z,51.4613,-0.1156,");
        await File.WriteAllLinesAsync(Path.Combine(tagwatch.WorkingDirectory, "fixes.csv"), ["tag_id,timestamp,lat,lon,accuracy_m", .. lines]);
        await File.WriteAllTextAsync(Path.Combine(tagwatch.WorkingDirectory, "crimes.csv"),
            "crime_ref,category,lat,lon,committed_from,committed_to\nCRI1,robbery,51.4613,-0.1156,2019-03-01T12:10:00Z,2019-03-01T12:20:00Z\n");

        Assert.Equal(0, (await tagwatch.RunAsync("tags", "add", "359881030000001", "--protocol", "gt06", "--model", "ankletag x1")).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("import", "fixes", "fixes.csv", "--no-correlate")).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("import", "crimes", "crimes.csv", "--format", "tagwatch", "--no-correlate")).ExitCode);
        var run = await tagwatch.RunAsync("correlate", "--all-tags", "--out", "scored.csv");
        var list = JsonDocument.Parse((await tagwatch.RunAsync("matches", "list", "--json")).Output).RootElement;
        var show = await tagwatch.RunAsync("matches", "show", list[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, run.ExitCode);
        var point = JsonDocument.Parse(show.Output).RootElement.GetProperty("evidence")[0];
        Assert.Equal(12, point.GetProperty("accuracy_m").GetDouble());
        Assert.True(point.GetProperty("accuracy_estimated").GetBoolean());
        Assert.True(list[0].GetProperty("significant").GetBoolean());
    }

    [Fact]
    public async Task AnyCommand_ImpossibleAccuracySetting_IsRefusedNamingIt()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync(["matches", "list"], environment: new Dictionary<string, string> { ["Tagwatch__Accuracy__DefaultMetres"] = "-3" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("accuracy default-metres: -3", result.Error, StringComparison.Ordinal);
    }
}
