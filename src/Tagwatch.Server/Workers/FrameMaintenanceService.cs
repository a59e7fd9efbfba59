using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;

namespace Tagwatch.Server.Workers;

/// <summary>At start and then hourly (<see cref="WorkerOptions.FrameMaintenanceEvery"/>): packs raw frames of finished
/// UTC days into compressed blocks, in small transactions so ingest carries on (deleting them past retention is the
/// retention worker's).</summary>
public sealed partial class FrameMaintenanceService(IIngestStore store, WorkerOptions options, TimeProvider clock, ILogger<FrameMaintenanceService> logger) : BackgroundService
{
    /// <summary>Maintenance passes done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicTimerExtensions.RunEveryAsync(options.FrameMaintenanceEvery, clock, async token =>
        {
            long packed = await store.CompactFramesAsync(Instant.FromDateTimeOffset(clock.GetUtcNow()), token);
            LogDone(packed);
        }, LogFailed, Passes, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raw frames: {Packed} packed into day blocks")]
    private partial void LogDone(long packed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raw frame maintenance failed; it runs again at the next interval")]
    private partial void LogFailed(Exception ex);
}
