using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Audit;
using Tagwatch.Server.Security;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Api;

/// <summary>Signing in and out, the session's own account, password change and the second factor.</summary>
internal static class SessionApi
{
    public sealed record SignInRequest(string Username, string Password, string? Code);

    public sealed record PasswordChange(string Current, string Replacement);

    public sealed record CodeRequest(string Code);

    public static void MapSessionApi(this IEndpointRouteBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Session");
        // Throttled by failures (SignInThrottle), not by the rate limiter, which would count successful sign-ins too.
        session.MapPost("/", SignInAsync).AllowAnonymous().WithName("SignIn");
        session.MapGet("/", MeAsync).RequireAuthorization().WithName("GetSession");
        session.MapGet("/oidc", (string? returnUrl, ServerOptions options) => OidcSignIn.Challenge(returnUrl, options)).AllowAnonymous()
            .RequireRateLimiting(AuthenticationSetup.SignInLimit).WithName("SignInWithProvider")
            .WithDescription("Redirects to the configured OpenID Connect provider; on return the session cookie is set and the browser goes to returnUrl (a local path).");
        session.MapDelete("/", async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthenticationSetup.SessionScheme);
            return Results.NoContent();
        }).RequireAuthorization().WithName("SignOut");
        session.MapPost("/password", ChangePasswordAsync).RequireAuthorization().WithName("ChangePassword");
        session.MapPost("/totp", async (HttpContext http, UserAccounts accounts) =>
        {
            var actor = await http.RequiredActorAsync();
            string key = await accounts.ResetAuthenticatorKeyAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.RequestAborted);
            return Results.Ok(new { key, uri = $"otpauth://totp/Tagwatch:{Uri.EscapeDataString(actor.Username)}?secret={key}&issuer=Tagwatch&digits=6" });
        }).RequireAuthorization().WithName("StartSecondFactor");
        session.MapPost("/totp/confirm", async (HttpContext http, CodeRequest body, UserAccounts accounts) =>
            await accounts.ConfirmAuthenticatorAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, body.Code ?? "", http.RequestAborted)
                ? Results.NoContent()
                : ApiProblems.Invalid("code", "the code does not match the authenticator; check the phone's clock and try the next code"))
            .RequireAuthorization().WithName("ConfirmSecondFactor");
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInRequest body, UserAccounts accounts, IAuditLog audit, IAntiforgery antiforgery, SignInThrottle throttle)
    {
        string address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(address) is { } wait)
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                detail: $"Too many failed sign-ins from this address; try again in {seconds} s.");
        }

        if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
        {
            return ApiProblems.Invalid(string.IsNullOrWhiteSpace(body.Username) ? "username" : "password", "required");
        }

        if (body.Username.Length > StatedText.MaxName || body.Password.Length > StatedText.MaxReason || body.Code?.Length > 16)
        {
            return ApiProblems.Invalid("username", "too long");
        }

        var (outcome, userId, stamp) = await accounts.CheckSignInAsync(body.Username, body.Password, body.Code, http.RequestAborted);
        if (outcome != SignInOutcome.Succeeded)
        {
            throttle.Failed(address);
            await audit.AppendAsync(new AuditEvent(body.Username, "-", AuditActions.SignInFailed, "user", body.Username, outcome.ToString()), http.RequestAborted);
            return outcome switch
            {
                SignInOutcome.LockedOut => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account locked",
                    detail: $"Too many failed sign-ins; try again in {IdentitySetup.LockoutDuration.TotalMinutes} minutes or ask an administrator to reset the password."),
                SignInOutcome.SecondFactorRequired => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Second factor required",
                    detail: "Send the 6-digit code from the authenticator app as 'code'.", extensions: new Dictionary<string, object?> { ["second_factor_required"] = true }),
                _ => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The user name or password (or code) is wrong, or the account is disabled."),
            };
        }

        var account = await accounts.GetAsync(body.Username, http.RequestAborted);
        var principal = AuthenticationSetup.SessionPrincipal(userId!, stamp, account.MustChangePassword);
        await http.SignInAsync(AuthenticationSetup.SessionScheme, principal);
        http.User = principal;
        await audit.AppendAsync(new AuditEvent(account.Username, account.Role.ToString(), AuditActions.SignIn, "user", account.Username, "session started"), http.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Results.Ok(new { username = account.Username, role = account.Role.ToString(), must_change_password = account.MustChangePassword, csrf_token = tokens.RequestToken });
    }

    private static async Task<IResult> MeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var actor = await http.RequiredActorAsync();
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Results.Ok(new
        {
            username = actor.Username,
            role = actor.Role.ToString(),
            boroughs = actor.Boroughs.Order(StringComparer.Ordinal),
            caseload = actor.Caseload.Order(StringComparer.Ordinal),
            permissions = Core.Access.AccessPolicy.PermissionsOf(actor.Role).Select(p => p.ToString()).Order(StringComparer.Ordinal),
            csrf_token = tokens.RequestToken,
        });
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, PasswordChange body, UserAccounts accounts, IAuditLog audit)
    {
        var actor = await http.RequiredActorAsync();
        string userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        try
        {
            await accounts.ChangePasswordAsync(userId, body.Current ?? "", body.Replacement ?? "", http.RequestAborted);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Invalid("replacement", Core.UserMessages.Of(e));
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", actor.Username, "own password changed"), http.RequestAborted);
        if (http.User.Identity?.AuthenticationType == AuthenticationSetup.SessionScheme)
        {
            // The change renewed the security stamp (ending other sessions); this one continues on the new stamp.
            string? stamp = await accounts.SecurityStampAsync(userId, http.RequestAborted);
            await http.SignInAsync(AuthenticationSetup.SessionScheme, AuthenticationSetup.SessionPrincipal(userId, stamp, mustChangePassword: false));
        }

        return Results.NoContent();
    }
}
