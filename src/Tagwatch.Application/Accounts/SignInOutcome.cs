namespace Tagwatch.Application.Accounts;

/// <summary>The result of checking credentials.</summary>
public enum SignInOutcome
{
    /// <summary>Password (and second factor, when enabled) correct.</summary>
    Succeeded,

    /// <summary>Unknown user or wrong password or code; the caller is not told which.</summary>
    Failed,

    /// <summary>Too many failures: locked for a while.</summary>
    LockedOut,

    /// <summary>The password was right but the account has a second factor and no (or no valid) code was given.</summary>
    SecondFactorRequired,

    /// <summary>The account is disabled.</summary>
    Disabled,
}
