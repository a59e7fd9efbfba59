using Microsoft.Extensions.Time.Testing;
using Tagwatch.Disclosure.Pdf.Maps;
using UglyToad.PdfPig;

namespace Tagwatch.Disclosure.Pdf.Tests;

public sealed class EvidenceMapTests : IDisposable
{
    private const string Attribution = "© Test Streets contributors";

    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("tagwatch-tiles-");

    public void Dispose() => _cache.Delete(recursive: true);

    [Fact]
    public async Task RenderAsync_WithALocalTileSource_EmbedsTheTilesAndPrintsTheAttributionOnTheMap()
    {
        await using var server = await LocalTileServer.StartAsync();
        using var tiles = Tiles(server.Template);

        var (text, images) = await RenderAsync(tiles);

        Assert.True(server.Requests > 0);
        Assert.Equal(server.Requests, images);
        Assert.Contains(Squeeze(Attribution), text, StringComparison.Ordinal);
        Assert.Contains("Background:streetmapfrom127.0.0.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_TileSourceUnreachable_DrawsThePlainMapAndSaysWhy()
    {
        // A port that was free a moment ago: nothing listens there now.
        string template;
        await using (var gone = await LocalTileServer.StartAsync())
        {
            template = gone.Template;
        }

        using var tiles = Tiles(template);

        var (text, images) = await RenderAsync(tiles);

        Assert.Equal(0, images);
        Assert.Contains("Background:plain,withNationalGridlines(thestreetmapsource127.0.0.1couldnotbeused:itcouldnotbereached", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze(Attribution), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TileAnswer.NotFound, "itanswered404")]
    [InlineData(TileAnswer.NotAnImage, "itsentsomethingthatisnotaPNGorJPEGimage")]
    [InlineData(TileAnswer.CorruptPng, "itstilescouldnotbereadorplaced")]
    [InlineData(TileAnswer.GarbledPng, "itstilescouldnotbereadorplaced")]
    [InlineData(TileAnswer.Never, "itdidnotanswerwithin0.2s")]
    public async Task RenderAsync_TileSourceMisbehaves_DrawsThePlainMapAndSaysWhy(TileAnswer answer, string reason)
    {
        await using var server = await LocalTileServer.StartAsync(answer);
        // Only the source that never answers is held to a short timeout; the others have time to answer however busy the machine.
        using var tiles = Tiles(server.Template, timeout: answer == TileAnswer.Never ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(30));

        var (text, images) = await RenderAsync(tiles);

        Assert.Equal(0, images);
        Assert.Contains("Background:plain", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_NoTileSource_DrawsThePlainMapAndSaysSo()
    {
        var (text, images) = await RenderAsync(NoMapTiles.Instance);

        Assert.Equal(0, images);
        Assert.Contains("Background:plain,withNationalGridlines(nostreetmapsourceisconfigured)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SecondPackOfTheSameArea_TakesTheTilesFromTheCacheWithoutFetching()
    {
        await using var server = await LocalTileServer.StartAsync();
        using (var first = Tiles(server.Template))
        {
            await RenderAsync(first);
        }

        int fetched = server.Requests;
        // A new instance (as after a restart) reads the cache on disk.
        using var second = Tiles(server.Template);

        var (text, images) = await RenderAsync(second);

        Assert.True(fetched > 0);
        Assert.Equal(fetched, server.Requests);
        Assert.Equal(fetched, images);
        Assert.Contains(Squeeze(Attribution), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_CachedTilesOlderThanTheAgeLimit_AreFetchedAgain()
    {
        await using var server = await LocalTileServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var tiles = Tiles(server.Template, clock: clock, maxAge: TimeSpan.FromDays(30));
        await RenderAsync(tiles);
        int fetched = server.Requests;

        clock.Advance(TimeSpan.FromDays(29));
        await RenderAsync(tiles);
        Assert.Equal(fetched, server.Requests);

        clock.Advance(TimeSpan.FromDays(2));
        await RenderAsync(tiles);
        Assert.Equal(2 * fetched, server.Requests);
    }

    [Theory]
    [InlineData(120, 2)]
    [InlineData(40, 6)]
    [InlineData(12, 1)]
    public async Task RenderAsync_ManyEvidencePointsCloseTogether_NoTwoWordsOnTheMapOverprintEachOther(int points, double stepMetres)
    {
        await using var server = await LocalTileServer.StartAsync();
        using var tiles = Tiles(server.Template);
        using var pdf = new MemoryStream();

        await DisclosurePackPdf.RenderAsync(SamplePacks.Walk(points, stepMetres), pdf, tiles, TestContext.Current.CancellationToken);

        // The map is the page's only drawing with tiles: its words are those within the tiles' bounds.
        using var document = PdfDocument.Open(pdf.ToArray());
        var page = document.GetPages().First(p => p.GetImages().Any());
        var map = page.GetImages().Select(i => i.BoundingBox).Aggregate((a, b) => new(Math.Min(a.Left, b.Left), Math.Min(a.Bottom, b.Bottom), Math.Max(a.Right, b.Right), Math.Max(a.Top, b.Top)));
        var words = page.GetWords().Where(w => w.BoundingBox.Left >= map.Left && w.BoundingBox.Right <= map.Right && w.BoundingBox.Bottom >= map.Bottom && w.BoundingBox.Top <= map.Top).ToList();
        Assert.Contains(words, w => w.Text == "crime");
        Assert.Contains(words, w => w.Text == "12:30");
        Assert.Contains(words, w => w.Text == "(grid)");
        for (int i = 0; i < words.Count; i++)
        {
            for (int j = i + 1; j < words.Count; j++)
            {
                var a = words[i].BoundingBox;
                var b = words[j].BoundingBox;
                bool meet = a.Left < b.Right && b.Left < a.Right && a.Bottom < b.Top && b.Bottom < a.Top;
                Assert.False(meet, $"'{words[i].Text}' and '{words[j].Text}' overprint");
            }
        }
    }

    private HttpMapTiles Tiles(string template, TimeSpan? timeout = null, TimeProvider? clock = null, TimeSpan? maxAge = null) =>
        new(new MapTileOptions
        {
            TileUrlTemplate = template, Attribution = Attribution, Timeout = timeout ?? TimeSpan.FromSeconds(30), CacheMaxAge = maxAge ?? TimeSpan.FromDays(30),
        }, _cache.FullName, clock ?? TimeProvider.System);

    private static async Task<(string Text, int Images)> RenderAsync(IMapTiles tiles)
    {
        using var pdf = new MemoryStream();
        await DisclosurePackPdf.RenderAsync(SamplePacks.Walk(), pdf, tiles, TestContext.Current.CancellationToken);
        using var document = PdfDocument.Open(pdf.ToArray());
        var pages = document.GetPages().ToList();
        return (Squeeze(string.Join("\n", pages.Select(p => p.Text))), pages.Sum(p => p.GetImages().Count()));
    }

    private static string Squeeze(string text) => text.Replace(" ", "", StringComparison.Ordinal);
}
