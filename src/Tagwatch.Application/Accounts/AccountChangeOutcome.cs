namespace Tagwatch.Application.Accounts;

/// <summary>What came of an account change: made (the account as it is now, and a one-time password when one was issued), or waiting for a second administrator.</summary>
/// <param name="User">The account after the change; null while the change waits (a new account does not exist yet).</param>
/// <param name="OneTimePassword">The one-time password of a new account or a reset, shown this once; null otherwise.</param>
/// <param name="Pending">The request waiting for approval; null when the change was made.</param>
public sealed record AccountChangeOutcome(UserAccount? User, string? OneTimePassword, PendingApproval? Pending)
{
    /// <summary>True when the change waits for a second administrator.</summary>
    public bool IsPending => Pending is not null;
}

/// <summary>A change recorded as waiting for a second administrator: its request number and the change in words.</summary>
public sealed record PendingApproval(long Id, string Change);
