using System.Net;

namespace Tagwatch.Server;

/// <summary>
/// The reverse proxies in front of the server (section <c>Proxies</c> of <c>Tagwatch:Server</c>). Only a request
/// arriving from one of them has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed, so sign-in and
/// device limits apply to the real client's address and cookies know the request came over HTTPS. A header from any
/// other address is ignored: anyone can write one. Empty (the default): no forwarded header is believed.
/// </summary>
public sealed record ProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; init; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; init; } = [];

    /// <summary>Whether any proxy is configured.</summary>
    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>Checks the options, naming every problem.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        problems.AddRange(KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"proxies:known-proxies: '{p}' is not an IP address"));
        problems.AddRange(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"proxies:known-networks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/24)"));
        return problems;
    }
}
