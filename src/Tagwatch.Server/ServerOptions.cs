using System.Net;

namespace Tagwatch.Server;

/// <summary>What <c>tagwatch serve</c> listens on and how it treats devices; bound from the <c>Tagwatch:Server</c>
/// configuration section (appsettings.json, <c>TAGWATCH__SERVER__…</c> environment variables) and command-line options.</summary>
public sealed record ServerOptions
{
    /// <summary>The SQLite database file.</summary>
    public string Database { get; init; } = "tagwatch.db";

    /// <summary>Addresses of the API and health endpoints, e.g. <c>http://127.0.0.1:5000</c> or <c>https://0.0.0.0:443</c>
    /// (several separated by ';'); an https address needs a certificate (<see cref="Tls"/>).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>Address the device listeners bind to; 127.0.0.1 by default, 0.0.0.0 to take devices from the network.</summary>
    public string DeviceAddress { get; init; } = "127.0.0.1";

    /// <summary>OsmAnd HTTP port (0 turns the listener off).</summary>
    public int OsmAndPort { get; init; } = Protocols.Devices.DeviceProtocols.OsmAnd.DefaultPort;

    /// <summary>GT06 TCP port (0 turns the listener off).</summary>
    public int Gt06Port { get; init; } = Protocols.Devices.DeviceProtocols.Gt06.DefaultPort;

    /// <summary>H02 TCP port (0 turns the listener off).</summary>
    public int H02Port { get; init; } = Protocols.Devices.DeviceProtocols.H02.DefaultPort;

    /// <summary>Ports of device protocols without an option of their own, by protocol name (section <c>DevicePorts</c>,
    /// e.g. <c>Tagwatch:Server:DevicePorts:tk103=5002</c>); a protocol not named here is served on its default port.</summary>
    public IReadOnlyDictionary<string, int> DevicePorts { get; init; } = new Dictionary<string, int>();

    /// <summary>What to do with a GT06 frame whose CRC does not match: <c>AcceptAndFlag</c> (store it flagged) or <c>Reject</c>.</summary>
    public BadChecksumPolicy BadChecksum { get; init; } = BadChecksumPolicy.AcceptAndFlag;

    /// <summary>Length of H02 binary messages (32 or 45) when known; 0 to detect it.</summary>
    public int H02BinaryLength { get; init; }

    /// <summary>A device connection silent this long is closed (devices send heartbeats every few minutes).</summary>
    public TimeSpan DeviceIdleTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Most simultaneous device connections from one address.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 64;

    /// <summary>Most frames one device connection may send per minute before it is closed as a flood; high enough for a
    /// device emptying a week of stored fixes after an outage.</summary>
    public int MaxFramesPerMinute { get; init; } = 12_000;

    /// <summary>Most requests per second one address may make to the OsmAnd and batch endpoints (0 for no limit).</summary>
    public int MaxRequestsPerSecondPerAddress { get; init; } = 200;

    /// <summary>Largest OsmAnd request body, bytes.</summary>
    public int MaxOsmAndBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Largest batch upload body, bytes.</summary>
    public int MaxBatchBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Networks (CIDR, e.g. <c>10.20.0.0/16</c>) of device gateways trusted to vouch for their devices: a
    /// mobile operator's private APN or a vendor's platform on a private link. OsmAnd requests whose sender address is in
    /// one are accepted without a device credential (still only for tags registered for OsmAnd). Empty by default:
    /// every OsmAnd request then needs its device's credential. See docs/deployment.md, "Device credentials".</summary>
    public IReadOnlyList<string> DeviceGatewayNetworks { get; init; } = [];

    /// <summary>Sign-in through a force's or probation's OpenID Connect provider (section <c>Oidc</c>); off unless an authority is set.</summary>
    public OidcOptions Oidc { get; init; } = new();

    /// <summary>How long each kind of data is kept (section <c>Retention</c>); purged daily.</summary>
    public Application.Retention.RetentionPolicy Retention { get; init; } = new();

    /// <summary>A signed-in session ends after this many minutes without a request.</summary>
    public int SessionIdleMinutes { get; init; } = 30;

    /// <summary>A signed-in session ends this many hours after sign-in, however active it has been (absolute lifetime).</summary>
    public int SessionLifetimeHours { get; init; } = 12;

    /// <summary>Sign-in attempts allowed per address per minute (accounts also lock after five failures).</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>HTTPS and TLS: the certificate, device listeners over TLS, secure cookies, HSTS (section <c>Tls</c>).</summary>
    public TlsOptions Tls { get; init; } = new();

    /// <summary>Reverse proxies whose forwarded headers are believed (section <c>Proxies</c>).</summary>
    public ProxyOptions Proxies { get; init; } = new();

    /// <summary>The bearer token a Prometheus scraper must send to read <c>/metrics</c>; empty (the default) turns
    /// <c>/metrics</c> off.</summary>
    public string MetricsToken { get; init; } = "";

    /// <summary>How often the background workers run (section <c>Workers</c>).</summary>
    public WorkerOptions Workers { get; init; } = new();

