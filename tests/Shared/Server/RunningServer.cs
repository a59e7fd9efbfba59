using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Server;
using Tagwatch.Storage;
using Tagwatch.Storage.Postgres;
using Tagwatch.Tests;

namespace Tagwatch.Server.Tests;

/// <summary>The real server on loopback ports over a real database — a SQLite file in a scratch folder, or a fresh
/// PostgreSQL database where the suite runs on PostgreSQL (<see cref="TestStore.Default"/>) — with some tags registered.
/// <see cref="OsmAnd"/> uploads as the OsmAnd tag does, with its device credential.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string Gt06Imei = "863586038760942";
    public const string OsmAndId = "902064";
    public const string H02Id = "865205035331981";

    private readonly bool _ownsDirectory;
    private readonly TestPostgresDatabase? _ownedPostgres;

    private RunningServer(string directory, bool ownsDirectory, TagwatchServices services, WebApplication app, ServerOptions options, string osmAndSecret, TestPostgresDatabase? ownedPostgres)
    {
        _ownedPostgres = ownedPostgres;
        OsmAndSecret = osmAndSecret;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Services = services;
        App = app;
        Options = options;
        Api = NewClient();
        OsmAnd = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.OsmAndPort}") };
        OsmAnd.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", osmAndSecret);
    }

    /// <summary>A client of the API (the first address), trusting the server's own certificate when it speaks HTTPS.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer() };
        if (Options.Tls.HasCertificate)
        {
            string certificate = Options.Tls.CertificatePath;
            handler.ServerCertificateCustomValidationCallback = (_, presented, _, _) => TestCertificate.Matches(presented, certificate);
        }

        return new HttpClient(handler) { BaseAddress = new Uri(Options.Urls.Split(';')[0]) };
    }

    /// <summary>The OsmAnd tag's device credential.</summary>
    public string OsmAndSecret { get; }

    public string Directory { get; }

    public TagwatchServices Services { get; }

    public WebApplication App { get; }

    public ServerOptions Options { get; }

    public HttpClient Api { get; }

    /// <summary>The OsmAnd port, authenticated as the OsmAnd tag (<see cref="OsmAndId"/>).</summary>
    public HttpClient OsmAnd { get; }

    /// <summary>A scratch folder for a server's database and files.</summary>
    public static string NewDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "tagwatch-server-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Starts a server on a fresh scratch folder, deleted on dispose; or on <paramref name="directory"/>'s database
    /// (created there if new), which the caller keeps — to start a server again on what an earlier one left; or on a copy
    /// of the database file <paramref name="copyOf"/> (an idle database, checkpointed) in a fresh scratch folder (on PostgreSQL:
    /// of the template database it names).</summary>
    public static async Task<RunningServer> StartAsync(
        Func<ServerOptions, ServerOptions>? configure = null, Func<TagwatchServices, Task>? beforeStart = null, TimeProvider? clock = null, string? directory = null,
        string[]? configuration = null, string? copyOf = null)
    {
        clock ??= TimeProvider.System;
        bool ownsDirectory = directory is null;
        directory ??= NewDirectory();
        TestPostgresDatabase? ownedPostgres = null;
        TagwatchServices services;
        if (TestStore.Default == StoreKind.Postgres)
        {
            (var database, ownedPostgres) = await OpenPostgresAsync(directory, ownsDirectory, copyOf);
            services = new TagwatchServices(database, clock);
        }
        else
        {
            if (copyOf is not null)
            {
                File.Copy(copyOf, Path.Combine(directory, "tagwatch.db"));
            }

            services = await TagwatchServices.OpenAsync(Path.Combine(directory, "tagwatch.db"), clock);
        }

        // A server that does not start leaves no PostgreSQL database behind.
        try
        {
            await services.Tags.RegisterAsync([
                new Tag(TagId.Parse(Gt06Imei), "gt06", null),
                new Tag(TagId.Parse(OsmAndId), "osmand", null),
                new Tag(TagId.Parse(H02Id), "h02", null),
            ]);
            var (_, osmAndSecret) = await services.Credentials.CreateAsync(TagId.Parse(OsmAndId), "test phone");
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
                    // The seeded pilot lies years in the past: a retention purge a minute after start would delete it
                    // under a test still running. Tests of retention set their own.
                    Workers = new WorkerOptions { RetentionFirstAfter = TimeSpan.FromDays(1) },
                    Database = services.Database is TagwatchDatabase sqlite ? sqlite.Path : "tagwatch.db",
                    Urls = $"http://127.0.0.1:{ports[0]}",
                    OsmAndPort = ports[1],
                    Gt06Port = ports[2],
                    H02Port = ports[3],
                };
                options = configure?.Invoke(options) ?? options;
                var app = TagwatchServer.Build(options, services.Database, clock, configuration, host => host.AddSingleton(services.Quality).AddSingleton(services.MonitoringOptions));
                try
                {
                    await app.StartAsync();
                    return new RunningServer(directory, ownsDirectory, services, app, options, osmAndSecret, ownedPostgres);
                }
                catch (IOException) when (attempt < 5)
                {
                    await app.DisposeAsync();
                }
            }
        }
        catch when (services.Database is PostgresDatabase)
        {
            await ReleasePostgresAsync(services, ownedPostgres);
            throw;
        }
    }

    private static async Task ReleasePostgresAsync(TagwatchServices services, TestPostgresDatabase? owned)
    {
        if (services.Database is PostgresDatabase postgres)
        {
            await postgres.DisposeAsync();
        }

        if (owned is not null)
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>The running background worker of type <typeparamref name="T"/> (to wait on its passes).</summary>
    public T Worker<T>()
        where T : IHostedService => App.Services.GetServices<IHostedService>().OfType<T>().Single();

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
        await ReleasePostgresAsync(Services, _ownedPostgres);
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }

    /// <summary>The PostgreSQL database of a server on <paramref name="directory"/>: a copy of the template database
    /// <paramref name="copyOf"/> names, or the one an earlier server on the same kept folder used (its name is kept in the
    /// folder, and it is dropped when the test process ends), or a fresh one. Returns the database to drop with the server.</summary>
    private static async Task<(PostgresDatabase Database, TestPostgresDatabase? Owned)> OpenPostgresAsync(string directory, bool ownsDirectory, string? copyOf)
    {
        string nameFile = Path.Combine(directory, "postgres-database.txt");
        TestPostgresDatabase server;
        if (File.Exists(nameFile))
        {
            server = TestPostgresDatabase.Existing(await File.ReadAllTextAsync(nameFile));
        }
        else
        {
            server = await TestPostgresDatabase.CreateAsync(copyOf ?? await TestStore.MigratedTemplateAsync());
            await File.WriteAllTextAsync(nameFile, server.Name);
            if (!ownsDirectory)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DropAtExit();
            }
        }

        return (await PostgresDatabase.OpenAsync(server.ConnectionString, Path.Combine(directory, "node")), ownsDirectory ? server : null);
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
