using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Server.Workers;

/// <summary>
/// Incremental correlation beside ingest: at start-up and then every minute (<see cref="WorkerOptions.CorrelationEvery"/>),
/// the work waiting in the durable queue is done — crimes imported and not yet checked, and the crimes whose windows the fixes committed since the last pass
/// touch (late uploads change matches; crimes imported earlier meet the fixes that arrive after them). Each ingest
/// commit and crime import queues its work in its own transaction, so work acknowledged before a crash is resumed
/// here after it. A pass whose fixes touch no crime's window checks nothing and records no run. On one node at a time
/// (<see cref="WorkLeaseNames.Correlation"/>).
/// </summary>
public sealed partial class CorrelationWorker(PendingCorrelation pending, IWorkLeases leases, WorkerOptions options, TimeProvider clock, ILogger<CorrelationWorker> logger) : BackgroundService
{
    private const string RequestedBy = "new fixes";
    private int _taken;

    /// <summary>Passes done (or failed) so far, the one at start-up included.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <summary>Before anything else runs: the runs a stopped process left unfinished are marked interrupted (their work
    /// is still queued and is done by the first pass). With several nodes a run still going on another node is marked
    /// too, and set right when it finishes.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await MarkInterruptedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SingletonWork.RunEveryWhileHeldAsync(leases, WorkLeaseNames.Correlation, options.LeaseRetryEvery, options.CorrelationEvery, clock, async token =>
        {
            if (await pending.RunCrimesAsync(RequestedBy, token) is { } crimes)
            {
                LogRun("waiting crimes", crimes.Run.Crimes, crimes.Saved.Created, crimes.Saved.Updated, crimes.Saved.Withdrawn);
            }

            if (await pending.RunFixesAsync(RequestedBy, token) is { } fixes)
            {
                LogRun("new fixes", fixes.Run.Crimes, fixes.Saved.Created, fixes.Saved.Updated, fixes.Saved.Withdrawn);
            }
        }, LogFailed, Passes, logger, stoppingToken, TakenOverAsync); // a failed pass must not stop ingest or later passes; its work stays queued

    /// <summary>Each time this node takes correlation over after the first (which start-up covered): the holder before
    /// may have died mid-run.</summary>
    private Task TakenOverAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _taken, 1) == 0 ? Task.CompletedTask : MarkInterruptedAsync(cancellationToken);

    private async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        int interrupted = await pending.MarkInterruptedRunsAsync(cancellationToken);
        if (interrupted > 0)
        {
            LogInterrupted(interrupted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Correlation of {What}: {Crimes} crimes checked; {Created} new, {Updated} updated, {Withdrawn} withdrawn matches")]
    private partial void LogRun(string what, int crimes, int created, int updated, int withdrawn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} correlation runs left unfinished by a stopped process are marked interrupted; their work is done again")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Correlation of waiting work failed; it stays queued and is retried at the next pass")]
    private partial void LogFailed(Exception ex);
}
