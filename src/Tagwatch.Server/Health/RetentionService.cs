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
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
        try
        {
            // Let start-up (migrations, demo seeding, listeners) finish first.
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        do
        {
            try
            {
                var counts = await retention.RunAsync("system", "System", cancellationToken: stoppingToken);
                LogDone(counts.Total, counts);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed purge must not stop the server; it runs again tomorrow.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Total} items past retention deleted ({Counts})")]
    private partial void LogDone(long total, RetentionCounts counts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed; it runs again in a day")]
    private partial void LogFailed(Exception ex);
}
