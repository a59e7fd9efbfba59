using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Server.Workers;

/// <summary>Checkpoints the store's write log every few seconds from its own connection, so no device's commit pays for
/// it, and fully at shutdown.</summary>
public sealed partial class CheckpointService(IStoreMaintenance store, WorkerOptions options, TimeProvider clock, ILogger<CheckpointService> logger) : BackgroundService
{
    /// <summary>Checkpoints done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await store.CheckpointFullyAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.TakeOverCheckpoints();
        return PeriodicTimerExtensions.RunEveryAsync(options.CheckpointEvery, clock, store.CheckpointAsync, LogFailed, Passes, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background checkpoint failed; the next one will try again")]
    private partial void LogFailed(Exception ex);
}
