using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Core.Access;
using Tagwatch.Server.Api.Users;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Signing in and out, the session's own account, password change and the second factor.</summary>
internal static class SessionApi
{
    public sealed record SignInRequest(string? Username, string? Password, string? Code);

    public sealed record PasswordChange(string? Current, string? Replacement);

    public sealed record CodeRequest(string? Code);

    public sealed record ReauthenticationRequest(string? Password, string? Code);

    public static void MapSessionApi(this IEndpointRouteBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Session");
        // Throttled by failures (SignInThrottle), not by the rate limiter, which would count successful sign-ins too.
        session.MapPost("/", SignInAsync).AllowAnonymous().WithName("SignIn");
        session.MapGet("/", MeAsync).RequireAuthorization().WithName("GetSession");
        session.MapGet("/oidc", (string? returnUrl, ServerOptions options) => OidcSignIn.Challenge(returnUrl, options)).AllowAnonymous()
            .RequireRateLimiting(AuthenticationSetup.SignInLimit).WithName("SignInWithProvider")
            .WithDescription("Redirects to the configured OpenID Connect provider; on return the session cookie is set and the browser goes to returnUrl (a local path).");
        session.MapDelete("/", (Delegate)SignOutAsync).RequireAuthorization().WithName("SignOut");
        session.MapPost("/password", ChangePasswordAsync).RequireAuthorization().WithName("ChangePassword");
        session.MapPost("/totp", StartSecondFactorAsync).RequireAuthorization().WithName("StartSecondFactor")
            .WithDescription("From a signed-in session only, with the password and (when a second factor is on) a current code: a new authenticator key; the second factor is off until confirmed.");
        session.MapPost("/totp/confirm", ConfirmSecondFactorAsync).RequireAuthorization().WithName("ConfirmSecondFactor")
            .WithDescription("From a signed-in session only: turns the second factor on once a code from the new key matches. The session continues; the account's other sessions end.");
    }

    private static async Task<Results<Ok<SignedInResponse>, ProblemHttpResult>> SignInAsync(HttpContext http, SignInRequest body, PasswordSignIn passwordSignIn, IAntiforgery antiforgery)
    {
        var outcome = await passwordSignIn.SignInAsync(http, body.Username, body.Password, body.Code);
        switch (outcome.Result)
        {
            case PasswordSignInResult.Throttled:
                int seconds = Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                    detail: $"Too many failed sign-ins from this address; try again in {seconds} s.");
            case PasswordSignInResult.Invalid:
                return UseCaseAnswers.Problem(outcome.Failure!);
            case PasswordSignInResult.SecondFactorRequired:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Second factor required",
                    detail: "Send the 6-digit code from the authenticator app as 'code'.", extensions: new Dictionary<string, object?> { ["second_factor_required"] = true });
            case PasswordSignInResult.Failed:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: PasswordSignIn.FailedMessage);
            default:
                var account = outcome.Account!;
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new SignedInResponse(account.Username, account.Role, account.MustChangePassword, tokens.RequestToken));
        }
    }

    private static async Task<Ok<SessionResponse>> MeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var actor = await http.RequiredActorAsync();
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new SessionResponse(
            actor.Username, actor.Role, actor.Boroughs.Order(StringComparer.Ordinal).ToList(), actor.Caseload.Order(StringComparer.Ordinal).ToList(),
            AccessPolicy.PermissionsOf(actor.Role).OrderBy(p => p.ToString(), StringComparer.Ordinal).ToList(), tokens.RequestToken));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http)
    {
        await Sessions.EndAsync(http);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(HttpContext http, PasswordChange body, PasswordSignIn passwordSignIn) =>
        await passwordSignIn.ChangeOwnPasswordAsync(http, body.Current, body.Replacement) is { } failure
            ? UseCaseAnswers.Problem(failure)
            : TypedResults.NoContent();

    /// <summary>A new authenticator key (<see cref="SecondFactorEnrolment.StartAsync"/>); the second factor is off until confirmed.</summary>
    private static async Task<Results<Ok<AuthenticatorKeyResponse>, ProblemHttpResult>> StartSecondFactorAsync(HttpContext http, ReauthenticationRequest body, SecondFactorEnrolment enrolment)
    {
        var actor = await http.RequiredActorAsync();
        if (!Sessions.IsSession(http.User))
        {
            return InteractiveSessionRequired();
        }

        var result = await enrolment.StartAsync(http, actor, body.Password, body.Code);
        return result.Succeeded ? TypedResults.Ok(new AuthenticatorKeyResponse(result.Value.Key, result.Value.Uri)) : UseCaseAnswers.Problem(result.Failure);
    }

    /// <summary>Turns the second factor on (<see cref="SecondFactorEnrolment.ConfirmAsync"/>).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmSecondFactorAsync(HttpContext http, CodeRequest body, SecondFactorEnrolment enrolment)
    {
        var actor = await http.RequiredActorAsync();
        if (!Sessions.IsSession(http.User))
        {
            return InteractiveSessionRequired();
        }

        return await enrolment.ConfirmAsync(http, actor, body.Code) is { } failure ? UseCaseAnswers.Problem(failure) : TypedResults.NoContent();
    }

    private static ProblemHttpResult InteractiveSessionRequired() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Signed-in session required",
        detail: "The second factor is changed only from a signed-in session (POST /api/v1/session), never with an API token.");
}
