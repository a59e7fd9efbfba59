using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Workers;

/// <summary>Runs the licence monitor beside ingest: told of every commit, it re-evaluates the tags that got fixes
/// (from their earliest new fix, so late fixes re-open the past), raises device-health alerts, and ticks every
/// 30 seconds (<see cref="WorkerOptions.MonitorTickEvery"/>) for silence and curfew start checks. Work queued while it
/// is busy is merged per tag.</summary>
public sealed partial class MonitorWorker(LicenceMonitor monitor, WorkerOptions options, TimeProvider clock, ILogger<MonitorWorker> logger) : BackgroundService, IIngestObserver
{
    private readonly Channel<IngestCommit> _commits = Channel.CreateUnbounded<IngestCommit>(new UnboundedChannelOptions { SingleReader = true });

    // A single-reader channel cannot count its items, so the depth is kept beside it.
    private int _queued;

    /// <summary>Commits waiting for evaluation (for metrics).</summary>
    public int QueueDepth => Volatile.Read(ref _queued);

    /// <summary>Ticks (silence and curfew start checks) done or failed so far.</summary>
    public WorkerPasses Ticks { get; } = new();

    /// <inheritdoc />
    public void OnCommitted(IngestCommit commit)
    {
        if (_commits.Writer.TryWrite(commit))
        {
            Interlocked.Increment(ref _queued);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(options.MonitorTickEvery, clock);
        var tick = ticker.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var work = _commits.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var done = await Task.WhenAny(work, tick);
            try
            {
                if (done == tick)
                {
                    if (!await tick)
                    {
                        return;
                    }

                    tick = ticker.WaitForNextTickAsync(stoppingToken).AsTask();
                    try
                    {
                        await monitor.TickAsync(stoppingToken);
                    }
                    finally
                    {
                        Ticks.Finish();
                    }

                    continue;
                }

                if (!await work)
                {
                    return;
                }

                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed evaluation must not stop monitoring of everyone else; it is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var earliest = new Dictionary<TagId, Instant>();
        var events = new List<DeviceEventRecord>();
        var contacts = new Dictionary<TagId, DeviceContact>();
        while (_commits.Reader.TryRead(out var commit))
        {
            Interlocked.Decrement(ref _queued);
            foreach (var (tag, fixes) in commit.Fixes)
            {
                if (fixes.Count > 0)
                {
                    var first = fixes.Min(f => f.Time);
                    earliest[tag] = earliest.TryGetValue(tag, out var seen) ? Instant.Min(seen, first) : first;
                }
            }

            events.AddRange(commit.Events);
            foreach (var (tag, contact) in commit.Contacts)
            {
                contacts[tag] = contact;
            }
        }

        await monitor.OnDeviceReportsAsync(events, contacts.Values, cancellationToken);
        foreach (var (tag, from) in earliest)
        {
            await monitor.EvaluateTagAsync(tag, from, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring pass failed; it continues with the next commit or tick")]
    private partial void LogFailed(Exception ex);
}
