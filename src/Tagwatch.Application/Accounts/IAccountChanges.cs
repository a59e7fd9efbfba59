namespace Tagwatch.Application.Accounts;

/// <summary>The account store as the approval use case needs it: make a change, and count administrators.</summary>
public interface IAccountChanges
{
    /// <summary>Makes the change now.</summary>
    /// <exception cref="ArgumentException">The change is invalid (unknown account, role without its scope…).</exception>
    Task<AccountChangeResult> ApplyAsync(AccountChange change, CancellationToken cancellationToken = default);

    /// <summary>How many enabled administrator accounts exist.</summary>
    Task<int> CountAdministratorsAsync(CancellationToken cancellationToken = default);
}
