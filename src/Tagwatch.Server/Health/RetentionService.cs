using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Retention;

namespace Tagwatch.Server.Health;

/// <summary>Daily (and once shortly after start): deletes data past its retention in small batches, and records the erasure in the audit log.</summary>
public sealed partial class RetentionService(RetentionRun retention, ILogger<RetentionService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Let start-up (migrations, demo seeding, listeners) finish first.
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await PeriodicTimerExtensions.RunEveryAsync(TimeSpan.FromHours(24), async token =>
        {
            var counts = await retention.RunAsync("system", "System", cancellationToken: token);
            LogDone(counts.Total, counts);
        }, LogFailed, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Total} items past retention deleted ({Counts})")]
    private partial void LogDone(long total, RetentionCounts counts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed; it runs again in a day")]
    private partial void LogFailed(Exception ex);
}
