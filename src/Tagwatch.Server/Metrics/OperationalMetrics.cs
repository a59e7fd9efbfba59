using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Core.Alerts;
using Tagwatch.Server.Workers;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Reports;

namespace Tagwatch.Server.Metrics;

/// <summary>
/// The <c>Tagwatch.Server</c> meter: open alerts by severity and type, matches by state, correlation runs, the monitor's
/// queue. Store-backed figures are read every 15 s (<see cref="WorkerOptions.MetricsRefreshEvery"/>) in the background,
/// so a scrape never touches the database.
/// </summary>
public sealed partial class OperationalMetrics : BackgroundService
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Tagwatch.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly IAlertCounts _alerts;
    private readonly ICorrelationStore _matches;
    private readonly ILogger<OperationalMetrics> _logger;
    private readonly TimeSpan _refreshEvery;
    private readonly TimeProvider _clock;
    private volatile Snapshot _snapshot = new([], [], 0);

    public OperationalMetrics(IAlertCounts alerts, ICorrelationStore matches, MonitorWorker monitor, WorkerOptions options, TimeProvider clock, ILogger<OperationalMetrics> logger)
    {
        _alerts = alerts;
        _matches = matches;
        _logger = logger;
        _refreshEvery = options.MetricsRefreshEvery;
        _clock = clock;
        _meter.CreateObservableGauge("tagwatch.alerts.open", () => _snapshot.OpenAlerts.Select(a => new Measurement<long>(a.Count, new KeyValuePair<string, object?>("severity", a.Severity), new KeyValuePair<string, object?>("type", a.Type))),
            description: "Alerts not yet resolved, by severity and type");
        _meter.CreateObservableGauge("tagwatch.matches", () => _snapshot.Matches.Select(m => new Measurement<long>(m.Count, new KeyValuePair<string, object?>("state", m.State))),
            description: "Stored matches by review state");
        _meter.CreateObservableCounter("tagwatch.correlation.runs", () => _snapshot.CorrelationRuns, description: "Correlation runs recorded");
        _meter.CreateObservableGauge("tagwatch.monitor.queue_depth", () => (long)monitor.QueueDepth, description: "Commits waiting for licence-condition evaluation");
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    /// <summary>Reads the store-backed figures now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Counted in the store: every unresolved alert, however many, without loading one.
        var alerts = (await _alerts.CountByKindAndStateAsync(cancellationToken)).Where(t => t.State is AlertState.Open or AlertState.Acknowledged);
        var matches = await _matches.ListMatchesAsync(cancellationToken);
        long runs = await _matches.CountRunsAsync(cancellationToken);
        _snapshot = new Snapshot(
            alerts.GroupBy(t => t.Kind).Select(g => (g.Key.Severity.ToString(), g.Key.Name, (long)g.Sum(t => t.Count))).ToList(),
            matches.GroupBy(m => m.State).Select(g => (g.Key, (long)g.Count())).ToList(),
            runs);
    }

    /// <summary>Background refreshes done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicTimerExtensions.RunEveryAsync(_refreshEvery, _clock, RefreshAsync, LogFailed, Passes, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics refresh failed; trying again at the next interval")]
    private partial void LogFailed(Exception ex);

    private sealed record Snapshot(
        IReadOnlyList<(string Severity, string Type, long Count)> OpenAlerts, IReadOnlyList<(string State, long Count)> Matches, long CorrelationRuns);
}
