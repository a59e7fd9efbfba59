using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tagwatch.Server.Tests;

/// <summary>
/// A minimal OpenID Connect provider on loopback for tests: discovery, keys, an authorisation endpoint that signs in
/// <see cref="User"/> at once, and a token endpoint issuing an RS256 ID token with the nonce it was given.
/// </summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "tagwatch";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _nonces = [];

    private FakeIdentityProvider(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = "";

    /// <summary>Who signs in next (the ID token's preferred_username).</summary>
    public string User { get; set; } = "";

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        int port = RunningServer.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1)); // the server under test keeps its back-channel connection open
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app) { Issuer = $"http://127.0.0.1:{port}" };
        provider.Map(app);
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private void Map(WebApplication app)
    {
        var key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (string redirect_uri, string state, string nonce) =>
        {
            string code = Guid.NewGuid().ToString("N");
            lock (_nonces)
            {
                _nonces[code] = nonce;
            }

            return Results.Redirect($"{redirect_uri}?code={code}&state={Uri.EscapeDataString(state)}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            string code = form["code"].ToString();
            string? nonce;
            lock (_nonces)
            {
                _nonces.Remove(code, out nonce);
            }

            if (nonce is null)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            string idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Subject = new ClaimsIdentity([new Claim("sub", User), new Claim("preferred_username", User), new Claim("nonce", nonce)]),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "unused", token_type = "Bearer", expires_in = 300 });
        });
    }
}
