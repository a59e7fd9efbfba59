using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Storage;

namespace Tagwatch.Server.Health;

/// <summary>Checkpoints the write-ahead log every few seconds from its own connection, so no device's commit pays for
/// it, and fully at shutdown.</summary>
public sealed partial class CheckpointService(TagwatchDatabase database, ILogger<CheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await database.CheckpointAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        database.AutoCheckpoint = false;
        using var timer = new PeriodicTimer(Every);
        while (await timer.TickOrStopAsync(stoppingToken))
        {
            try
            {
                await database.CheckpointPassiveAsync(stoppingToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background checkpoint failed; the next one will try again")]
    private partial void LogFailed(Exception ex);
}
