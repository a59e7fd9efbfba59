using System.Collections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Tagwatch.Server.Devices;

/// <summary>
/// Kestrel with the raw TCP device ports (GT06, H02) kept out of its HTTP address list: the host then says "Now listening
/// on: http://…" only for HTTP, and this logs each device port as what it is ("GT06 device listener on tcp://…").
/// </summary>
internal sealed partial class DeviceListenerServer : IServer
{
    private readonly IServer _inner;
    private readonly IReadOnlyList<(string Protocol, string Address, int Port)> _devicePorts;
    private readonly ILogger<DeviceListenerServer> _logger;
    private readonly FeatureCollection _features;

    public DeviceListenerServer(IServer inner, IReadOnlyList<(string Protocol, string Address, int Port)> devicePorts, ILogger<DeviceListenerServer> logger)
    {
        _inner = inner;
        _devicePorts = devicePorts;
        _logger = logger;
        _features = new FeatureCollection(inner.Features);
        if (inner.Features.Get<IServerAddressesFeature>() is { } addresses)
        {
            _features.Set<IServerAddressesFeature>(new HttpAddresses(addresses, devicePorts.Select(d => d.Port).ToHashSet()));
        }
    }

    public IFeatureCollection Features => _features;

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        await _inner.StartAsync(application, cancellationToken);
        foreach (var (protocol, address, port) in _devicePorts)
        {
            DeviceListener(_logger, protocol, address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address, port);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _inner.StopAsync(cancellationToken);

    public void Dispose() => _inner.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} device listener on tcp://{Host}:{Port}")]
    private static partial void DeviceListener(ILogger logger, string protocol, string host, int port);

    /// <summary>The server's addresses without the device ports; changes pass through to the server's own list.</summary>
    private sealed class HttpAddresses(IServerAddressesFeature inner, HashSet<int> devicePorts) : IServerAddressesFeature, ICollection<string>
    {
        public ICollection<string> Addresses => this;

        public bool PreferHostingUrls
        {
            get => inner.PreferHostingUrls;
            set => inner.PreferHostingUrls = value;
        }

        public int Count => Http().Count();

        public bool IsReadOnly => inner.Addresses.IsReadOnly;

        public void Add(string item) => inner.Addresses.Add(item);

        public void Clear() => inner.Addresses.Clear();

        public bool Contains(string item) => Http().Contains(item);

        public void CopyTo(string[] array, int arrayIndex) => Http().ToList().CopyTo(array, arrayIndex);

        public bool Remove(string item) => inner.Addresses.Remove(item);

        public IEnumerator<string> GetEnumerator() => Http().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerable<string> Http() =>
            inner.Addresses.Where(a => !(Uri.TryCreate(a, UriKind.Absolute, out var uri) && devicePorts.Contains(uri.Port)));
    }
}
