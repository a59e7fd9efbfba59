using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;

namespace Tagwatch.Server.Security;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorisation code with PKCE). The provider's token names the person;
/// their Tagwatch account must exist and be enabled, and the session that follows is the same as a password session.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "Oidc";

    public static void AddOidc(this AuthenticationBuilder authentication, OidcOptions oidc, CookieSecurePolicy secure) =>
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;

            // The answer comes back as a top-level GET, so the Lax correlation and nonce cookies travel with it.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = secure;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = secure;
            o.SignInScheme = AuthenticationSetup.SessionScheme;
            o.CallbackPath = "/signin-oidc";
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var accounts = services.GetRequiredService<IUserAccounts>();
                var audit = services.GetRequiredService<IAuditLog>();
                string? username = context.Principal?.FindFirst(oidc.UsernameClaim)?.Value;
                var account = username is null ? null : (await accounts.ListAsync(username, context.HttpContext.RequestAborted)).SingleOrDefault();
                if (account is null || account.Disabled)
                {
                    await audit.AppendAsync(new AuditEvent(username ?? "(none)", "-", AuditActions.SignInFailed, "user", username, $"OpenID Connect: {(account is null ? "no Tagwatch account" : "account disabled")}"));
                    context.Fail($"The identity provider's user '{username}' has no enabled Tagwatch account; an administrator must create it first.");
                    return;
                }

                context.Principal = await Sessions.StartAsync(context.HttpContext, account.Id, mustChangePassword: false);
                await audit.AppendAsync(new AuditEvent(account.Username, account.Role.ToString(), AuditActions.SignIn, "user", account.Username, $"session started through OpenID Connect ({oidc.Authority})"));
            };
            o.Events.OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Sign-in through the identity provider failed", detail: context.Failure?.Message)
                    .ExecuteAsync(context.HttpContext);
            };
        });

    /// <summary><c>GET /api/v1/session/oidc?returnUrl=/</c>: starts sign-in at the provider; only local return addresses are followed.</summary>
    public static IResult Challenge(string? returnUrl, ServerOptions options)
    {
        if (!options.Oidc.Enabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not configured", detail: "No OpenID Connect provider is configured (Tagwatch:Server:Oidc).");
        }

        string target = returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/api/v1/session";
        return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [Scheme]);
    }
}
