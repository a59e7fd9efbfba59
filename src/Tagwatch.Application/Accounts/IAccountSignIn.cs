namespace Tagwatch.Application.Accounts;

/// <summary>Signing in: password and second-factor checks, server-side sessions and authenticator keys.</summary>
public interface IAccountSignIn
{
    /// <summary>Checks a password (and a TOTP code when the account has a second factor), counting failures towards lockout.</summary>
    Task<(SignInOutcome Outcome, string? UserId, string? SecurityStamp)> CheckSignInAsync(string username, string password, string? totpCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a new signed-in session of <paramref name="userId"/> on the server and returns its id (for the session
    /// cookie). The account's sessions that began more than <paramref name="lifetime"/> ago are deleted on the way.
    /// </summary>
    Task<string> StartSessionAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether a signed-in session still stands: its record is on the server (not signed out), the account is enabled,
    /// and its security stamp is the one the session began with (a reset, disable or password change ends sessions).
    /// </summary>
    Task<bool> IsSessionCurrentAsync(string userId, string? sessionId, string? stamp, CancellationToken cancellationToken = default);

    /// <summary>Ends one session on the server (signing out): its cookie, even copied elsewhere, no longer works.</summary>
    Task EndSessionAsync(string userId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>An account's current security stamp.</summary>
    Task<string?> SecurityStampAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Starts enrolling a TOTP authenticator: a new key (base32) to show as a QR code or type in.</summary>
    Task<string> ResetAuthenticatorKeyAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Turns the second factor on once the user proves the authenticator works; false when the code is wrong.</summary>
    Task<bool> ConfirmAuthenticatorAsync(string userId, string code, CancellationToken cancellationToken = default);

    /// <summary>Encrypts every second-factor seed still stored in plain text by an earlier version; returns how many.</summary>
    Task<int> ProtectStoredAuthenticatorKeysAsync(CancellationToken cancellationToken = default);
}
