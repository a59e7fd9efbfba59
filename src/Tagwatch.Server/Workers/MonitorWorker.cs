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
/// is busy is merged per tag. A pass that fails (the database busy or away for a moment) keeps what it had not finished
/// and does it again, first, with the next commit or tick, so a breach in that pass is still alerted. Each commit's tags
/// are also recorded durably with it (<see cref="IPendingMonitoringStore"/>) and cleared here once evaluated; what a dead
/// node left is evaluated by the sweep (<see cref="WorkerOptions.MonitorLeftBehindAfter"/>).</summary>
/// <remarks>
/// With several nodes on one database every node evaluates the commits it ingests (the monitor takes turns per tag with
/// the other nodes, <see cref="ITagMonitoringLocks"/>), but only the holder of <see cref="WorkLeaseNames.MonitorSweep"/>
/// runs the tick's sweep over every worn tag; the others only forget their caches at each tick, so alerts another
/// node opened are known here by the next tick.
/// </remarks>
public sealed partial class MonitorWorker(LicenceMonitor monitor, IPendingMonitoringStore pending, IWorkLeases leases, WorkerOptions options, TimeProvider clock, ILogger<MonitorWorker> logger) : BackgroundService, IIngestObserver
{
    /// <summary>Most entries left behind that one tick evaluates; the rest wait for the next tick.</summary>
    public const int LeftBehindPerTick = 1000;

    /// <summary>Passes that may fail on the same work before it is left to the sweep.</summary>
    public const int MaxFailedPasses = 3;

    private readonly Channel<IngestCommit> _commits = Channel.CreateUnbounded<IngestCommit>(new UnboundedChannelOptions { SingleReader = true });

    // A single-reader channel cannot count its items, so the depth is kept beside it.
    private int _queued;

    // The sweep's lease while this node holds it; only the worker's loop touches it.
    private IWorkLease? _sweep;

    // What a failed pass had not finished; only the worker's loop touches it.
    private Unfinished? _unfinished;

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

