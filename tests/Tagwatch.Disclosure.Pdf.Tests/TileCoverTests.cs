using Tagwatch.Core.Geo;
using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf.Tests;

public sealed class TileCoverTests
{
    [Fact]
    public void Corner_OfTheWholeWorldTile_IsWebMercatorsLimit()
    {
        var nw = TileCover.Corner(0, 0, 0);

        Assert.Equal(85.0511, nw.Latitude, 4);
        Assert.Equal(-180, nw.Longitude, 9);
    }

    [Fact]
    public void Of_AStreetScaleArea_TakesTheZoomWhosePixelsAreFineEnoughAndCoversTheArea()
    {
        var sw = SamplePacks.Offset(SamplePacks.Vauxhall, -150, -150);
        var ne = SamplePacks.Offset(SamplePacks.Vauxhall, 150, 150);

        var cover = TileCover.Of(new MapArea(sw, ne, 0.45), maxZoom: 19);

        // Zoom 18 has 0.37 m pixels at 51.5° N; zoom 17 has 0.74 m.
        Assert.Equal(18, cover.Zoom);
        Assert.True(cover.Count <= TileCover.MaxTiles);
        Assert.True(TileCover.Corner(18, cover.MinX, cover.MinY).Latitude >= ne.Latitude);
        Assert.True(TileCover.Corner(18, cover.MinX, cover.MinY).Longitude <= sw.Longitude);
        Assert.True(TileCover.Corner(18, cover.MaxX + 1, cover.MaxY + 1).Latitude <= sw.Latitude);
        Assert.True(TileCover.Corner(18, cover.MaxX + 1, cover.MaxY + 1).Longitude >= ne.Longitude);
    }

    [Fact]
    public void Of_SourceWithALowerMaximumZoom_StopsAtIt()
    {
        var area = new MapArea(SamplePacks.Offset(SamplePacks.Vauxhall, -50, -50), SamplePacks.Offset(SamplePacks.Vauxhall, 50, 50), 0.1);

        Assert.Equal(16, TileCover.Of(area, maxZoom: 16).Zoom);
    }

    [Fact]
    public void Of_AnAreaNeedingTooManyTiles_TakesACoarserZoom()
    {
        var area = new MapArea(new GeoPoint(51.3, -0.5), new GeoPoint(51.7, 0.3), 0.5);

        Assert.True(TileCover.Of(area, maxZoom: 19).Count <= TileCover.MaxTiles);
    }
}
