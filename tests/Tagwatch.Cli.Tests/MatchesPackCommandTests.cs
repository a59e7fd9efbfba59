namespace Tagwatch.Cli.Tests;

public sealed class MatchesPackCommandTests
{
    [Fact]
    public async Task Pack_TileTemplateNotHttp_IsRefusedNamingTheSettingBeforeAnythingIsWritten()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync(["matches", "pack", "1", "--out", "pack.pdf"],
            environment: new Dictionary<string, string> { ["Tagwatch__Map__Tiles__TileUrlTemplate"] = "ftp://tiles.example/{z}/{x}/{y}.png" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid map tile settings (Tagwatch:Map:Tiles)", result.Error, StringComparison.Ordinal);
        Assert.Contains("is not an http:// or https:// address", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tagwatch.WorkingDirectory, "pack.pdf")));
    }
}
