using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Server.Workers;

/// <summary>At start and then every <see cref="WorkerOptions.FixGridsEvery"/> (ten minutes): builds the day grids that
/// changed (the live day, late uploads, imports) so that a strict correlation run reads them instead of building them,
/// and deletes stale ones. On one node at a time (<see cref="WorkLeaseNames.FixGrids"/>).</summary>
public sealed partial class FixGridService(IFixGridMaintenance grids, IWorkLeases leases, WorkerOptions options, TimeProvider clock, ILogger<FixGridService> logger) : BackgroundService
{
    /// <summary>Refreshes done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // building a backlog of grids must not hold up the server's start
        await SingletonWork.RunEveryWhileHeldAsync(leases, WorkLeaseNames.FixGrids, options.LeaseRetryEvery, options.FixGridsEvery, clock, async token =>
        {
            int built = await grids.RefreshAsync(token);
            if (built > 0)
            {
                LogBuilt(built);
            }
        }, LogFailed, Passes, logger, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fix store: {Days} day grid(s) built")]
    private partial void LogBuilt(int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building day grids failed; strict runs build what they need, and this runs again at the next interval")]
    private partial void LogFailed(Exception ex);
}
