using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Server.Tests;

/// <summary>Nobody forges a trail: a fix is accepted only on its tag's registered protocol and port, and an OsmAnd
/// upload only with the device's credential (header or URL path) or from an allow-listed gateway network.</summary>
public sealed class DeviceAuthenticationTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Query(string device, double latitude = 51.5) => string.Create(
        CultureInfo.InvariantCulture, $"?id={device}&lat={latitude}&lon=-0.1&timestamp={TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 60}");

    [Fact]
    public async Task OsmAnd_ForgedFixForAGt06Tag_IsRefusedAndCountedAsRefused()
    {
        using var refusals = new RefusalCounter(_server);
        using var forger = new HttpClient { BaseAddress = _server.OsmAnd.BaseAddress };

        var response = await forger.GetAsync("/" + Query(RunningServer.Gt06Imei));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.Gt06Imei), Instant.MinValue, Instant.MaxValue));
        var refused = Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync());
        Assert.Equal((RunningServer.Gt06Imei, "osmand", RefusalReason.NoCredential, 1L), (refused.DeviceId, refused.Protocol, refused.Reason, refused.Messages));
        Assert.Equal(1, refusals["no_credential"]);
    }

    [Fact]
    public async Task OsmAnd_FixForAGt06TagWithAGatewayCredential_IsRefusedAsTheWrongProtocol()
    {
        using var refusals = new RefusalCounter(_server);
        var (_, secret) = await _server.Services.Credentials.CreateAsync(null, "vendor gateway");
        using var gateway = Client(secret);

        var response = await gateway.GetAsync("/" + Query(RunningServer.Gt06Imei));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("registered for gt06", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.Gt06Imei), Instant.MinValue, Instant.MaxValue));
        Assert.Equal(RefusalReason.WrongProtocol, Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync()).Reason);
        Assert.Equal(1, refusals["wrong_protocol"]);
    }

    [Fact]
    public async Task OsmAnd_DeviceCredentialInTheHeader_IsAccepted()
    {
        var response = await _server.OsmAnd.GetAsync("/" + Query(RunningServer.OsmAndId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task OsmAnd_DeviceCredentialAsTheUrlPath_IsAcceptedAndNotKeptInTheRawRequest()
    {
        using var tracker = Client(null);

        var response = await tracker.GetAsync($"/{_server.OsmAndSecret}{Query(RunningServer.OsmAndId)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tag = TagId.Parse(RunningServer.OsmAndId);
        Assert.Single(await _server.Services.Fixes.ReadAsync(tag, Instant.MinValue, Instant.MaxValue));
        string raw = Encoding.UTF8.GetString(Assert.Single(await _server.Services.Ingest.FramesAsync(tag, Instant.MinValue, Instant.MaxValue)).Payload.Span);
        Assert.DoesNotContain(_server.OsmAndSecret, raw, StringComparison.Ordinal);
        Assert.StartsWith("GET /(credential)?id=", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("path")]
    [InlineData("none")]
    [InlineData("revoked")]
    public async Task OsmAnd_WrongOrMissingCredential_Is401AndCountedAsRefused(string presented)
    {
        var (revoked, revokedSecret) = await _server.Services.Credentials.CreateAsync(TagId.Parse(RunningServer.OsmAndId), "lost phone");
        await _server.Services.Credentials.RevokeAsync(revoked.Id);
        string wrong = "twd_" + new string('x', 43);
        using var client = Client(presented switch { "header" => wrong, "revoked" => revokedSecret, _ => null });

        var response = await client.GetAsync((presented == "path" ? "/" + wrong : "/") + Query(RunningServer.OsmAndId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
        Assert.Equal(RefusalReason.NoCredential, Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync()).Reason);
    }

    [Fact]
    public async Task OsmAnd_AnotherDevicesCredential_Is403()
    {
        var other = TagId.Parse("902065");
        await _server.Services.Tags.RegisterAsync([new Tag(other, "osmand", null)]);
        var (_, secret) = await _server.Services.Credentials.CreateAsync(other, "other phone");
        using var client = Client(secret);

        var response = await client.GetAsync("/" + Query(RunningServer.OsmAndId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
        Assert.Equal(RefusalReason.CredentialNotForDevice, Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync()).Reason);
    }

    [Fact]
    public async Task OsmAnd_FromAnAllowListedGatewayNetwork_NeedsNoCredentialButStaysBoundToTheProtocol()
    {
        await using var server = await RunningServer.StartAsync(o => o with { DeviceGatewayNetworks = ["127.0.0.0/8"] });
        using var gateway = new HttpClient { BaseAddress = server.OsmAnd.BaseAddress };

        var own = await gateway.GetAsync("/" + Query(RunningServer.OsmAndId));
        var forged = await gateway.GetAsync("/" + Query(RunningServer.Gt06Imei));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Single(await server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
        Assert.Empty(await server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.Gt06Imei), Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task OsmAnd_GatewayNetworkThatDoesNotHoldTheSender_Is401()
    {
        await using var server = await RunningServer.StartAsync(o => o with { DeviceGatewayNetworks = ["10.0.0.0/8"] });
        using var outsider = new HttpClient { BaseAddress = server.OsmAnd.BaseAddress };

        var response = await outsider.GetAsync("/" + Query(RunningServer.OsmAndId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Options_GatewayNetworkThatIsNotCidr_IsNamed()
    {
        var problems = new ServerOptions { DeviceGatewayNetworks = ["10.0.0.0/8", "the vendor"] }.Validate();

        Assert.Equal("device-gateway-networks: 'the vendor' is not a network in CIDR notation such as 10.20.0.0/16", Assert.Single(problems));
    }

    [Fact]
    public async Task H02_FrameNamingAGt06Tag_IsRefusedAsTheWrongProtocol()
    {
        var time = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        string frame = string.Create(CultureInfo.InvariantCulture, $"*HQ,{RunningServer.Gt06Imei},V1,{time:HHmmss},A,5127.6780,N,00006.9360,W,0.00,0,{time:ddMMyy},FFFFFBFF#");
        using var device = await RunningServer.ConnectAsync(_server.Options.H02Port);

        var network = device.GetStream();
        await network.WriteAsync(Encoding.ASCII.GetBytes(frame));
        device.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

        Assert.True(await network.IsClosedByServerAsync());
        Assert.Empty(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.Gt06Imei), Instant.MinValue, Instant.MaxValue));
        var refused = Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync());
        Assert.Equal((RunningServer.Gt06Imei, "h02", RefusalReason.WrongProtocol), (refused.DeviceId, refused.Protocol, refused.Reason));
    }

    private HttpClient Client(string? secret)
    {
        var client = new HttpClient { BaseAddress = _server.OsmAnd.BaseAddress };
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }

    /// <summary>Counts this server's refusals by reason, from its own pipeline's counter (other servers in the test
    /// process have their own).</summary>
    private sealed class RefusalCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

        public RefusalCounter(RunningServer server)
        {
            var refused = server.App.Services.GetRequiredService<IngestPipeline>().Metrics.Refused;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument, refused))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason")
                    {
                        _counts.AddOrUpdate((string)tag.Value!, value, (_, count) => count + value);
                    }
                }
            });
            _listener.Start();
        }

        public long this[string reason] => _counts.GetValueOrDefault(reason);

        public void Dispose() => _listener.Dispose();
    }
}
