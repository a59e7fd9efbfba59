using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Monitoring;

/// <summary>Which alerts to list: all, or only those in <paramref name="States"/>; newest first, at most
/// <paramref name="Limit"/> (1 to <see cref="ListAlerts.MaxLimit"/>, default <see cref="ListAlerts.DefaultLimit"/>).
/// <paramref name="Kinds"/>, <paramref name="Severities"/>, <paramref name="Borough"/> (the wearer's home borough) and
/// <paramref name="Person"/> (one wearer's reference) narrow the list further when given; the limit counts what is left.</summary>
public sealed record ListAlertsRequest(
    IReadOnlyCollection<AlertState>? States = null,
    int? Limit = null,
    IReadOnlyCollection<AlertKind>? Kinds = null,
    IReadOnlyCollection<AlertSeverity>? Severities = null,
    string? Borough = null,
    string? Person = null);

/// <summary>Alert <paramref name="Id"/>.</summary>
public sealed record ShowAlertRequest(long Id);

/// <summary>The live positions of the tags worn now.</summary>
public sealed record ReadLivePositionsRequest;

/// <summary>The live stream of alert changes.</summary>
public sealed record WatchAlertsRequest;
