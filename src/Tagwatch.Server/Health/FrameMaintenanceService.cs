using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;

namespace Tagwatch.Server.Health;

/// <summary>Hourly: packs raw frames of finished UTC days into compressed blocks, in small transactions so ingest carries on
/// (deleting them past retention is the retention worker's).</summary>
public sealed partial class FrameMaintenanceService(IIngestStore store, TimeProvider clock, ILogger<FrameMaintenanceService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicTimerExtensions.RunEveryAsync(TimeSpan.FromHours(1), async token =>
        {
            long packed = await store.CompactFramesAsync(Instant.FromDateTimeOffset(clock.GetUtcNow()), token);
            LogDone(packed);
        }, LogFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raw frames: {Packed} packed into day blocks")]
    private partial void LogDone(long packed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raw frame maintenance failed; it runs again in an hour")]
    private partial void LogFailed(Exception ex);
}
