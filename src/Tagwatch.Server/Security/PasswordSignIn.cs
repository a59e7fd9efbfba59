using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Security;

/// <summary>What a sign-in attempt came to.</summary>
internal enum PasswordSignInResult
{
    SignedIn,
    Throttled,
    Invalid,
    SecondFactorRequired,
    Failed,
}

/// <summary>The outcome of <see cref="PasswordSignIn.SignInAsync"/>: the result, and what the caller needs to say about it.</summary>
internal sealed record PasswordSignInOutcome(PasswordSignInResult Result, UserAccount? Account = null, TimeSpan? RetryAfter = null, UseCaseFailure? Failure = null);

/// <summary>
/// Signing in with a user name, password and (when on) second-factor code: throttled by failures per address, audited,
/// and starting a session on success. One rule for the API's <c>POST /session</c> and the web's sign-in page, and for
/// changing one's own password.
/// </summary>
internal sealed class PasswordSignIn(IAccountSignIn signIn, IUserAccounts accounts, IAuditLog audit, SignInThrottle throttle)
{
    public async Task<PasswordSignInOutcome> SignInAsync(HttpContext http, string? username, string? password, string? code)
    {
        string address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(address) is { } wait)
        {
            return new PasswordSignInOutcome(PasswordSignInResult.Throttled, RetryAfter: wait);
        }

        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return Invalid(string.IsNullOrWhiteSpace(username) ? "username" : "password", "required");
        }

        if (username.Length > StatedText.MaxName || password.Length > StatedText.MaxReason || code?.Length > 16)
        {
            return Invalid("username", "too long");
        }

        var (outcome, userId, _) = await signIn.CheckSignInAsync(username, password, string.IsNullOrWhiteSpace(code) ? null : code.Trim(), http.RequestAborted);
        if (outcome != SignInOutcome.Succeeded)
        {
            throttle.Failed(address);
            await audit.AppendAsync(new AuditEvent(username, "-", AuditActions.SignInFailed, "user", username, outcome.ToString()), http.RequestAborted);
            // A locked account answers as a wrong password does (and as an unknown name does), so the answer never
            // tells whether a user name exists; the audit record keeps the real outcome.
            return new PasswordSignInOutcome(outcome == SignInOutcome.SecondFactorRequired ? PasswordSignInResult.SecondFactorRequired : PasswordSignInResult.Failed);
        }

        var account = await accounts.GetAsync(username, http.RequestAborted);
        await Sessions.SignInAsync(http, userId!, account.MustChangePassword);
        await audit.AppendAsync(new AuditEvent(account.Username, account.Role.ToString(), AuditActions.SignIn, "user", account.Username, "session started"), http.RequestAborted);
        return new PasswordSignInOutcome(PasswordSignInResult.SignedIn, account);
    }

    /// <summary>Changes the signed-in user's own password; the session continues on the renewed stamp, the account's others end.</summary>
    public async Task<UseCaseFailure?> ChangeOwnPasswordAsync(HttpContext http, string? current, string? replacement)
    {
        var actor = await http.RequiredActorAsync();
        string userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        try
        {
            await accounts.ChangePasswordAsync(userId, current ?? "", replacement ?? "", http.RequestAborted);
        }
        catch (ArgumentException e)
        {
            return UseCaseFailure.Invalid("replacement", Core.UserMessages.Of(e));
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", actor.Username, "own password changed"), http.RequestAborted);
        await Sessions.RenewAsync(http);
        return null;
    }

    /// <summary>What a failed sign-in tells the person: the same words whatever the real reason was.</summary>
    public static string FailedMessage =>
        $"The user name or password (or code) is wrong, or the account is disabled, or locked for {IdentitySetup.LockoutDuration.TotalMinutes} minutes "
        + $"after {IdentitySetup.MaxFailedSignIns} failed sign-ins (an administrator's password reset unlocks it).";

    private static PasswordSignInOutcome Invalid(string field, string message) =>
        new(PasswordSignInResult.Invalid, Failure: UseCaseFailure.Invalid(field, message));
}
