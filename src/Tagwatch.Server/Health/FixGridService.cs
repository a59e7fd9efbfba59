using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Server.Health;

/// <summary>Every ten minutes: builds the day grids that changed (the live day, late uploads, imports) so that a strict
/// correlation run reads them instead of building them, and deletes stale ones.</summary>
public sealed partial class FixGridService(SqliteFixGrids grids, ILogger<FixGridService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // building a backlog of grids must not hold up the server's start
        await PeriodicTimerExtensions.RunEveryAsync(TimeSpan.FromMinutes(10), async token =>
        {
            int built = await grids.RefreshAsync(token);
            if (built > 0)
            {
                LogBuilt(built);
            }
        }, LogFailed, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fix store: {Days} day grid(s) built")]
    private partial void LogBuilt(int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building day grids failed; strict runs build what they need, and this runs again in ten minutes")]
    private partial void LogFailed(Exception ex);
}
