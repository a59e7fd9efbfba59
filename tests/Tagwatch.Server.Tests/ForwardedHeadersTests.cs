using System.Net;
using System.Net.Http.Json;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

/// <summary>X-Forwarded-For and X-Forwarded-Proto are believed from the configured proxies only.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignInThrottle_BehindAListedProxy_CountsEachForwardedClientApart()
    {
        await using var server = await RunningServer.StartAsync(o => o with { SignInAttemptsPerMinute = 2, Proxies = new ProxyOptions { KnownProxies = ["127.0.0.1"] } });

        await FailSignInAsync(server, "203.0.113.5");
        await FailSignInAsync(server, "203.0.113.5");
        var sameClient = await FailSignInAsync(server, "203.0.113.5");
        var otherClient = await FailSignInAsync(server, "203.0.113.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameClient.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherClient.StatusCode);
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData(null)]
    public async Task SignInThrottle_FromAnUnlistedAddress_IgnoresItsForwardedFor(string? listedProxy)
    {
        await using var server = await RunningServer.StartAsync(o => o with
        {
            SignInAttemptsPerMinute = 2,
            Proxies = listedProxy is null ? new ProxyOptions() : new ProxyOptions { KnownProxies = [listedProxy] },
        });

        await FailSignInAsync(server, "203.0.113.5");
        await FailSignInAsync(server, "203.0.113.6");
        var third = await FailSignInAsync(server, "203.0.113.7");

        // Every attempt counted against the real peer, 127.0.0.1, whatever the header claimed.
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("192.0.2.1", false)]
    public async Task ForwardedProto_Https_FromAListedProxyOnly_MakesTheCookieSecureAndSendsHsts(string listedProxy, bool believed)
    {
        await using var server = await RunningServer.StartAsync(
            o => o with { Proxies = new ProxyOptions { KnownProxies = [listedProxy] } },
            services => services.Accounts.CreateAsync(new NewUser("mo.centre", Role.MonitoringOfficer, [], []), Password));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session") { Content = JsonContent.Create(new { username = "mo.centre", password = Password }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var signIn = await server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        string session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tagwatch.session=", StringComparison.Ordinal));
        Assert.Equal(believed, session.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(believed, signIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Validate_AProxyThatIsNotAnAddressOrNetwork_IsNamed()
    {
        var problems = new ServerOptions { Proxies = new ProxyOptions { KnownProxies = ["proxy.local"], KnownNetworks = ["10.0.0.0/99"] } }.Validate();

        Assert.Contains(problems, p => p.Contains("'proxy.local' is not an IP address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'10.0.0.0/99' is not a network", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> FailSignInAsync(RunningServer server, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session") { Content = JsonContent.Create(new { username = "nobody", password = "wrong wrong wrong" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await server.Api.SendAsync(request);
    }
}
