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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
                long packed = await store.CompactFramesAsync(now, stoppingToken);
                LogDone(packed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Maintenance failing must not stop the server; it tries again next hour.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raw frames: {Packed} packed into day blocks")]
    private partial void LogDone(long packed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raw frame maintenance failed; it runs again in an hour")]
    private partial void LogFailed(Exception ex);
}
