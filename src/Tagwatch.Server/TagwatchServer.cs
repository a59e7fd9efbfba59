using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Storage;
using Scalar.AspNetCore;
using Tagwatch.Application;
using Tagwatch.Application.Accounts;
using Tagwatch.Disclosure.Pdf.Maps;
using Tagwatch.Server.Api;
using Tagwatch.Server.Devices;
using Tagwatch.Server.Security;
using Tagwatch.Server.Health;
using Tagwatch.Server.Metrics;
using Tagwatch.Server.Notifications;
using OpenTelemetry.Metrics;
using Tagwatch.Server.Workers;
using Tagwatch.Server.Web;

namespace Tagwatch.Server;

/// <summary>Builds the <c>tagwatch serve</c> host: the HTTP API, the device listeners and the ingest pipeline in one process.</summary>
public static class TagwatchServer
{
    /// <summary>Builds the host on an opened database. <paramref name="args"/> feed configuration (e.g. <c>--Logging:LogLevel:Default=Debug</c>);
    /// <paramref name="configure"/> registers settings the application core reads before its defaults apply (e.g.
    /// <c>FixQualityRules</c>, <c>MonitoringOptions</c>).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static WebApplication Build(ServerOptions options, ITagwatchDatabase database, TimeProvider clock, string[]? args = null, Action<IServiceCollection>? configure = null)
    {
        options.ThrowIfInvalid();

        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Tagwatch.Server.Security", LogLevel.Warning);

        // The key ring beside the database is protected by the file system's permissions (there is no key-encryption
        // certificate on Linux); the per-start warning about it says nothing an operator can act on.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // Loaded once (the options were validated, so it loads) and shared by every TLS endpoint.
        var certificate = options.Tls.HasCertificate ? options.Tls.LoadCertificate() : null;
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, options, certificate));
        builder.Services.AddForwardedProxies(options.Proxies);
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(options.Tls.HstsMaxAgeDays);
            // The default exempts localhost; a server answering over HTTPS says so whatever name it was reached by.
            hsts.ExcludedHosts.Clear();
        });
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));

        var ingestOptions = new IngestOptions { ListenerPorts = DeviceListeners.Ports(options) };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(ingestOptions);
        // The street map under the disclosure pack's evidence map (the settings also for the web maps); wrong settings
        // stop the start with every problem named.
        var mapTiles = builder.Configuration.GetSection(MapTileOptions.Section).Get<MapTileOptions>() ?? new MapTileOptions();
        builder.Services.AddSingleton(mapTiles);
        builder.Services.AddSingleton(MapTileSource.Create(mapTiles, database.LocalFolder, clock));
        configure?.Invoke(builder.Services);
        builder.Services.AddSingleton(options.Retention);
        // Four eyes on scope grants; a single-administrator installation (the demo) may switch it off.
        builder.Services.AddSingleton(new AccountApprovalOptions(builder.Configuration.GetValue("Tagwatch:Accounts:RequireSecondApproval", true)));
        builder.Services.AddTagwatchNotifications(builder.Configuration);
        builder.Services.AddTagwatchApplication();
        database.AddStores(builder.Services);
        builder.Services.AddSingleton(options.Workers);
        builder.Services.AddHostedService<CheckpointService>();
        builder.Services.AddHostedService<FrameMaintenanceService>();
        builder.Services.AddHostedService<FixGridService>();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddSingleton<MonitorWorker>();
        builder.Services.AddSingleton<IIngestObserver>(sp => sp.GetRequiredService<MonitorWorker>());
        builder.Services.AddHostedService<CorrelationWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitorWorker>());
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton(new ConnectionGate(options.MaxConnectionsPerAddress));
        builder.Services.AddSingleton(sp => new DeviceProofReader(sp.GetRequiredService<IDeviceCredentialStore>(), [.. options.DeviceGatewayNetworks.Select(n => IPNetwork.Parse(n))]));
        builder.Services.AddSingleton<OperationalMetrics>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationalMetrics>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName, OperationalMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = RefusalAudit.RememberShownReason);
        JsonBodyProblems.AddTo(builder.Services);
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddTagwatchSecurity(options);
        builder.Services.AddTagwatchWeb();

        // Session cookies, antiforgery tokens and second-factor seeds are sealed with keys kept beside the database
        // (registered with Identity, AddTagwatchSecurity), so a restart keeps everyone signed in and the console
        // reads the same seeds.
        builder.Services.AddHostedService<AuthenticatorKeyProtection>();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(AlertKindSchema.Describe).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tagwatch API";
            document.Info.Description = "GPS monitoring of people on licence: records, trails, alerts, crime matches and their review, audit. "
                + "Authenticate with a session (POST /api/v1/session) or a personal API token (Authorization: Bearer twp_…).";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<StoreReadinessCheck>("store", tags: ["ready"]);
        // Worked out once: the limiter asks about every request.
        var httpDevicePorts = DeviceListeners.HttpPorts(options);
        builder.Services.AddRateLimiter(limiter =>
        {
            // One token bucket per address over all device uploads: the OsmAnd port and the batch endpoint.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // A 429 says when to come back.
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(http =>
                options.MaxRequestsPerSecondPerAddress == 0 || !IsDeviceUpload(http, httpDevicePorts)
                    ? RateLimitPartition.GetNoLimiter(IPAddress.None)
                    : RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress ?? IPAddress.None, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.MaxRequestsPerSecondPerAddress,
                        TokensPerPeriod = options.MaxRequestsPerSecondPerAddress,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    }));
        });

        UseDeviceListenerServer(builder.Services, options);
        var app = builder.Build();
        if (options.Proxies.Enabled)
        {
            // First of all, so every limit, log and cookie below sees the client's address and scheme.
            app.UseForwardedHeaders();
        }

        // Each HTTP device port (OsmAnd) speaks only its protocol, whatever the path.
        DeviceListeners.MapHttp(app, options, clock);

        app.UseExceptionHandler();
        app.UseStatusCodePagesForPagesAndApi();
        app.UseHsts();
        app.UseSecurityHeaders(app.Services.GetRequiredService<WebMapSettings>().TileOrigin);
        app.UseWebAssets();
        app.UseMetricsAccess(options);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRefusalAudit();
        app.UseCsrfProtection();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        // Counts only, no personal data, but exact: only for the scraper holding the metrics token (MetricsAccess).
        app.MapPrometheusScrapingEndpoint(MetricsAccess.Path);
        app.MapOpenApi();
        app.MapScalarApiReference();
        var api = app.MapGroup("/api/v1").WithProblemResponses();
        api.MapSessionApi();
        api.MapUsersApi();
        api.MapApprovalsApi();
        api.MapOffendersApi();
        api.MapTrailsApi();
        api.MapMonitoringApi();
        api.MapMatchesApi();
        api.MapNearApi();
        api.MapAuditApi();
        api.MapReportsApi();
        api.MapRegistryApi();
        api.MapRetentionApi();
        api.MapCrimesApi();
        api.MapConditionsApi();
        api.MapNotificationsApi();
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        });
        app.MapPost(BatchIngestEndpoint.Path, (HttpContext http, IngestPipeline pipeline, IDeviceCredentialStore credentials) =>
            BatchIngestEndpoint.HandleAsync(http, pipeline, credentials, options, clock)).WithTags("Devices").WithName("IngestBatch").AllowAnonymous()
            .Produces<BatchIngestEndpoint.BatchIngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Wraps Kestrel so its TCP device ports are logged as device listeners, not as HTTP addresses.</summary>
    private static void UseDeviceListenerServer(IServiceCollection services, ServerOptions options)
    {
        var kestrel = services.Last(d => d.ServiceType == typeof(IServer));
        services.Remove(kestrel);
        var devicePorts = DeviceListeners.TcpPorts(options);
        services.AddSingleton<IServer>(sp => new DeviceListenerServer(
            kestrel.ImplementationInstance as IServer
                ?? kestrel.ImplementationFactory?.Invoke(sp) as IServer
                ?? (IServer)ActivatorUtilities.CreateInstance(sp, kestrel.ImplementationType!),
            devicePorts,
            sp.GetRequiredService<ILogger<DeviceListenerServer>>()));
    }

    private static bool IsDeviceUpload(HttpContext http, IReadOnlySet<int> httpDevicePorts) =>
        httpDevicePorts.Contains(http.Connection.LocalPort)
        || http.Request.Path.Equals(BatchIngestEndpoint.Path, StringComparison.OrdinalIgnoreCase);

    private static void Listen(KestrelServerOptions kestrel, ServerOptions options, X509Certificate2? certificate)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxBatchBodyBytes, options.MaxOsmAndBodyBytes);
        foreach (string url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url);
            Action<ListenOptions> https = uri.Scheme == Uri.UriSchemeHttps ? listen => listen.UseHttps(certificate!) : _ => { };
            if (uri.Host is "localhost")
            {
                kestrel.ListenLocalhost(uri.Port, https);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, https);
            }
        }

        // TLS on a device listener that is configured for it: the handshake comes first, then the protocol as ever.
        DeviceListeners.Listen(kestrel, options, certificate);
    }
}
