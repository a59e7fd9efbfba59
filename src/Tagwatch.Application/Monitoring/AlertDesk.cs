using NodaTime;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Monitoring;

/// <summary>The operator's actions on alerts: acknowledge, then resolve with a note; each step goes on the alert's trail.</summary>
public sealed class AlertDesk(IAlertStore alerts, TimeProvider clock)
{
    /// <summary>An operator takes an open alert.</summary>
    /// <exception cref="KeyNotFoundException">No such alert.</exception>
    /// <exception cref="InvalidOperationException">The alert is not open.</exception>
    public async Task<Alert> AcknowledgeAsync(long id, string by, string? note, CancellationToken cancellationToken = default)
    {
        var alert = await alerts.FindAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no alert {id}.");
        if (alert.State != AlertState.Open)
        {
            throw new Core.NotAllowedNowException($"Alert {id} is {alert.State.ToString().ToLowerInvariant()}, not open.");
        }

        var updated = alert with { State = AlertState.Acknowledged };
        await alerts.UpdateAsync(updated, new AlertHistoryEntry(Now, "acknowledged", Who(by), note?.Trim() ?? ""), cancellationToken);
        return updated;
    }

    /// <summary>An operator closes an open or acknowledged alert; the note says what was done.</summary>
    /// <exception cref="ArgumentException">No note.</exception>
    public async Task<Alert> ResolveAsync(long id, string by, string note, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Resolving an alert needs a note saying what was done.", nameof(note));
        }

        var alert = await alerts.FindAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no alert {id}.");
        if (alert.State is not (AlertState.Open or AlertState.Acknowledged))
        {
            throw new Core.NotAllowedNowException($"Alert {id} is already {alert.State.ToString().ToLowerInvariant()}.");
        }

        var updated = alert with { State = AlertState.Resolved };
        await alerts.UpdateAsync(updated, new AlertHistoryEntry(Now, "resolved", Who(by), note.Trim()), cancellationToken);
        return updated;
    }

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private static string Who(string by) => string.IsNullOrWhiteSpace(by) ? throw new ArgumentException("Say who is acting (--by).", nameof(by)) : by.Trim();
}
