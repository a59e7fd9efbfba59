using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Ingest;
using Tagwatch.Correlation.Scored;
using Tagwatch.Server.Health;

namespace Tagwatch.Server.Correlation;

/// <summary>
/// Incremental correlation beside ingest: every minute, the crimes whose windows the fixes committed since the last
/// pass touch are checked again (late uploads change matches; crimes imported earlier meet the fixes that arrive after them).
/// A pass whose fixes touch no crime's window checks nothing and records no run.
/// </summary>
public sealed partial class CorrelationWorker(ScoredCorrelation correlation, ILogger<CorrelationWorker> logger) : BackgroundService, IIngestObserver
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private long _fromMs = long.MaxValue;
    private long _toMs = long.MinValue;

    /// <inheritdoc />
    public void OnCommitted(IngestCommit commit)
    {
        foreach (var fixes in commit.Fixes.Values)
        {
            if (fixes.Count == 0)
            {
                continue;
            }

            long min = fixes.Min(f => f.TimeUnixMs), max = fixes.Max(f => f.TimeUnixMs);
            lock (_gate)
            {
                _fromMs = Math.Min(_fromMs, min);
                _toMs = Math.Max(_toMs, max);
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.TickOrStopAsync(stoppingToken))
        {
            long from, to;
            lock (_gate)
            {
                (from, to) = (_fromMs, _toMs);
                (_fromMs, _toMs) = (long.MaxValue, long.MinValue);
            }

            if (from > to)
            {
                continue;
            }

            try
            {
                var outcome = await correlation.RunForFixesAsync(
                    new ScoringParameters(), Instant.FromUnixTimeMilliseconds(from), Instant.FromUnixTimeMilliseconds(to), "new fixes", stoppingToken);
                if (outcome is not null)
                {
                    LogRun(outcome.Run.Crimes, outcome.Saved.Created, outcome.Saved.Updated, outcome.Saved.Withdrawn);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass must not stop ingest or later passes; the span is retried with the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _fromMs = Math.Min(_fromMs, from);
                    _toMs = Math.Max(_toMs, to);
                }

                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Correlation of new fixes: {Crimes} crimes checked; {Created} new, {Updated} updated, {Withdrawn} withdrawn matches")]
    private partial void LogRun(int crimes, int created, int updated, int withdrawn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Correlation of new fixes failed; the span is retried in a minute")]
    private partial void LogFailed(Exception ex);
}
