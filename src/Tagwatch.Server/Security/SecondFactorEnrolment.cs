using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Security;

/// <summary>A new authenticator key: the base32 <paramref name="Key"/> to type in, or <paramref name="Uri"/> for a QR code.</summary>
internal sealed record AuthenticatorKey(string Key, string Uri);

/// <summary>
/// Turning on (or replacing) one's own second factor, from a signed-in session only: a new key needs what signing in
/// needs — the password and, when a second factor is on, a current code — because replacing it switches the second
/// factor off until confirmed; a token (an integration's, or a leaked one) can do neither step. One rule for the API's
/// <c>/session/totp</c> and the web's second-factor page; both steps audited.
/// </summary>
internal sealed class SecondFactorEnrolment(IAccountSignIn signIn, IAuditLog audit)
{
    /// <summary>Why a caller that is not a signed-in session is refused.</summary>
    public const string SessionRequired = "The second factor is changed only from a signed-in session, never with an API token.";

    /// <summary>A new key for the signed-in <paramref name="actor"/>, or the failure named by its field.</summary>
    public async Task<UseCaseResult<AuthenticatorKey>> StartAsync(HttpContext http, Actor actor, string? password, string? code)
    {
        if (!Sessions.IsSession(http.User))
        {
            return UseCaseFailure.Forbidden(SessionRequired);
        }

        if (string.IsNullOrEmpty(password) || password.Length > StatedText.MaxReason || code?.Length > 16)
        {
            return UseCaseFailure.Invalid("password", "required: the account's password (and 'code', the current authenticator code, when a second factor is on)");
        }

        var (outcome, _, _) = await signIn.CheckSignInAsync(actor.Username, password, code, http.RequestAborted);
        if (outcome != SignInOutcome.Succeeded)
        {
            await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.SignInFailed, "user", actor.Username, $"second factor change refused: {outcome}"), http.RequestAborted);
            return outcome == SignInOutcome.SecondFactorRequired
                ? UseCaseFailure.Invalid("code", "required: the current code from the authenticator app (the second factor is on)")
                : UseCaseFailure.Invalid("password", "the password or code is wrong (failures count towards locking the account)");
        }

        string key = await signIn.ResetAuthenticatorKeyAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.RequestAborted);
        await Sessions.RenewAsync(http);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", actor.Username, "new authenticator key issued; second factor off until confirmed"), http.RequestAborted);
        return new AuthenticatorKey(key, $"otpauth://totp/Tagwatch:{Uri.EscapeDataString(actor.Username)}?secret={key}&issuer=Tagwatch&digits=6");
    }

    /// <summary>Turns the second factor on; the caller's session continues on the renewed stamp, the account's others end.</summary>
    public async Task<UseCaseFailure?> ConfirmAsync(HttpContext http, Actor actor, string? code)
    {
        if (!Sessions.IsSession(http.User))
        {
            return UseCaseFailure.Forbidden(SessionRequired);
        }

        if (!await signIn.ConfirmAuthenticatorAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, code ?? "", http.RequestAborted))
        {
            return UseCaseFailure.Invalid("code", "the code does not match the authenticator; check the phone's clock and try the next code");
        }

        await Sessions.RenewAsync(http);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", actor.Username, "second factor turned on"), http.RequestAborted);
        return null;
    }
}
