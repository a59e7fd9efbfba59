using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tagwatch.Application.Accounts;

namespace Tagwatch.Server.Security;

/// <summary>
/// <c>Authorization: Bearer twp_…</c>: a personal API token acts as its owner. Device credentials (<c>twd_…</c>) are not
/// tokens here, so a device can never read through the API.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiTokens accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerSecret(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        string? userId = await accounts.ResolveTokenAsync(secret, Context.RequestAborted);
        if (userId is null)
        {
            return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired, or is not a personal API token.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.AuthenticationMethod, "token")], Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    /// <summary>The secret of an <c>Authorization: Bearer …</c> header, or null when there is none.</summary>
    public static string? BearerSecret(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
