using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Tagwatch.Server.Security;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed from the configured proxies only (ASP.NET Core's
/// forwarded-headers middleware). Its defaults trust loopback; they are cleared, so only what is configured counts.
/// </summary>
internal static class ForwardedProxies
{
    public static void AddForwardedProxies(this IServiceCollection services, ProxyOptions proxies) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (string proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (string network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through the chain of forwarded addresses while each hop is a listed proxy: the first address
            // not listed is the client, however many listed proxies the request passed through.
            o.ForwardLimit = null;
        });
}
