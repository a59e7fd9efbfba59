using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Ingest;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Server.Devices;

/// <summary>The server's device listeners, one per protocol of <see cref="DeviceProtocols"/> served on a port: a TCP
/// framed protocol gets a <see cref="DeviceConnectionHandler"/>, an HTTP one its endpoint in <see cref="HttpEndpoints"/>.</summary>
internal static class DeviceListeners
{
    /// <summary>The endpoint of each HTTP device protocol; an HTTP protocol needs one here to be served.</summary>
    public static readonly IReadOnlyDictionary<string, Func<HttpContext, ServerOptions, TimeProvider, Task>> HttpEndpoints =
        new Dictionary<string, Func<HttpContext, ServerOptions, TimeProvider, Task>>(StringComparer.Ordinal)
        {
            [DeviceProtocols.OsmAnd.Name] = (http, options, clock) => OsmAndEndpoint.HandleAsync(
                http, http.RequestServices.GetRequiredService<IngestPipeline>(), http.RequestServices.GetRequiredService<DeviceProofReader>(), options, clock),
        };

    /// <summary>Each served protocol with the port it listens on (protocols turned off, port 0, left out).</summary>
    public static IEnumerable<(DeviceProtocol Protocol, int Port)> Enabled(ServerOptions options) =>
        DeviceProtocols.Served.Select(p => (p, options.PortOf(p))).Where(p => p.Item2 > 0);

    /// <summary>The port each device protocol is served on: a tag's messages are accepted only there.</summary>
    public static Dictionary<string, IReadOnlySet<int>> Ports(ServerOptions options) =>
        Enabled(options).ToDictionary(p => p.Protocol.Name, p => (IReadOnlySet<int>)new HashSet<int> { p.Port }, StringComparer.Ordinal);

    /// <summary>The raw TCP device ports, for the log (they are not HTTP addresses).</summary>
    public static List<(string Protocol, string Address, int Port)> TcpPorts(ServerOptions options) =>
        [.. Enabled(options).Where(p => p.Protocol.Transport == DeviceTransport.TcpFramed).Select(p => (p.Protocol.Label, options.DeviceAddress, p.Port))];

    /// <summary>The HTTP device ports.</summary>
    public static IReadOnlySet<int> HttpPorts(ServerOptions options) =>
        Enabled(options).Where(p => p.Protocol.Transport == DeviceTransport.Http).Select(p => p.Port).ToHashSet();

    /// <summary>Opens every device port on Kestrel.</summary>
    public static void Listen(KestrelServerOptions kestrel, ServerOptions options, X509Certificate2? certificate)
    {
        var address = IPAddress.Parse(options.DeviceAddress);
        foreach (var (protocol, port) in Enabled(options))
        {
            kestrel.Listen(address, port, listen =>
            {
                if (options.Tls.For(protocol))
                {
                    listen.UseHttps(certificate!);
                }

                if (protocol.Transport == DeviceTransport.TcpFramed)
                {
                    var handler = ActivatorUtilities.CreateInstance<DeviceConnectionHandler>(listen.ApplicationServices, protocol);
                    listen.Run(handler.OnConnectedAsync);
                }
            });
        }
    }

    /// <summary>Serves each HTTP device port with its protocol's endpoint alone, whatever the path.</summary>
    public static void MapHttp(WebApplication app, ServerOptions options, TimeProvider clock)
    {
        foreach (var (protocol, port) in Enabled(options).Where(p => p.Protocol.Transport == DeviceTransport.Http))
        {
            var endpoint = HttpEndpoints[protocol.Name];
            app.MapWhen(
                http => http.Connection.LocalPort == port,
                device =>
                {
                    device.UseRateLimiter();
                    device.Run(http => endpoint(http, options, clock));
                });
        }
    }
}
