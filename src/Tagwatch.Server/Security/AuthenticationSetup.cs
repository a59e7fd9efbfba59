using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Core.Access;
using Tagwatch.Server.Web;

namespace Tagwatch.Server.Security;

/// <summary>Authentication (session cookie or personal API token), the permission policies, and sign-in throttling.</summary>
internal static class AuthenticationSetup
{
    /// <summary>The session cookie's scheme.</summary>
    public const string SessionScheme = "Session";

    /// <summary>The claim marking a session that must change its one-time password before anything else.</summary>
    public const string MustChangePasswordClaim = "tagwatch:must_change_password";

    /// <summary>The claim holding the account's security stamp when the session began.</summary>
    public const string StampClaim = "tagwatch:stamp";

    /// <summary>The rate-limit policy of the provider sign-in endpoint (password sign-in is throttled by failures).</summary>
    public const string SignInLimit = "sign-in";

    private const string SelectorScheme = "Tagwatch";

    private const string SessionCookie = "tagwatch.session";

    /// <summary>Sessions, tokens, sign-in and authorisation on the accounts the storage registration provides.</summary>
    public static void AddTagwatchSecurity(this IServiceCollection services, ServerOptions options)
    {
        services.AddHttpContextAccessor();
        // Cookies are Secure whenever the request came over HTTPS (directly or through a listed proxy), or always when
        // configured. The antiforgery cookie follows the request only: antiforgery refuses to work at all on a request it
        // sees as plain HTTP with an Always policy, and its cookie is worthless without the session cookie beside it.
        var secure = options.Tls.AlwaysSecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfProtection.HeaderName;
            o.Cookie.Name = "tagwatch.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "session or token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiTokenAuthenticationHandler.Scheme : SessionScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.Scheme, null)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionIdleMinutes);
                o.SlidingExpiration = true;
                // A page sends the browser to sign in (saying so when a session had ended) and back; the API answers 401.
                o.Events.OnRedirectToLogin = c => WebPaths.IsPage(c.Request)
                    ? Redirect(c.Response, WebPaths.SignInReturningTo(c.Request.PathBase + c.Request.Path + c.Request.QueryString, expired: c.Request.Cookies.ContainsKey(SessionCookie)))
                    : Status(c.Response, StatusCodes.Status401Unauthorized);
                // Refused pages and API calls both answer 403 (a page shows the refusal page through the status-code pages).
                o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async c =>
                {
                    // Signing out, the absolute lifetime, a password reset, a disabled account or a changed password end the session at once.
                    if (c.Principal is null || !await Sessions.IsCurrentAsync(c.Principal, c.HttpContext.RequestServices, c.HttpContext.RequestAborted))
                    {
                        c.RejectPrincipal();
                    }
                };
            });
        if (options.Oidc.Enabled)
        {
            authentication.AddOidc(options.Oidc, secure);
        }

        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization(o =>
        {
            o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(null)).Build();
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SecondFactorEnrolment>();

        // The provider sign-in's redirects have no outcome to count yet, so they are limited per request.
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    /// <summary>Until a one-time password is changed, the session may only change it (or sign out).</summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(MustChangePasswordClaim, "true") && WebPaths.IsPage(http.Request))
        {
            if (!http.Request.Path.StartsWithSegments(WebPaths.ChangePassword) && !http.Request.Path.StartsWithSegments(WebPaths.SignOut)
                && !http.Request.Path.StartsWithSegments("/error"))
            {
                http.Response.Redirect(WebPaths.ChangePassword);
                return;
            }
        }
        else if (http.User.HasClaim(MustChangePasswordClaim, "true") && !http.Request.Path.StartsWithSegments("/api/v1/session"))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
                detail: "This account signed in with a one-time password: change it with POST /api/v1/session/password first.").ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    private static Task Redirect(HttpResponse response, string location)
    {
        response.Redirect(location);
        return Task.CompletedTask;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