    /// <summary>How often a quiet live alert stream sends a comment line, so proxies keep it open and a withdrawn
    /// account's stream ends even when no alert comes.</summary>
    public TimeSpan AlertStreamHeartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The https addresses among <see cref="Urls"/>.</summary>
    public IEnumerable<string> HttpsUrls => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The port <paramref name="protocol"/> is served on (0: not served). GT06, H02 and OsmAnd keep the options
    /// they have always had (<see cref="Gt06Port"/>…); any other protocol's port is in <see cref="DevicePorts"/>.</summary>
    public int PortOf(Protocols.Devices.DeviceProtocol protocol) => protocol.Name switch
    {
        _ when !protocol.IsServed => 0,
        "osmand" => OsmAndPort,
        "gt06" => Gt06Port,
        "h02" => H02Port,
        _ => DevicePorts.FirstOrDefault(p => string.Equals(p.Key, protocol.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } configured
            ? configured.Value
            : protocol.DefaultPort,
    };

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem <see cref="Validate"/> finds.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid server options:\n  " + string.Join("\n  ", problems));
        }
    }

    /// <summary>Checks the options, naming every problem.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (string url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Port is < 0 or > 65535)
            {
                problems.Add($"urls: '{url}' is not an http://host:port or https://host:port address");
            }
        }

        if (!IPAddress.TryParse(DeviceAddress, out _))
        {
            problems.Add($"device-address: '{DeviceAddress}' is not an IP address");
        }

        foreach (var protocol in Protocols.Devices.DeviceProtocols.Served)
        {
            int port = PortOf(protocol);
            if (port is < 0 or > 65535)
            {
                problems.Add($"{protocol.Name}-port: {port} is not a port number (0 turns the listener off)");
            }
        }

        var used = Protocols.Devices.DeviceProtocols.Served.Select(PortOf).Where(p => p > 0).ToList();
        if (used.Count != used.Distinct().Count())
        {
            problems.Add("device ports must differ from each other");
        }

        foreach (string network in DeviceGatewayNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                problems.Add($"device-gateway-networks: '{network}' is not a network in CIDR notation such as 10.20.0.0/16");
            }
        }

        if (H02BinaryLength is not (0 or 32 or 45))
        {
            problems.Add($"h02-binary-length: {H02BinaryLength} is not 0, 32 or 45");
        }

        if (DeviceIdleTimeout <= TimeSpan.Zero || MaxConnectionsPerAddress < 1 || MaxFramesPerMinute < 1 || MaxRequestsPerSecondPerAddress < 0 || MaxOsmAndBodyBytes < 1024 || MaxBatchBodyBytes < 1024)
        {
            problems.Add("device limits must be positive (idle timeout, connections per address, frames per minute, body sizes ≥ 1 KiB)");
        }

        if (SessionIdleMinutes is < 1 or > 24 * 60)
        {
            problems.Add($"session-idle-minutes: {SessionIdleMinutes} must be between 1 and 1440");
        }

        if (SessionLifetimeHours is < 1 or > 7 * 24 || SessionLifetimeHours * 60 < SessionIdleMinutes)
        {
            problems.Add($"session-lifetime-hours: {SessionLifetimeHours} must be between 1 and 168, and not shorter than the idle timeout");
        }

        if (MetricsToken.Length is > 0 and < 16)
        {
            problems.Add("metrics-token: at least 16 characters (a random secret shared with the Prometheus scraper)");
        }

        if (SignInAttemptsPerMinute < 1)
        {
            problems.Add($"sign-in-attempts-per-minute: {SignInAttemptsPerMinute} must be at least 1");
        }

        problems.AddRange(Tls.Validate(HttpsUrls.Any()));
        problems.AddRange(Proxies.Validate());
        problems.AddRange(Retention.Validate());
        problems.AddRange(Oidc.Validate());
        problems.AddRange(Workers.Validate());
        if (AlertStreamHeartbeat <= TimeSpan.Zero)
        {
            problems.Add($"alert-stream-heartbeat: {AlertStreamHeartbeat} must be positive");
        }

        return problems;
    }
}

/// <summary>What to do with a frame whose checksum does not match.</summary>
public enum BadChecksumPolicy
{
    /// <summary>Store it with <c>BadChecksum</c> flagged, and acknowledge it.</summary>
    AcceptAndFlag,

    /// <summary>Drop it unacknowledged (the device sends it again).</summary>
    Reject,
}

/// <summary>
/// An OpenID Connect identity provider. The provider proves who someone is; their Tagwatch account (looked up by
/// <see cref="UsernameClaim"/>) decides what they may do, so an unknown or disabled account cannot sign in.
/// </summary>
public sealed record OidcOptions
{
    /// <summary>The provider's issuer URL; empty turns OpenID Connect off.</summary>
    public string Authority { get; init; } = "";

    public string ClientId { get; init; } = "";

    public string ClientSecret { get; init; } = "";

    /// <summary>The ID-token claim holding the Tagwatch user name.</summary>
    public string UsernameClaim { get; init; } = "preferred_username";

    /// <summary>False only for a provider on loopback in development and tests.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IReadOnlyList<string> Validate()
    {
        if (!Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && RequireHttpsMetadata))
        {
            problems.Add($"oidc:authority: '{Authority}' is not an https:// URL");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("oidc:client-id: required when an authority is set");
        }

        if (string.IsNullOrWhiteSpace(UsernameClaim))
        {
            problems.Add("oidc:username-claim: required");
        }

        return problems;
    }
}
