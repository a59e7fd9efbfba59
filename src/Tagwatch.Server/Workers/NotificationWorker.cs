using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Notifications;

namespace Tagwatch.Server.Workers;

/// <summary>
/// Every <see cref="NotificationOptions.CheckEverySeconds"/> of the server's clock: sends the notices of alerts left
/// unacknowledged (<see cref="AlertEscalation"/>). A mail server that fails is logged and retried at the next check;
/// it never stops the server. Idle when notifications are off. On one node at a time (<see cref="WorkLeaseNames.Notifications"/>),
/// so a notice is never sent twice by two nodes.
/// </summary>
public sealed partial class NotificationWorker(AlertEscalation escalation, IWorkLeases leases, WorkerOptions workers, NotificationOptions options, TimeProvider clock, ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>Checks done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        await SingletonWork.RunEveryWhileHeldAsync(leases, WorkLeaseNames.Notifications, workers.LeaseRetryEvery, TimeSpan.FromSeconds(options.CheckEverySeconds), clock, async token =>
        {
            var pass = await escalation.RunAsync(token);
            if (pass.Sent + pass.Failed > 0)
            {
                LogDone(pass.Sent, pass.Failed);
            }
        }, LogFailed, Passes, logger, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notifications: {Sent} sent, {Failed} failed (retried at the next check)")]
    private partial void LogDone(int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert notification check failed; it runs again at the next interval")]
    private partial void LogFailed(Exception ex);
}
