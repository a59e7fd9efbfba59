using Microsoft.Extensions.Logging;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Server.Workers;

/// <summary>
/// Runs a background worker's passes only on the node that holds its lease (<see cref="IWorkLeases"/>): the node
/// contends for the lease every <see cref="WorkerOptions.LeaseRetryEvery"/> until it has it, then runs the worker's loop
/// — a pass at once and then at the worker's interval, as with one server — asking before each pass that the lease
/// still stands. A lease lost mid-pass cancels the pass; the node then contends again like any other.
/// </summary>
public static partial class SingletonWork
{
    /// <summary>
    /// Holds lease <paramref name="name"/> whenever this node can and runs <paramref name="pass"/> now and every
    /// <paramref name="period"/> while it does (<see cref="PeriodicTimerExtensions.RunEveryAsync"/>), until the server stops.
    /// <paramref name="taken"/>, if given, runs first each time the lease is taken (to clean up after a holder that died).
    /// </summary>
    public static Task RunEveryWhileHeldAsync(
        IWorkLeases leases, string name, TimeSpan retryEvery, TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> pass, Action<Exception> failed,
        WorkerPasses passes, ILogger logger, CancellationToken stoppingToken, Func<CancellationToken, Task>? taken = null) =>
        RunWhileHeldAsync(leases, name, retryEvery, clock, logger, async (lease, holding) =>
        {
            if (taken is not null)
            {
                await taken(holding.Token);
            }

            await PeriodicTimerExtensions.RunEveryAsync(period, clock, AskFirst(lease, holding, pass), failed, passes, holding.Token);
        }, stoppingToken);

    /// <summary>Holds lease <paramref name="name"/> whenever this node can, running <paramref name="whileHeld"/> with a
    /// source cancelled when the lease is lost or the server stops, until the server stops.</summary>
    public static async Task RunWhileHeldAsync(
        IWorkLeases leases, string name, TimeSpan retryEvery, TimeProvider clock, ILogger logger, Func<IWorkLease, CancellationTokenSource, Task> whileHeld, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(whileHeld);
        while (!stoppingToken.IsCancellationRequested)
        {
            IWorkLease? lease = null;
            try
            {
                lease = await leases.TryTakeAsync(name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a while; the node keeps asking.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogTakeFailed(logger, ex, name);
            }

            if (lease is null)
            {
                if (!await WaitAsync(retryEvery, clock, stoppingToken))
                {
                    return;
                }

                continue;
            }

            await using (lease)
            {
                using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                LogTaken(logger, name);
                try
                {
                    await whileHeld(lease, holding);
                }
                catch (OperationCanceledException) when (holding.IsCancellationRequested)
                {
                    // lost, given up or stopping
                }
#pragma warning disable CA1031 // Whatever broke the held work, the lease is given up and contended for again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogTakeFailed(logger, ex, name);
                }

                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                LogLost(logger, name);
            }

            // Contend again only after a pause: work that ends at once (a worker switched off, a pass that keeps
            // failing) must not spin taking and giving up a lease that is always granted (one process on SQLite).
            if (!await WaitAsync(retryEvery, clock, stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>A pass that first asks whether the lease still stands; when it does not, the holding ends (and the
    /// pass neither runs nor counts).</summary>
    public static Func<CancellationToken, Task> AskFirst(IWorkLease lease, CancellationTokenSource holding, Func<CancellationToken, Task> pass) => async token =>
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(holding);
        if (!await lease.ConfirmAsync(token))
        {
            await holding.CancelAsync();
            token.ThrowIfCancellationRequested();
        }

        await pass(token);
    };

    private static async Task<bool> WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node now runs {Lease}")]
    private static partial void LogTaken(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node no longer holds {Lease}; its work stopped, and another node may take it over")]
    private static partial void LogLost(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take or hold {Lease}; asking again shortly")]
    private static partial void LogTakeFailed(ILogger logger, Exception ex, string lease);
}
