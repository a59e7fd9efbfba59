using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Security;

/// <summary>
/// <c>Authorization: Bearer twp_…</c>: a personal API token acts as its owner. Device credentials (<c>twd_…</c>) are not
/// tokens here, so a device can never read through the API.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserAccounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        string secret = header["Bearer ".Length..].Trim();
        string? userId = await accounts.ResolveTokenAsync(secret, Context.RequestAborted);
        if (userId is null)
        {
            return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired, or is not a personal API token.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.AuthenticationMethod, "token")], Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }
}
