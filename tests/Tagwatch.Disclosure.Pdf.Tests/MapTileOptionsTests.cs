using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf.Tests;

public sealed class MapTileOptionsTests
{
    [Fact]
    public void Validate_NoTemplate_IsValidAndMeansNoStreetMap()
    {
        var options = new MapTileOptions();

        Assert.Empty(options.Validate());
        Assert.IsType<NoMapTiles>(MapTileSource.Create(options, ".", TimeProvider.System));
    }

    [Fact]
    public void Validate_TemplateWithoutXyz_NamesEachMissingPlaceholder()
    {
        var problems = new MapTileOptions { TileUrlTemplate = "https://tile.example/{z}/tiles.png", Attribution = "© x" }.Validate();

        Assert.Contains(problems, p => p.StartsWith("TileUrlTemplate:", StringComparison.Ordinal) && p.Contains("has no {x}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no {y}", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("has no {z}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://tile.example/{z}/{x}/{y}.png")]
    [InlineData("file:///srv/tiles/{z}/{x}/{y}.png")]
    [InlineData("tile.example/{z}/{x}/{y}.png")]
    public void Validate_TemplateNotHttp_IsRefused(string template)
    {
        var problems = new MapTileOptions { TileUrlTemplate = template, Attribution = "© x" }.Validate();

        Assert.Equal([$"TileUrlTemplate: '{template}' is not an http:// or https:// address"], problems);
    }

    [Fact]
    public void Validate_TemplateWithoutAttribution_IsRefused()
    {
        var problems = new MapTileOptions { TileUrlTemplate = "https://tile.example/{z}/{x}/{y}.png" }.Validate();

        Assert.Single(problems, p => p.StartsWith("Attribution: required", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_BadTemplate_RefusedAtStartWithTheSectionAndEveryProblem()
    {
        var options = new MapTileOptions { TileUrlTemplate = "ftp://tile.example/{z}/{y}.png", MaxZoom = 30 };

        var refused = Assert.Throws<ArgumentException>(() => MapTileSource.Create(options, ".", TimeProvider.System));

        Assert.StartsWith("Invalid map tile settings (Tagwatch:Map:Tiles):", refused.Message, StringComparison.Ordinal);
        Assert.Contains("has no {x}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("is not an http:// or https:// address", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Attribution: required", refused.Message, StringComparison.Ordinal);
        Assert.Contains("MaxZoom: 30", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CacheFolder_IsTilesInTheNodesFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "pilot");

        Assert.Equal(Path.Combine(Path.GetTempPath(), "pilot", "tiles"), MapTileSource.CacheFolder(folder));
    }
}
