using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Monitoring;

/// <summary>Which alerts to list: all, or only those in <paramref name="States"/>; newest first, at most
/// <paramref name="Limit"/> (1 to <see cref="ListAlerts.MaxLimit"/>, default <see cref="ListAlerts.DefaultLimit"/>).
/// <paramref name="Kinds"/>, <paramref name="Severities"/> and <paramref name="Borough"/> (the wearer's home borough's
/// code) narrow the list further when given; the limit applies before them.</summary>
public sealed record ListAlertsRequest(
    IReadOnlyCollection<AlertState>? States = null, int? Limit = null, IReadOnlyCollection<AlertKind>? Kinds = null, IReadOnlyCollection<AlertSeverity>? Severities = null, string? Borough = null);

/// <summary>Alert <paramref name="Id"/>.</summary>
public sealed record ShowAlertRequest(long Id);

/// <summary>The live positions of the tags worn now.</summary>
public sealed record ReadLivePositionsRequest;

/// <summary>The live stream of alert changes.</summary>
public sealed record WatchAlertsRequest;
