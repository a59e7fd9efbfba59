using System.Net;
using System.Net.Http.Headers;
using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf.Tests;

public sealed class HttpMapTilesTests : IDisposable
{
    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("tagwatch-tiles-");

    public void Dispose() => _cache.Delete(recursive: true);

    [Fact]
    public async Task GetAsync_ManyTiles_FetchesNoMoreAtOnceThanTheLimitAndSendsTheUserAgent()
    {
        var handler = new GatedHandler(limit: 2);
        using var tiles = new HttpMapTiles(
            new MapTileOptions { TileUrlTemplate = "https://tiles.example/{z}/{x}/{y}.png", Attribution = "© x", MaxConcurrentFetches = 2, UserAgent = "Tagwatch test" },
            _cache.FullName, TimeProvider.System, handler);
        var area = new MapArea(SamplePacks.Offset(SamplePacks.Vauxhall, -300, -300), SamplePacks.Offset(SamplePacks.Vauxhall, 300, 300), 0.5);
        int expected = TileCover.Of(area, 19).Count;

        var fetching = tiles.GetAsync(area, TestContext.Current.CancellationToken);
        // Held at the limit; had the limit not held, every tile would be in flight by now.
        await handler.AtLimit.Task.WaitAsync(TestContext.Current.CancellationToken);
        int heldInFlight = handler.InFlight;
        handler.Open();
        var backdrop = await fetching;

        Assert.True(expected > 4);
        Assert.Equal(2, heldInFlight);
        Assert.Equal(2, handler.MostInFlight);
        Assert.Equal(expected, handler.Requests);
        Assert.Equal(expected, backdrop.Tiles.Count);
        Assert.Equal("tiles.example", backdrop.Source);
        Assert.Equal(["Tagwatch test"], handler.UserAgents.Distinct());
    }

    [Fact]
    public async Task GetAsync_TilesCached_AreKeptPerTemplateInZxyFoldersBesideEachOther()
    {
        var handler = new GatedHandler(limit: int.MaxValue);
        handler.Open();
        var options = new MapTileOptions { TileUrlTemplate = "https://a.example/{z}/{x}/{y}.png", Attribution = "© x" };
        using var a = new HttpMapTiles(options, _cache.FullName, TimeProvider.System, handler);
        using var b = new HttpMapTiles(options with { TileUrlTemplate = "https://b.example/{z}/{x}/{y}.png" }, _cache.FullName, TimeProvider.System, handler);
        var area = new MapArea(SamplePacks.Vauxhall, SamplePacks.Vauxhall, 0.5);

        await a.GetAsync(area, TestContext.Current.CancellationToken);
        await b.GetAsync(area, TestContext.Current.CancellationToken);
        await a.GetAsync(area, TestContext.Current.CancellationToken);

        var cover = TileCover.Of(area, 19);
        Assert.Equal(2 * cover.Count, handler.Requests);
        Assert.Equal(2, _cache.GetDirectories().Length);
        Assert.True(File.Exists(Path.Combine(_cache.FullName, TileCache.SourceKey(options.TileUrlTemplate!), $"{cover.Zoom}", $"{cover.MinX}", $"{cover.MinY}.tile")));
    }

    [Fact]
    public async Task GetAsync_SourceNeverAnswers_GivesUpTheOtherTilesAfterTheFirstTimeout()
    {
        await using var server = await LocalTileServer.StartAsync(TileAnswer.Never);
        using var tiles = new HttpMapTiles(
            new MapTileOptions { TileUrlTemplate = server.Template, Attribution = "© x", MaxConcurrentFetches = 2, Timeout = TimeSpan.FromMilliseconds(200) },
            _cache.FullName, TimeProvider.System);
        var area = new MapArea(SamplePacks.Offset(SamplePacks.Vauxhall, -300, -300), SamplePacks.Offset(SamplePacks.Vauxhall, 300, 300), 0.5);

        var backdrop = await tiles.GetAsync(area, TestContext.Current.CancellationToken);

        Assert.True(TileCover.Of(area, 19).Count > 4);
        Assert.False(backdrop.HasTiles);
        Assert.EndsWith("it did not answer within 0.2 s", backdrop.PlainReason, StringComparison.Ordinal);
        // Only the tiles already asked for when the first timed out; the rest never start (a wait of one timeout, not one
        // per tile). On a loaded machine a request may time out before the server has even counted it, hence from 0.
        Assert.InRange(server.Requests, 0, 2);
    }

    /// <summary>Answers every request with a tile, holding them all until opened, and counts how many are in flight at once.</summary>
    private sealed class GatedHandler(int limit) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private int _inFlight;

        public TaskCompletionSource AtLimit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MostInFlight { get; private set; }

        public int Requests { get; private set; }

        public List<string> UserAgents { get; } = [];

        public void Open() => _gate.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                Requests++;
                UserAgents.Add(request.Headers.UserAgent.ToString());
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
                if (_inFlight >= limit)
                {
                    AtLimit.TrySetResult();
                }
            }

            await _gate.Task.WaitAsync(cancellationToken);
            lock (_lock)
            {
                _inFlight--;
            }

            var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TestPng.StreetTile(0, 0)) };
            answer.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            return answer;
        }
    }
}