                    // Without new commits, a failed pass is tried again at the next tick.
                    if (_unfinished is not null)
                    {
                        await DrainAsync(stoppingToken);
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
            await EvaluateLeftBehindAsync(holding.Token);
        }
        catch (OperationCanceledException) when (_sweep.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            await _sweep.DisposeAsync();
            _sweep = null;
            LogSweepLost();
        }
    }

    /// <summary>Does the monitoring recorded but not cleared in time — the node that stored the fixes or device events
    /// died or kept failing. Evaluating a tag's fixes twice is harmless (the monitor folds into the alert it opened); a
    /// device event offered twice, when its node died between raising it and clearing its entry, counts one repeat too
    /// many on its alert (or raises it again if it was resolved meanwhile). A tag that fails has its entries' failures
    /// counted and the sweep goes on with the next.</summary>
    private async Task EvaluateLeftBehindAsync(CancellationToken cancellationToken)
    {
        var queuedBefore = Instant.FromDateTimeOffset(clock.GetUtcNow()) - Duration.FromTimeSpan(options.MonitorLeftBehindAfter);
        var left = await pending.QueuedBeforeAsync(queuedBefore, LeftBehindPerTick, cancellationToken);
        foreach (var tag in left.GroupBy(e => e.Tag))
        {
            long[] ids = [.. tag.Select(e => e.Id)];
            if (await TryAsync(() => DoLeftBehindAsync(tag.Key, [.. tag], cancellationToken), cancellationToken))
            {
                await pending.CompleteAsync(ids, cancellationToken);
                continue;
            }

            await pending.FailAsync(ids, cancellationToken);
            if (tag.Any(e => e.FailedAttempts + 1 >= IPendingMonitoringStore.MaxFailedAttempts))
            {
                LogGaveUp(tag.Key.Value, IPendingMonitoringStore.MaxFailedAttempts);
            }
        }

        if (left.Count > 0)
        {
            LogLeftBehind(left.Count, left.Select(e => e.Tag).Distinct().Count());
        }
    }

    private async Task DoLeftBehindAsync(TagId tag, IReadOnlyList<PendingEvaluation> entries, CancellationToken cancellationToken)
    {
        var events = entries.Where(e => e.Event is not null).Select(e => e.Event!).ToList();
        if (events.Count > 0)
        {
            await monitor.OnDeviceReportsAsync(events, [], cancellationToken);
        }

        if (entries.Where(e => e.From is not null).Min(e => e.From) is { } from)
        {
            await monitor.EvaluateTagAsync(tag, from, cancellationToken);
        }
    }

    /// <summary>Evaluates what the commits brought, each tag on its own so a tag the monitor fails on holds up no other.
    /// What failed is tried again first with the next commit or tick, up to <see cref="MaxFailedPasses"/> passes; after
    /// that it is left to the sweep (its entries stay in the store).</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var work = _unfinished ?? new Unfinished(new Dictionary<TagId, Instant>(), [], new Dictionary<TagId, DeviceContact>(), []);
        _unfinished = null;
        while (_commits.Reader.TryRead(out var commit))
        {
            Interlocked.Decrement(ref _queued);
            work.Add(commit);
        }

        // Device reports are offered again whole if this fails; the monitor folds a repeated report into the alert it
        // already opened, so at worst a repeat is counted twice, never lost.
        if ((work.Events.Count > 0 || work.Contacts.Count > 0)
            && await TryAsync(() => monitor.OnDeviceReportsAsync(work.Events, work.Contacts.Values, cancellationToken), cancellationToken))
        {
            work.Events.Clear();
            work.Contacts.Clear();
        }

        foreach (var (tag, from) in work.Tags.ToList())
        {
            if (await TryAsync(() => monitor.EvaluateTagAsync(tag, from, cancellationToken), cancellationToken))
            {
                work.Tags.Remove(tag);
            }
        }

        if (work.Tags.Count == 0 && work.Events.Count == 0 && work.Contacts.Count == 0)
        {
            await pending.CompleteAsync(work.Entries, cancellationToken);
            return;
        }

        work.FailedPasses++;
        if (work.FailedPasses < MaxFailedPasses)
        {
            _unfinished = work;
        }
        else
        {
            LogLeftToSweep(work.Tags.Count, work.Events.Count, work.FailedPasses);
        }
    }

    /// <summary>Runs one step of monitoring; a failure other than stopping is logged and reported as false.</summary>
    private async Task<bool> TryAsync(Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step();
            return true;
        }
#pragma warning disable CA1031 // One failed evaluation must not stop monitoring of everyone else; it is logged.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(ex);
            return false;
        }
    }

    /// <summary>Work gathered from commits: each tag from its earliest new fix, the device events, the latest contact
    /// per tag, and the durable entries to clear once all is done.</summary>
    private sealed record Unfinished(Dictionary<TagId, Instant> Tags, List<DeviceEventRecord> Events, Dictionary<TagId, DeviceContact> Contacts, List<long> Entries)
    {
        /// <summary>Passes that left some of this work undone.</summary>
        public int FailedPasses { get; set; }

        public void Add(IngestCommit commit)
        {
            foreach (var (tag, fixes) in commit.Fixes)
            {
                if (fixes.Count > 0)
                {
                    var first = fixes.Min(f => f.Time);
                    Tags[tag] = Tags.TryGetValue(tag, out var seen) ? Instant.Min(seen, first) : first;
                }
            }

            Events.AddRange(commit.Events);
            Entries.AddRange(commit.MonitoringEntries);
            foreach (var (tag, contact) in commit.Contacts)
            {
                Contacts[tag] = contact;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring of tag {Tag} failed {Attempts} times in the sweep; its entries are kept in monitoring_pending but no longer tried")]
    private partial void LogGaveUp(string tag, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring of {Tags} tags and {Events} device events failed {Passes} passes in a row; left to the monitoring sweep")]
    private partial void LogLeftToSweep(int tags, int events, int passes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took up {Entries} monitoring entries of {Tags} tags that were left unfinished (a node died or kept failing)")]
    private partial void LogLeftBehind(int entries, int tags);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node no longer holds the monitoring sweep; another node may take it over")]
    private partial void LogSweepLost();

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring failed; what it had not finished is tried again with the next commit or tick, or by the sweep")]
    private partial void LogFailed(Exception ex);
}
