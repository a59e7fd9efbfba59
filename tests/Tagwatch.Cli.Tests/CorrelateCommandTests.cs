namespace Tagwatch.Cli.Tests;

public sealed class CorrelateCommandTests
{
    [Fact]
    public async Task RefusedRuns_LeaveAnEarlierOutputFileAsItWas_AndARunReplacesItWhole()
    {
        using var tagwatch = new Tagwatch();
        string file = Path.Combine(tagwatch.WorkingDirectory, "pairs.csv");
        await File.WriteAllTextAsync(file, "earlier results\n");

        var strictRefused = await tagwatch.RunAsync("correlate", "--strict", "--radius", "-5", "--out", "pairs.csv");
        var scoredRefused = await tagwatch.RunAsync("correlate", "--threshold", "2", "--out", "pairs.csv");

        Assert.Equal(2, strictRefused.ExitCode);
        Assert.Contains("Radius must be from 0 to 50000 metres. (RadiusMetres: -5)", strictRefused.Error, StringComparison.Ordinal);
        Assert.Equal(2, scoredRefused.ExitCode);
        Assert.Contains("(SignificanceThreshold: 2)", scoredRefused.Error, StringComparison.Ordinal);
        Assert.Equal("earlier results\n", await File.ReadAllTextAsync(file));

        var noFolder = await tagwatch.RunAsync("correlate", "--strict", "--out", "missing/pairs.csv");
        var runsRecorded = await tagwatch.RunAsync("audit", "export", "--action", "run.correlation");

        Assert.Equal(1, noFolder.ExitCode);
        Assert.Contains("cannot write missing/pairs.csv: the folder", noFolder.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("run.correlation", runsRecorded.Output, StringComparison.Ordinal); // refused before the run

        var ran = await tagwatch.RunAsync("correlate", "--strict", "--out", "pairs.csv"); // no crimes yet: the header alone

        Assert.Equal(0, ran.ExitCode);
        Assert.Equal("crime_ref,tag_id,fix_count,min_distance_m\n", await File.ReadAllTextAsync(file));
        Assert.Empty(Directory.GetFiles(tagwatch.WorkingDirectory, "*.tmp"));
    }

    [Fact]
    public async Task Out_CrimeReferencesAndTagIdsLikeFormulas_AreWrittenAsTextNotFormulas()
    {
        using var tagwatch = new Tagwatch();
        var lines = Enumerable.Range(0, 30).Select(i => $"-A1,2019-03-01T12:{i:00}:00Z,51.4613,-0.1156,8");
        await File.WriteAllLinesAsync(Path.Combine(tagwatch.WorkingDirectory, "fixes.csv"), ["tag_id,timestamp,lat,lon,accuracy_m", .. lines]);
        await File.WriteAllTextAsync(Path.Combine(tagwatch.WorkingDirectory, "crimes.csv"), """
            crime_ref,category,lat,lon,committed_from,committed_to
            "=HYPERLINK(""http://evil.example"",""open"")",robbery,51.4613,-0.1156,2019-03-01T12:10:00Z,2019-03-01T12:20:00Z
            @SUM(A1:A9),robbery,51.4613,-0.1156,2019-03-01T12:10:00Z,2019-03-01T12:20:00Z

            """);
        Assert.Equal(0, (await tagwatch.RunAsync("import", "fixes", "fixes.csv", "--create-tags", "--no-correlate")).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("import", "crimes", "crimes.csv", "--format", "tagwatch", "--no-correlate")).ExitCode);

        Assert.Equal(0, (await tagwatch.RunAsync("correlate", "--strict", "--out", "strict.csv")).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("correlate", "--all-tags", "--out", "scored.csv")).ExitCode);

        var strict = await File.ReadAllLinesAsync(Path.Combine(tagwatch.WorkingDirectory, "strict.csv"));
        Assert.Equal(3, strict.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",'-A1,30,0.00", strict);
        Assert.Contains("'@SUM(A1:A9),'-A1,30,0.00", strict);
        var scored = await File.ReadAllLinesAsync(Path.Combine(tagwatch.WorkingDirectory, "scored.csv"));
        Assert.Equal(3, scored.Length);
        Assert.All(scored.Skip(1), line => Assert.Matches("^(\"'=HYPERLINK|'@SUM)", line));
    }
}
