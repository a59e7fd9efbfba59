namespace Tagwatch.Server.Workers;

/// <summary>Background loops run on the server's clock and stop quietly when the server does.</summary>
public static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; false once <paramref name="cancellationToken"/> says the server is stopping.</summary>
    public static async Task<bool> TickOrStopAsync(this PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> now and then every <paramref name="period"/> of <paramref name="clock"/> until the
    /// server stops. A pass that fails is handed to <paramref name="failed"/> (to log) and the next pass runs as usual:
    /// maintenance never stops the server. Each pass, failed or not, is counted in <paramref name="passes"/>.
    /// </summary>
    public static async Task RunEveryAsync(
        TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> work, Action<Exception> failed, WorkerPasses passes, CancellationToken stoppingToken)
    {
        // Made before the first pass, so a tick that falls due while it runs is not missed.
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of one pass is reported; the loop must go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(ex);
            }

            passes.Finish();
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }
}
