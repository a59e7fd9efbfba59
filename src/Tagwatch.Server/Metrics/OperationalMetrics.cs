using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Core.Alerts;
using Tagwatch.Server.Health;
using Tagwatch.Server.Monitoring;
using Tagwatch.Storage;

namespace Tagwatch.Server.Metrics;

/// <summary>
/// The <c>Tagwatch.Server</c> meter: open alerts by severity and type, matches by state, correlation runs, the monitor's
/// queue. Store-backed figures are read every 15 s in the background, so a scrape never touches the database.
/// </summary>
public sealed partial class OperationalMetrics : BackgroundService
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Tagwatch.Server";

    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);
    private readonly Meter _meter = new(MeterName);
    private readonly TagwatchServices _services;
    private readonly ILogger<OperationalMetrics> _logger;
    private volatile Snapshot _snapshot = new([], [], 0);

    public OperationalMetrics(TagwatchServices services, MonitorWorker monitor, ILogger<OperationalMetrics> logger)
    {
        _services = services;
        _logger = logger;
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
        var alerts = await _services.Alerts.ListAsync([AlertState.Open, AlertState.Acknowledged], 100_000, cancellationToken);
        var matches = await _services.Matches.ListMatchesAsync(cancellationToken);
        long runs = await _services.Matches.CountRunsAsync(cancellationToken);
        _snapshot = new Snapshot(
            alerts.GroupBy(a => (a.Severity, a.Type)).Select(g => (g.Key.Severity.ToString(), g.Key.Type.Name, (long)g.Count())).ToList(),
            matches.GroupBy(m => m.State).Select(g => (g.Key, (long)g.Count())).ToList(),
            runs);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PeriodicTimerExtensions.RunEveryAsync(RefreshEvery, RefreshAsync, LogFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics refresh failed; trying again in 15 s")]
    private partial void LogFailed(Exception ex);

    private sealed record Snapshot(
        IReadOnlyList<(string Severity, string Type, long Count)> OpenAlerts, IReadOnlyList<(string State, long Count)> Matches, long CorrelationRuns);
}
