using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Workers;

/// <summary>Runs the licence monitor beside ingest: told of every commit, it re-evaluates the tags that got fixes
/// (from their earliest new fix, so late fixes re-open the past), raises device-health alerts, and ticks every
/// 30 seconds (<see cref="WorkerOptions.MonitorTickEvery"/>) for silence and curfew start checks. Work queued while it
/// is busy is merged per tag.</summary>
/// <remarks>
/// With several nodes on one database every node evaluates the commits it ingests (the monitor takes turns per tag with
/// the other nodes, <see cref="ITagMonitoringLocks"/>), but only the holder of <see cref="WorkLeaseNames.MonitorSweep"/>
/// runs the tick's sweep over every worn tag; the others only forget their caches at each tick, so alerts another
/// node opened are known here by the next tick.
/// </remarks>
public sealed partial class MonitorWorker(LicenceMonitor monitor, IWorkLeases leases, WorkerOptions options, TimeProvider clock, ILogger<MonitorWorker> logger) : BackgroundService, IIngestObserver
{
    private readonly Channel<IngestCommit> _commits = Channel.CreateUnbounded<IngestCommit>(new UnboundedChannelOptions { SingleReader = true });

    // A single-reader channel cannot count its items, so the depth is kept beside it.
    private int _queued;

    // The sweep's lease while this node holds it; only the worker's loop touches it.
    private IWorkLease? _sweep;

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
        try
        {
            await RunAsync(ticker, tick, stoppingToken);
        }
        finally
        {
            if (_sweep is not null)
            {
                await _sweep.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(PeriodicTimer ticker, Task<bool> tick, CancellationToken stoppingToken)
    {
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
                        await SweepIfHeldAsync(stoppingToken);
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

    /// <summary>The tick's sweep, on the node that holds its lease; elsewhere only the caches are forgotten.</summary>
    private async Task SweepIfHeldAsync(CancellationToken stoppingToken)
    {
        if (_sweep is not null && !await _sweep.ConfirmAsync(stoppingToken))
        {
            await _sweep.DisposeAsync();
            _sweep = null;
            LogSweepLost();
        }

        _sweep ??= await leases.TryTakeAsync(WorkLeaseNames.MonitorSweep, stoppingToken);
        if (_sweep is null)
        {
            monitor.InvalidateCaches();
            return;
        }

        using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _sweep.Lost);
        try
        {
            await monitor.TickAsync(holding.Token);
        }
        catch (OperationCanceledException) when (_sweep.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            await _sweep.DisposeAsync();
            _sweep = null;
            LogSweepLost();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node no longer holds the monitoring sweep; another node may take it over")]
    private partial void LogSweepLost();

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring pass failed; it continues with the next commit or tick")]
    private partial void LogFailed(Exception ex);
}
