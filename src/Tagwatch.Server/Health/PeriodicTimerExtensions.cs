namespace Tagwatch.Server.Health;

/// <summary>Background loops stop quietly when the server does.</summary>
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
}
