using NodaTime;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Reports;

/// <summary>Alert figures counted by the store, so a report covers every alert however many there are.</summary>
public interface IAlertCounts
{
    /// <summary>How many alerts there are of each kind in each state (kinds and states with none are left out).</summary>
    Task<IReadOnlyList<AlertTally>> CountByKindAndStateAsync(CancellationToken cancellationToken = default) =>
        CountByKindAndStateAsync(null, null, cancellationToken);

    /// <summary>As <see cref="CountByKindAndStateAsync(CancellationToken)"/>, for the alerts raised from <paramref name="raisedFrom"/> (when given) until before <paramref name="raisedBefore"/> (when given).</summary>
    Task<IReadOnlyList<AlertTally>> CountByKindAndStateAsync(Instant? raisedFrom, Instant? raisedBefore, CancellationToken cancellationToken = default);

    /// <summary>How long each alert raised in the period (as above) took to be first acknowledged and first resolved; alerts neither acknowledged nor resolved are left out.</summary>
    Task<IReadOnlyList<AlertResponse>> ResponsesAsync(Instant? raisedFrom, Instant? raisedBefore, CancellationToken cancellationToken = default);
}

/// <summary>How long one alert of a kind waited to be acknowledged and to be resolved (null: not yet).</summary>
public sealed record AlertResponse(AlertKind Kind, Duration? ToAcknowledge, Duration? ToResolve);

/// <summary>The number of alerts of one kind in one state.</summary>
public sealed record AlertTally(AlertKind Kind, AlertState State, int Count);
