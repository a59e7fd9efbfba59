using System.Globalization;
using System.Net;

namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>
/// Tiles fetched from the configured XYZ source over HTTP, a few at a time, each within the timeout, and cached on disk.
/// Any tile that cannot be had — unreachable, slow, refused, not an image — makes the whole map plain (a map half on
/// streets would mislead), with the reason; nothing here fails the pack.
/// </summary>
/// <remarks>Thread-safe; one instance per process, so the concurrency limit holds across packs.</remarks>
public sealed class HttpMapTiles : IMapTiles, IDisposable
{
    // A street map tile is tens of kilobytes; anything far larger is not one.
    private const int MaxTileBytes = 2 * 1024 * 1024;

    private readonly MapTileOptions _options;
    private readonly TileCache _cache;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _fetches;
    private readonly string _source;

    /// <summary>Fetches from <paramref name="options"/>' source, caching under <paramref name="cacheFolder"/>, ages judged on <paramref name="clock"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid or name no source.</exception>
    public HttpMapTiles(MapTileOptions options, string cacheFolder, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        if (!options.Enabled)
        {
            throw new ArgumentException("No TileUrlTemplate: use NoMapTiles when no tile source is configured.", nameof(options));
        }

        _options = options;
        _cache = new TileCache(cacheFolder, options.TileUrlTemplate!, options.CacheMaxAge, clock);
        _http = new HttpClient(handler ?? new SocketsHttpHandler { MaxConnectionsPerServer = options.MaxConcurrentFetches, UseCookies = false })
        {
            // Each request has its own timeout (below); a map waits for no more than its slowest tile's.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _fetches = new SemaphoreSlim(options.MaxConcurrentFetches);
        _source = new Uri(Url(0, 0, 0)).Host;
    }

    public async Task<MapBackdrop> GetAsync(MapArea area, CancellationToken cancellationToken)
    {
        var cover = TileCover.Of(area, _options.MaxZoom);
        // The first tile that fails gives up the rest: the map will be plain anyway, and an unreachable source then
        // costs one timeout, not one per tile.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = await Task.WhenAll(cover.Tiles().Select(t => TileAsync(cover.Zoom, t.X, t.Y, giveUp)));
        cancellationToken.ThrowIfCancellationRequested();
        if (results.FirstOrDefault(r => r.Failure is not null).Failure is { } failure)
        {
            return MapBackdrop.Plain($"the street map source {_source} could not be used: {failure}");
        }

        return MapBackdrop.Street([.. results.Select(r => r.Tile!)], _options.Attribution!, _source);
    }

    public void Dispose()
    {
        _http.Dispose();
        _fetches.Dispose();
    }

    /// <summary>The tile, or why it could not be had; neither when another tile's failure (or the caller) gave it up.</summary>
    private async Task<(MapTile? Tile, string? Failure)> TileAsync(int zoom, int x, int y, CancellationTokenSource giveUp)
    {
        if (_cache.Read(zoom, x, y) is { } cached)
        {
            return (new MapTile(zoom, x, y, cached), null);
        }

        try
        {
            await _fetches.WaitAsync(giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            return (null, null);
        }

        try
        {
            var (image, failure) = await FetchAsync(zoom, x, y, giveUp.Token);
            if (image is null)
            {
                // Before the fetch slot is released, so no waiting tile starts a request that is no longer wanted.
                await giveUp.CancelAsync();
                return (null, failure);
            }

            _cache.Write(zoom, x, y, image);
            return (new MapTile(zoom, x, y, image), null);
        }
        finally
        {
            _fetches.Release();
        }
    }

    /// <summary>One tile from the source, or why not (null when given up).</summary>
    private async Task<(byte[]? Image, string? Failure)> FetchAsync(int zoom, int x, int y, CancellationToken giveUp)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(giveUp);
            timeout.CancelAfter(_options.Timeout);
            using var answer = await _http.GetAsync(new Uri(Url(zoom, x, y)), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"it answered {(int)answer.StatusCode} {answer.ReasonPhrase}");
            }

            if (answer.Content.Headers.ContentLength > MaxTileBytes)
            {
                return (null, "it sent a tile too large to be an image tile");
            }

            byte[] image = await answer.Content.ReadAsByteArrayAsync(timeout.Token);
            return TileImage.IsPngOrJpeg(image) ? (image, null) : (null, "it sent something that is not a PNG or JPEG image");
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            return (null, null);
        }
        catch (OperationCanceledException)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"it did not answer within {_options.Timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException e)
        {
            return (null, $"it could not be reached ({e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "name not found",
                HttpRequestError.ConnectionError => "connection failed",
                HttpRequestError.SecureConnectionError => "TLS failed",
                _ => "request failed",
            }})");
        }
        catch (IOException)
        {
            return (null, "the connection broke while a tile was sent");
        }
    }

    private string Url(int zoom, int x, int y) => _options.TileUrlTemplate!
        .Replace("{z}", zoom.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{y}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
