using System.Net;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

public sealed class OidcSignInTests
{
    private static HttpClient Browser(SeededApi api) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true }) { BaseAddress = api.Server.Api.BaseAddress };

    [Fact]
    public async Task A_person_the_provider_vouches_for_signs_in_as_their_tagwatch_account_and_nobody_else_does()
    {
        await using var provider = await FakeIdentityProvider.StartAsync();
        await using var api = await SeededApi.StartAsync(o => o with
        {
            Oidc = new OidcOptions { Authority = provider.Issuer, ClientId = FakeIdentityProvider.ClientId, ClientSecret = "secret", RequireHttpsMetadata = false },
        });

        provider.User = "mo.centre";
        using var monitor = Browser(api);
        var session = await monitor.GetAsync("/api/v1/session/oidc?returnUrl=/api/v1/session");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var me = JsonDocument.Parse(await session.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("mo.centre", "monitoring_officer"), (me.GetProperty("username").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/api/v1/alerts")).StatusCode);

        provider.User = "stranger";
        using var stranger = Browser(api);
        var refused = await stranger.GetAsync("/api/v1/session/oidc?returnUrl=/api/v1/session");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("no enabled Tagwatch account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/alerts")).StatusCode);

        var audit = await api.Server.Services.Audit.SearchAsync(new(Action: "sign."));
        Assert.Contains(audit, e => e.Event is { Action: "sign.in", Actor: "mo.centre" } && e.Event.Data.Contains("OpenID Connect", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Event is { Action: "sign.in.failed", Actor: "stranger" });
    }

    [Fact]
    public async Task Without_a_provider_the_endpoint_says_so_and_a_bad_configuration_stops_the_start()
    {
        await using var api = await SeededApi.StartAsync();

        var response = await api.Server.Api.GetAsync("/api/v1/session/oidc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No OpenID Connect provider", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var problems = new ServerOptions { Oidc = new OidcOptions { Authority = "http://idp.example" } }.Validate();
        Assert.Contains("oidc:authority: 'http://idp.example' is not an https:// URL", problems);
        Assert.Contains("oidc:client-id: required when an authority is set", problems);
    }
}
