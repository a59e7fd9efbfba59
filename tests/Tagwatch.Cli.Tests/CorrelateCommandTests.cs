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
}
