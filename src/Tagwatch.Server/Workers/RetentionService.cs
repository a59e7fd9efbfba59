using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Retention;

namespace Tagwatch.Server.Workers;

/// <summary>Daily (and once shortly after start): deletes data past its retention in small batches, and records the
/// erasure in the audit log. Both intervals are <see cref="WorkerOptions"/>. On one node at a time
/// (<see cref="WorkLeaseNames.Retention"/>): a node that takes it over purges at once and then at the interval.</summary>
public sealed partial class RetentionService(RetentionRun retention, IWorkLeases leases, WorkerOptions options, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>Purges done (or failed) so far.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Let start-up (migrations, demo seeding, listeners) finish first.
            await Task.Delay(options.RetentionFirstAfter, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await SingletonWork.RunEveryWhileHeldAsync(leases, WorkLeaseNames.Retention, options.LeaseRetryEvery, options.RetentionEvery, clock, async token =>
        {
            var counts = await retention.RunAsync("system", "System", cancellationToken: token);
            LogDone(counts.Total, counts);
        }, LogFailed, Passes, logger, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Total} items past retention deleted ({Counts})")]
    private partial void LogDone(long total, RetentionCounts counts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed; it runs again at the next interval")]
    private partial void LogFailed(Exception ex);
}
