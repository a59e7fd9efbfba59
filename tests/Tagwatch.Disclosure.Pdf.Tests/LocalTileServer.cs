using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tagwatch.Disclosure.Pdf.Tests;

/// <summary>How the local tile server answers.</summary>
public enum TileAnswer
{
    StreetTiles,
    NotFound,
    NotAnImage,
    CorruptPng,
    GarbledPng,
    Never,
}

/// <summary>A tile server on 127.0.0.1 (Kestrel, a free port) answering <c>/{z}/{x}/{y}.png</c> as told, counting requests.</summary>
internal sealed class LocalTileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;

    private LocalTileServer(WebApplication app) => _app = app;

    /// <summary>The XYZ template of this server.</summary>
    public string Template { get; private set; } = "";

    /// <summary>How many tiles were asked for.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public TileAnswer Answer { get; set; }

    public static async Task<LocalTileServer> StartAsync(TileAnswer answer = TileAnswer.StreetTiles)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LocalTileServer(app) { Answer = answer };
        app.MapGet("/{z:int}/{x:int}/{y:int}.png", server.TileAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Template = address + "/{z}/{x}/{y}.png";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<IResult> TileAsync(int z, int x, int y, HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        switch (Answer)
        {
            case TileAnswer.NotFound:
                return Results.NotFound();
            case TileAnswer.NotAnImage:
                return Results.Text("<html>rate limited</html>", "text/html");
            case TileAnswer.CorruptPng:
                // A PNG's signature and header, then the data cut short.
                return Results.Bytes(TestPng.StreetTile(x, y)[..60], "image/png");
            case TileAnswer.GarbledPng:
                return Results.Bytes(TestPng.Garbled(), "image/png");
            case TileAnswer.Never:
                // Holds the request open until the client gives up or the server stops.
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                return Results.Bytes(TestPng.StreetTile(x, y), "image/png");
        }
    }
}
