namespace Tagwatch.Application.Accounts;

/// <summary>The account store as the approval use case needs it: make a change, and count administrators.</summary>
public interface IAccountChanges
{
    /// <summary>Makes the change now.</summary>
    /// <exception cref="ArgumentException">The change is invalid (unknown account, role without its scope…).</exception>
    Task<AccountChangeResult> ApplyAsync(AccountChange change, CancellationToken cancellationToken = default);

    /// <summary>Checks that the change could be made now, without making it (so a request that never could is refused at once).</summary>
    /// <exception cref="ArgumentException">The change is invalid; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">The account to change does not exist.</exception>
    Task CheckAsync(AccountChange change, CancellationToken cancellationToken = default);

    /// <summary>How many enabled administrator accounts exist.</summary>
    Task<int> CountAdministratorsAsync(CancellationToken cancellationToken = default);
}
