using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Server.Workers;

/// <summary>At start and then hourly (<see cref="WorkerOptions.FrameMaintenanceEvery"/>): packs raw frames of finished
/// UTC days into compressed blocks, in small transactions so ingest carries on (deleting them past retention is the
/// retention worker's). On one node at a time (<see cref="WorkLeaseNames.FrameCompaction"/>).</summary>
public sealed partial class FrameMaintenanceService(IIngestStore store, IWorkLeases leases, WorkerOptions options, TimeProvider clock, ILogger<FrameMaintenanceService> logger) : BackgroundService
{
    /// <summary>Maintenance passes done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SingletonWork.RunEveryWhileHeldAsync(leases, WorkLeaseNames.FrameCompaction, options.LeaseRetryEvery, options.FrameMaintenanceEvery, clock, async token =>
        {
            long packed = await store.CompactFramesAsync(Instant.FromDateTimeOffset(clock.GetUtcNow()), token);
            LogDone(packed);
        }, LogFailed, Passes, logger, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raw frames: {Packed} packed into day blocks")]
    private partial void LogDone(long packed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raw frame maintenance failed; it runs again at the next interval")]
    private partial void LogFailed(Exception ex);
}
