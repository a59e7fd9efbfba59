namespace Tagwatch.Application.Notifications;

/// <summary>Responsible officers' opt-ins to their caseload's alert notices.</summary>
public interface ICaseloadSubscriptions
{
    /// <summary>The officer's opt-in, or null.</summary>
    Task<CaseloadSubscription?> FindAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Every opt-in.</summary>
    Task<IReadOnlyList<CaseloadSubscription>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the opt-in, replacing the officer's earlier one.</summary>
    Task SaveAsync(CaseloadSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Removes the officer's opt-in and the address with it; false when there was none.</summary>
    Task<bool> RemoveAsync(string username, CancellationToken cancellationToken = default);
}
