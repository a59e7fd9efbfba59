using NodaTime;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>Alerts and their trails.</summary>
public interface IAlertStore
{
    /// <summary>Stores a new alert (its <see cref="Alert.Id"/> is ignored) with a <c>raised</c> entry; returns it stored.</summary>
    Task<Alert> RaiseAsync(Alert alert, string note, CancellationToken cancellationToken = default);

    /// <summary>Replaces an alert's start, end, summary, evidence, state or repeats, adding one trail entry. The stored
    /// version goes from <see cref="Alert.Version"/> to the next.</summary>
    /// <exception cref="KeyNotFoundException">No such alert.</exception>
    /// <exception cref="Core.NotAllowedNowException">Someone else changed the alert since <paramref name="alert"/> was read:
    /// nothing is written; read it again.</exception>
    Task UpdateAsync(Alert alert, AlertHistoryEntry entry, CancellationToken cancellationToken = default);

    /// <summary>One alert, or null.</summary>
    Task<Alert?> FindAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Alerts of a condition that were not withdrawn and that began at or after <paramref name="since"/> or are still going on.</summary>
    Task<IReadOnlyList<Alert>> ForConditionAsync(long conditionId, Instant since, CancellationToken cancellationToken = default);

    /// <summary>The open or acknowledged alert of <paramref name="type"/> for <paramref name="tag"/> that has not ended, if any.</summary>
    Task<Alert?> OngoingAsync(TagId tag, AlertKind type, CancellationToken cancellationToken = default);

    /// <summary>The alerts <paramref name="query"/> asks for (default: the latest 500), newest first, filtered before the limit.</summary>
    Task<IReadOnlyList<Alert>> ListAsync(AlertQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>An alert's trail, oldest first.</summary>
    Task<IReadOnlyList<AlertHistoryEntry>> HistoryAsync(long id, CancellationToken cancellationToken = default);
}
