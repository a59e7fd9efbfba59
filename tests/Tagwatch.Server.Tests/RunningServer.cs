using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Server;
using Tagwatch.Storage;

namespace Tagwatch.Server.Tests;

/// <summary>The real server on loopback ports over a real SQLite file in a scratch folder, with some tags registered.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string Gt06Imei = "863586038760942";
    public const string OsmAndId = "902064";
    public const string H02Id = "865205035331981";

    private RunningServer(string directory, TagwatchServices services, WebApplication app, ServerOptions options)
    {
        Directory = directory;
        Services = services;
        App = app;
        Options = options;
        Api = new HttpClient { BaseAddress = new Uri(options.Urls) };
        OsmAnd = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.OsmAndPort}") };
    }

    public string Directory { get; }

    public TagwatchServices Services { get; }

    public WebApplication App { get; }

    public ServerOptions Options { get; }

    public HttpClient Api { get; }

    public HttpClient OsmAnd { get; }

    public static async Task<RunningServer> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, Func<TagwatchServices, Task>? beforeStart = null, string[]? configuration = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "tagwatch-server-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var services = await TagwatchServices.OpenAsync(Path.Combine(directory, "tagwatch.db"), TimeProvider.System);
        await services.Tags.RegisterAsync([
            new Tag(TagId.Parse(Gt06Imei), "gt06", null),
            new Tag(TagId.Parse(OsmAndId), "osmand", null),
            new Tag(TagId.Parse(H02Id), "h02", null),
        ]);
        if (beforeStart is not null)
        {
            await beforeStart(services);
        }

        // Free ports are found by binding and releasing; another process may take one first, so try again then.
        for (int attempt = 1; ; attempt++)
        {
            int[] ports = FreePorts(4);
            var options = new ServerOptions
            {
                Database = services.Database.Path,
                Urls = $"http://127.0.0.1:{ports[0]}",
                OsmAndPort = ports[1],
                Gt06Port = ports[2],
                H02Port = ports[3],
            };
            options = configure?.Invoke(options) ?? options;
            var app = TagwatchServer.Build(options, services, TimeProvider.System, configuration);
            try
            {
                await app.StartAsync();
                return new RunningServer(directory, services, app, options);
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync();
            }
        }
    }

    public static async Task<TcpClient> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        client.ReceiveTimeout = 10_000;
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        OsmAnd.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }

    /// <summary>Distinct free ports: all are held open until every one is chosen, so none is handed out twice.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
